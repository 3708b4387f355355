import fc from 'fast-check';
import { isSmall, planGroups, POPULATION, type GroupPlan, type GroupSpec, type HiddenReason } from '@hubpulse/disclosure';
import type { LeaderItemRead } from '@hubpulse/clickhouse';
import { planCounts, type Decisions } from './pattern-release';
import { releaseLeaders, type LeaderDecision } from './leader-release';

/**
 * releaseLeaders as it was written first (the reference): every difference's answering leaders
 * counted by marking the people of the parent, unmarking the inside groups' and walking every
 * answered item. The kept per-group counts per leader must decide exactly the same.
 */
function plainReleaseLeaders(plan: GroupPlan, items: readonly LeaderItemRead[], queue: readonly LeaderItemRead[]): { rows: Map<string, LeaderDecision>; queue: Decisions } {
  const s = plan.structure;
  const k = plan.k;
  const distinct = (list: readonly LeaderItemRead[]) => new Map([...new Set(list.map((i) => i.asker_id))].map((p) => [p, 1]));
  const sumsOf = (list: readonly LeaderItemRead[]) => s.sums(distinct(list));
  const askerSums = sumsOf(items);
  const askers = planCounts(plan, askerSums.perGroup, askerSums.population);
  const queueSums = sumsOf(queue);
  const queueDecisions = planCounts(plan, queueSums.perGroup, queueSums.population);

  // answered items by asker index in the plan's population
  const answered = items.filter((i) => i.first_replier_id !== '' && s.personIndex.has(i.asker_id)).map((i) => ({ asker: s.personIndex.get(i.asker_id)!, leader: i.first_replier_id }));
  const mark = new Uint8Array(s.populationSize);
  /** Distinct leaders behind the answered items of the people of `inside` minus those of `outside` (−1: the population). */
  const leadersOf = (inside: number, outside: readonly number[]) => {
    if (inside < 0) mark.fill(1);
    else {
      mark.fill(0);
      for (const p of s.members[inside]) mark[p] = 1;
    }
    for (const o of outside) for (const p of s.members[o]) mark[p] = 0;
    const leaders = new Set<string>();
    for (const a of answered) if (mark[a.asker]) leaders.add(a.leader);
    return leaders.size;
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

describe('releaseLeaders', () => {
  it('decides what the plain marking of people decides, on random groups, askers and leaders', () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const family = fc.constantFrom('department', 'manager', 'segment');
    const group = fc.record({ family, members: fc.subarray(people, { minLength: 1 }) });
    const item = fc.record({ asker: fc.constantFrom(...people, 'gone'), leader: fc.constantFrom('', 'L1', 'L2', 'L3', 'L4', 'L5') });
    let hidden = 0;
    let shown = 0;
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 9 }), fc.array(item, { maxLength: 60 }), (gs, its) => {
        const specs: GroupSpec[] = gs.map((g, i) => ({ key: `${g.family}:${i}`, family: g.family, members: g.members }));
        const plan = planGroups(people, specs, 2);
        const items: LeaderItemRead[] = its.map((i) => ({ kind: 'qa', asker_id: i.asker, raised_at: '2026-03-02 09:00:00.000', first_reply_at: i.leader ? '2026-03-02 12:00:00.000' : null, first_replier_id: i.leader }));
        const got = releaseLeaders(plan, items, items.slice(0, 10));
        const want = plainReleaseLeaders(plan, items, items.slice(0, 10));
        expect([...got.rows]).toEqual([...want.rows]);
        expect([...got.queue]).toEqual([...want.queue]);
        for (const d of got.rows.values()) d.answers === null ? shown++ : d.askers === null && hidden++;
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: answers are shown, and hidden for the leaders alone (askers shown), many times.
    expect(shown).toBeGreaterThan(200);
    expect(hidden).toBeGreaterThan(200);
  });
});
