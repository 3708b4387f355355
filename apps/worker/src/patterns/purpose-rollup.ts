import { PURPOSES, type PatternGroupBy, type Purpose } from '@hubpulse/contracts';
import { addDays } from '@hubpulse/contracts';
import type { CellDelta, GroupDelta } from '@hubpulse/clickhouse';

/** What a person did on a day, as bits; a metric counts people with any of its bits in the window. */
const PURPOSE_BITS = {
  inform_view: 1,
  vision_action: 2,
  ceo_feedback: 4,
  doc_share: 8,
  doc_reuse: 16,
  feedback: 32,
  task_update: 64,
  conversation: 128,
  strategy_action: 256,
} as const;
const B = PURPOSE_BITS;

/** People metrics counted by the window SQL: name → mask. The purpose numerators are unions, so they are metrics of their own. */
export const PEOPLE_METRICS: Record<string, number> = {
  inform: B.inform_view,
  vision: B.vision_action | B.ceo_feedback,
  productivity: B.doc_share | B.doc_reuse | B.feedback | B.task_update,
  engagement: B.conversation,
  strategy: B.strategy_action,
  vision_engagers: B.vision_action,
  ceo_feedback: B.ceo_feedback,
  doc_sharers: B.doc_share,
  doc_reusers: B.doc_reuse,
  feedback_givers: B.feedback,
  task_updaters: B.task_update,
};

/** Running sums of the conversation deltas: conversations and led conversations per group and day index. */
export function conversationCounts(deltas: GroupDelta[], days: number): ConversationCount[] {
  const series = new Map<string, { conversations: number[]; led: number[] }>();
  for (const d of deltas) {
    if (d.k < 0 || d.k >= days) continue;
    const key = `${d.group_kind}\u0000${d.group_value}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { conversations: new Array<number>(days).fill(0), led: new Array<number>(days).fill(0) }));
    s[d.metric][d.k] += d.delta;
  }
  const out: ConversationCount[] = [];
  for (const [key, s] of series) {
    const [group_kind, group_value] = key.split('\u0000') as [PatternGroupBy, string];
    let c = 0;
    let l = 0;
    for (let k = 0; k < days; k++) {
      c += s.conversations[k];
      l += s.led[k];
      if (c !== 0 || l !== 0) out.push({ k, group_kind, group_value, conversations: c, led: l });
    }
  }
  return out;
}

/** Conversations per day index and group, distinct per group. */
interface ConversationCount {
  k: number;
  group_kind: PatternGroupBy;
  group_value: string;
  conversations: number;
  led: number;
}

interface PurposeRow {
  day: string;
  group_kind: PatternGroupBy;
  group_value: string;
  purpose: Purpose;
  numerator: number;
  denominator: number;
  parts: Record<string, number>;
}

const PARTS: Record<Purpose, string[]> = {
  inform: [],
  vision: ['vision_engagers', 'ceo_feedback'],
  productivity: ['doc_sharers', 'doc_reusers', 'feedback_givers', 'task_updaters'],
  engagement: [],
  strategy: [],
};

/**
 * Turns cell deltas into per-day counts (a running sum over day indices 0..days−1) and rolls the
 * cells up to the organisation, each department and each location — people sit in exactly one
 * cell, so counts add up. Strategy rows are written only when audiences are linked.
 */
export function purposeRows(
  from: string,
  days: number,
  deltas: CellDelta[],
  conversations: ConversationCount[],
  withStrategy: boolean,
): PurposeRow[] {
  // group key → metric → dense day counts
  const groups = new Map<string, Map<string, number[]>>();
  const add = (key: string, metric: string, k: number, delta: number) => {
    let metrics = groups.get(key);
    if (!metrics) groups.set(key, (metrics = new Map()));
    let series = metrics.get(metric);
    if (!series) metrics.set(metric, (series = new Array<number>(days).fill(0)));
    series[k] += delta;
  };
  for (const d of deltas) {
    if (d.k < 0 || d.k >= days) continue;
    for (const key of groupKeys(d.department, d.location)) add(key, d.metric, d.k, d.delta);
  }
  for (const series of [...groups.values()].flatMap((m) => [...m.values()])) {
    for (let k = 1; k < days; k++) series[k] += series[k - 1];
  }
  const conv = new Map(conversations.map((c) => [`${c.group_kind}\u0000${c.group_value}\u0000${c.k}`, c]));

  const rows: PurposeRow[] = [];
  for (const [key, metrics] of groups) {
    const [group_kind, group_value] = key.split('\u0000') as [PatternGroupBy, string];
    const at = (metric: string, k: number) => metrics.get(metric)?.[k] ?? 0;
    for (let k = 0; k < days; k++) {
      const day = addDays(from, k);
      for (const purpose of PURPOSES) {
        if (purpose === 'strategy' && !withStrategy) continue;
        const denominator = purpose === 'strategy' ? at('audience', k) : at('population', k);
        const parts: Record<string, number> = Object.fromEntries(PARTS[purpose].map((p) => [p, at(p, k)]));
        if (purpose === 'inform') parts.readers = at('inform', k);
        if (purpose === 'strategy') parts.audience_members = denominator;
        if (purpose === 'engagement') {
          const c = conv.get(`${key}\u0000${k}`);
          parts.conversations = c?.conversations ?? 0;
          parts.led_conversations = c?.led ?? 0;
        }
        rows.push({ day, group_kind, group_value, purpose, numerator: at(purpose, k), denominator, parts });
      }
    }
  }
  return rows;
}

function groupKeys(department: string, location: string): string[] {
  return [`org\u0000`, `department\u0000${department}`, `location\u0000${location}`];
}
