import { isSmall, POPULATION, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import { planCounts, type Decisions } from './pattern-release';
import type { LeaderItemRead } from '@hubpulse/clickhouse';

/**
 * Leader responsiveness numbers are about two sets of people: the askers (every number) and the
 * leaders who gave the first replies (answered, answered share, median reply time: a department
 * with one answering leader would show that leader's reply times). Released over every group of the
 * plan at once (by the asker's group today):
 *
 * - askers: planStat 'mean' with the distinct askers as contributors: ≥ k in the group, in every
 *   difference with a shown container and in every family remainder (askers add up over disjoint
 *   groups, so x(P) − x(C) is exact);
 * - answering leaders: distinct first repliers do not add up (one leader answers many groups), so the
 *   differences are counted from the items themselves: the leaders behind the items of the askers
 *   in P \ C, and in P minus its shown children of a family, must not be 1..k−1. A group that fails
 *   is hidden (merged into its parent's remainder) and the checks repeat.
 */
export interface LeaderDecision {
  /** Raised and the queue: askers. */
  askers: HiddenReason | null;
  /** Answered, answered share and median: askers, then answering leaders. */
  answers: HiddenReason | null;
}

export function releaseLeaders(plan: GroupPlan, items: readonly LeaderItemRead[], queue: readonly LeaderItemRead[]): { rows: Map<string, LeaderDecision>; queue: Decisions } {
  const s = plan.structure;
  const k = plan.k;
  const distinct = (list: readonly LeaderItemRead[]) => new Map([...new Set(list.map((i) => i.asker_id))].map((p) => [p, 1]));
  const sumsOf = (list: readonly LeaderItemRead[]) => s.sums(distinct(list));
  const askerSums = sumsOf(items);
  const askers = planCounts(plan, askerSums.perGroup, askerSums.population);
  const queueSums = sumsOf(queue);
  const queueDecisions = planCounts(plan, queueSums.perGroup, queueSums.population);

  // Answered items per asker (index in the plan's population), their leaders as small integers.
  const leaderIds = new Map<string, number>();
  const byAsker = new Map<number, number[]>();
  for (const i of items) {
    const asker = s.personIndex.get(i.asker_id);
    if (i.first_replier_id === '' || asker === undefined) continue;
    let l = leaderIds.get(i.first_replier_id);
    if (l === undefined) leaderIds.set(i.first_replier_id, (l = leaderIds.size));
    const list = byAsker.get(asker);
    if (list) list.push(l);
    else byAsker.set(asker, [l]);
  }
  // Per group (−1: the population), answered items per leader: kept, since every pair and packing
  // of the rounds below asks again about the same groups.
  const counts = new Map<number, Map<number, number>>();
  const countsOf = (g: number): Map<number, number> => {
    let m = counts.get(g);
    if (m) return m;
    m = new Map();
    const add = (list: readonly number[] | undefined) => {
      for (const l of list ?? []) m!.set(l, (m!.get(l) ?? 0) + 1);
    };
    if (g < 0) for (const list of byAsker.values()) add(list);
    else for (const p of s.members[g]) add(byAsker.get(p));
    counts.set(g, m);
    return m;
  };
  /**
   * Distinct leaders behind the answered items of the people of `inside` (−1: the population) minus
   * those of `outside` (disjoint groups inside it): a leader counts when `inside` has more of their
   * items than the outside groups together.
   */
  const leadersOf = (inside: number, outside: readonly number[]) => {
    const all = countsOf(inside);
    if (outside.length === 0) return all.size;
    const out = outside.map(countsOf);
    let n = 0;
    for (const [l, c] of all) {
      let o = 0;
      for (const m of out) o += m.get(l) ?? 0;
      if (c > o) n++;
    }
    return n;
  };

  const released = new Uint8Array(s.count);
  const reason = new Map<string, HiddenReason>();
  for (let i = 0; i < s.count; i++) {
    const key = s.groups[i].key;
    const a = askers.get(key);
    if (!a?.shown) continue;
    if (leadersOf(i, []) < k) reason.set(key, 'numerator');
    else released[i] = 1;
  }
  const popReleased = askers.get(POPULATION)?.shown === true && leadersOf(-1, []) >= k;
  if (!popReleased) reason.set(POPULATION, askers.get(POPULATION)?.reason ?? 'numerator');
  const isReleased = (i: number) => released[i] === 1;
  for (;;) {
    const victims = new Map<number, HiddenReason>();
    for (let c = 0; c < s.count; c++) {
      if (!isReleased(c)) continue;
      for (const P of [...(popReleased ? [-1] : []), ...s.containers[c].filter(isReleased)]) {
        if (isSmall(leadersOf(P, [c]), k)) victims.set(c, 'difference');
      }
    }
    for (let P = -1; P < s.count; P++) {
      if (P < 0 ? !popReleased : !isReleased(P)) continue;
      for (const pack of s.packings(P, isReleased)) {
        if (pack.length < 2) continue; // one group inside P: the pair check above
        if (!isSmall(leadersOf(P, pack), k)) continue;
        const victim = s.remainderVictim(P, pack);
        if (!victims.has(victim)) victims.set(victim, P < 0 ? 'remainder' : 'hierarchy');
      }
    }
    if (victims.size === 0) break;
    for (const [i, r] of victims) {
      released[i] = 0;
      reason.set(s.groups[i].key, r);
    }
  }
  const rows = new Map<string, LeaderDecision>();
  for (const key of [POPULATION, ...s.groups.map((g) => g.key)]) {
    const a = askers.get(key);
    const askersHidden = a ? a.reason : 'below_minimum';
    rows.set(key, { askers: askersHidden, answers: askersHidden ?? reason.get(key) ?? null });
  }
  return { rows, queue: queueDecisions };
}

/**
 * The organisation's days: a day shows its items with ≥ k askers, and its replies with ≥ k answering
 * leaders too. The range's organisation row is shown beside them, so the hidden days together are
 * the row minus the shown days: while they hold 1..k−1 askers (or leaders), or are a single day, the
 * smallest shown day is hidden as well ('complementary', as suppressTable does for a row).
 */
export function releaseDays(days: readonly { day: string; items: readonly LeaderItemRead[] }[], k: number, totalShown: { askers: boolean; answers: boolean }): Map<string, LeaderDecision> {
  const askersOf = (list: readonly LeaderItemRead[]) => new Set(list.map((i) => i.asker_id));
  const leadersOf = (list: readonly LeaderItemRead[]) => new Set(list.filter((i) => i.first_replier_id !== '').map((i) => i.first_replier_id));
  const out = new Map(days.map((d) => [d.day, { askers: null, answers: null } as LeaderDecision]));
  const complete = (field: keyof LeaderDecision, people: (l: readonly LeaderItemRead[]) => Set<string>, rowShown: boolean) => {
    for (const d of days) {
      const n = people(d.items).size;
      if (out.get(d.day)![field] === null && n < k) out.get(d.day)![field] = field === 'answers' && out.get(d.day)!.askers ? out.get(d.day)!.askers : 'numerator';
    }
    if (!rowShown) return;
    for (;;) {
      const hidden = days.filter((d) => out.get(d.day)![field] !== null && d.items.length > 0);
      const union = people(hidden.flatMap((d) => d.items)).size;
      if (hidden.length === 0 || (hidden.length > 1 && !isSmall(union, k))) break;
      const shown = days.filter((d) => out.get(d.day)![field] === null && d.items.length > 0);
      if (shown.length === 0) break;
      const pick = shown.reduce((a, b) => (people(b.items).size <= people(a.items).size ? b : a));
      out.get(pick.day)![field] = 'complementary';
    }
  };
  complete('askers', askersOf, totalShown.askers);
  for (const d of days) if (out.get(d.day)!.askers) out.get(d.day)!.answers = out.get(d.day)!.askers;
  complete('answers', leadersOf, totalShown.answers);
  return out;
}
