import { hiddenReasonText, round } from '@hubpulse/contracts';
// Shaping for leader responsiveness: the organisation's headline numbers, the unanswered queue by
// age, the daily answered share, the table per group and kind, and CSV.

import type { LeaderItemKind, LeaderResponsivenessResponse, LeaderResponsivenessRow } from '@hubpulse/contracts';
import { type CsvCell, toCsv } from '@hubpulse/contracts';

export const KIND_LABELS: Record<LeaderItemKind | 'all', string> = {
  all: 'All',
  qa: 'Q&A questions',
  ceo_feedback: 'CEO blog feedback',
};

/** "45 min", "5.2 h", "3.1 d". */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  const d = hours / 24;
  return `${d < 10 ? d.toFixed(1) : Math.round(d)} d`;
}

/** The row for all kinds of the first group (the organisation, when grouped by org). */
export function headlineRow(resp: LeaderResponsivenessResponse, group?: string): LeaderResponsivenessRow | null {
  const rows = resp.groups.filter((r) => (group === undefined ? true : r.group === group));
  return rows.find((r) => r.kind === 'all') ?? rows[0] ?? null;
}

export interface QueueBar {
  key: string;
  label: string;
  items: number | null;
}

export function buildQueueBars(resp: LeaderResponsivenessResponse, row: LeaderResponsivenessRow | null): QueueBar[] {
  return resp.queue_bands.map((b) => ({ key: b.key, label: b.label, items: row ? (row.queue[b.key] ?? null) : null }));
}

/** Daily share answered (0–100) by day raised, oldest first. */
export function buildAnsweredTrend(resp: LeaderResponsivenessResponse) {
  return [...resp.days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => ({ day: d.day.slice(0, 10), answered: d.answered_share === null ? null : round(d.answered_share, 1) }));
}

/** Groups by name; within a group "all" first, then each kind. */
export function sortLeaderRows(rows: readonly LeaderResponsivenessRow[]): LeaderResponsivenessRow[] {
  const kindRank = (k: string) => (k === 'all' ? 0 : k === 'qa' ? 1 : 2);
  return [...rows].sort((a, b) => a.group.localeCompare(b.group) || kindRank(a.kind) - kindRank(b.kind));
}

export function leadersCsv(resp: LeaderResponsivenessResponse): string {
  const k = resp.min_group_size;
  const bands = resp.queue_bands.map((b) => b.key);
  const rows: CsvCell[][] = sortLeaderRows(resp.groups).map((r) => [
    resp.range.from,
    resp.range.to,
    resp.by,
    r.group,
    r.kind,
    r.raised,
    r.answered,
    r.answered_share,
    r.median_reply_hours,
    r.queue_total,
    ...bands.map((b) => r.queue[b]),
    [r.hidden_reason ?? r.answers_hidden, r.queue_hidden]
      .filter((h, i, all) => h && all.indexOf(h) === i)
      .map((h) => hiddenReasonText(h, k))
      .join(' '),
  ]);
  return toCsv(
    ['from', 'to', 'group_by', 'group', 'kind', 'raised', 'answered', 'answered_share', 'median_reply_hours', 'unanswered', ...bands.map((b) => `unanswered_${b}`), 'note'],
    rows,
  );
}
