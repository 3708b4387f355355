import { planGroups, POPULATION, suppressTable, type GroupSpec } from '@hubpulse/disclosure';
import { releaseShare, releaseTable } from './pattern-release';
import { buildTable } from './pattern.fixtures';
import { releaseDays, releaseLeaders } from './leader-release';

const K = 3;
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);
const dept = (name: string, members: string[]): GroupSpec => ({ key: `department:${name}`, family: 'department', members });

/** Every count a reader can form from one column: groups, group − contained group, parent − its shown children. */
function derivable(plan: ReturnType<typeof planGroups>, shown: Map<string, number>): number[] {
  const s = plan.structure;
  const out = [...shown.values()];
  const keys = [...shown.keys()];
  for (const a of keys) {
    for (const b of keys) {
      if (a === b) continue;
      const ia = a === POPULATION ? -1 : s.index.get(a)!;
      const ib = s.index.get(b)!;
      if (ib === undefined) continue;
      const contains = ia < 0 || s.containers[ib].includes(ia);
      if (contains) out.push(shown.get(a)! - shown.get(b)!);
    }
  }
  for (const P of keys) {
    const ip = P === POPULATION ? -1 : s.index.get(P)!;
    for (const F of s.families) {
      const children = s.childrenOf(ip, F, (i) => shown.has(s.groups[i].key));
      if (children && children.length > 1) out.push(shown.get(P)! - children.reduce((sum, c) => sum + shown.get(s.groups[c].key)!, 0));
    }
  }
  return out;
}
const small = (n: number) => n >= 1 && n < K;

/** Per column: every derivable count and complement is 0 or ≥ k; per shown row: hidden cells are none, or ≥ 2 adding up to ≥ k. */
function expectNothingSmall<C extends string>(table: ReturnType<typeof buildTable<C>>, released: ReturnType<typeof releaseTable<C>>) {
  const plan = planGroups(ids(1, 22), [dept('eng', ids(1, 10)), dept('ops', ['p11']), dept('sales', ids(12, 17)), dept('hr', ids(18, 22))], K);
  const shownTotals = new Map([...table.totals].filter(([key]) => released.totals.get(key)?.shown));
  for (const c of table.columns) {
    const x = new Map<string, number>();
    const rest = new Map<string, number>();
    for (const [key, d] of released.cells.get(c)!) {
      if (!d.shown) continue;
      x.set(key, table.cells.get(c)!.get(key) ?? 0);
      rest.set(key, table.totals.get(key)! - x.get(key)!);
    }
    for (const n of [...derivable(plan, x), ...derivable(plan, rest)]) expect(small(n)).toBe(false);
  }
  for (const key of shownTotals.keys()) {
    const hidden = table.columns.filter((c) => !released.cells.get(c)!.get(key)?.shown);
    const sum = hidden.reduce((a, c) => a + (table.cells.get(c)!.get(key) ?? 0), 0);
    expect(hidden.length === 0 || (hidden.length > 1 && sum >= K)).toBe(true);
  }
}

describe('pattern release (issue 11)', () => {
  // eng 10 people (p1..p10), ops 1 person (p11), sales 6 (p12..p17), hr 5 (p18..p22): 22 people.
  // The plan hides ops (below k) and hr (the population minus eng and sales would be ops alone).
  const groups = [dept('eng', ids(1, 10)), dept('ops', ['p11']), dept('sales', ids(12, 17)), dept('hr', ids(18, 22))];
  const plan = planGroups(ids(1, 22), groups, K);
  it('the plan: ops and hr hidden', () => {
    expect(plan.all().map((g) => [g.key, g.shown])).toEqual([['department:eng', true], ['department:ops', false], ['department:sales', true], ['department:hr', false]]);
  });

  it('a one-person department is hidden, and so is a second one so that the population minus the shown ones is not that person', () => {
    // personas: everyone an observer except p11 (responder) and p12..p13 (catalysts)
    const persona = new Map(ids(1, 22).map((p) => [p, p === 'p11' ? 'responder' : p === 'p12' || p === 'p13' ? 'catalyst' : 'observer']));
    const table = buildTable(plan, persona, ['observer', 'responder', 'catalyst'] as const);
    // the attack before: per-group suppression shows eng's and sales's observers beside the organisation's
    const naive = suppressTable([{ key: 'observer', count: 14 }, { key: 'responder', count: 1 }, { key: 'catalyst', count: 2 }], 17, K);
    expect(naive.cells.find((c) => c.key === 'observer')!.count).toBe(14); // 17 − 14 = the 3 others…
    // …and eng 10 + sales 4 observers = 14: the organisation's row says nothing about ops, but ops' total does
    const released = releaseTable(plan, table);
    expect(released.totals.get('department:ops')!.shown).toBe(false);
    // what a reader can compute from the observer column: nothing describes 1..k−1 people
    const column = new Map<string, number>();
    for (const [key, d] of released.cells.get('observer')!) if (d.shown) column.set(key, table.cells.get('observer')!.get(key)!);
    for (const n of derivable(plan, column)) expect(small(n)).toBe(false);
    expectNothingSmall(table, released);
  });

  it('a group of k+1 with one person in a persona: the single hidden cell is not recoverable from the row total', () => {
    // sales (6): 5 observers, 1 engager; eng (10): 7 observers, 3 engagers
    const persona = new Map(ids(1, 22).map((p) => [p, ['p12', 'p1', 'p2', 'p3'].includes(p) ? 'engager' : 'observer']));
    const table = buildTable(plan, persona, ['observer', 'engager'] as const);
    const released = releaseTable(plan, table);
    const cell = (c: 'observer' | 'engager', key: string) => released.cells.get(c)!.get(key);
    // sales: 1 engager (hidden, numerator), so 5 observers must be hidden too, else 6 − 5 = 1
    expect(cell('engager', 'department:sales')!.reason).toBe('numerator');
    expect(cell('observer', 'department:sales')!.shown).toBe(false);
    expectNothingSmall(table, released);
  });

  it('a share needs its numerator and its complement ≥ k, also as a difference of two shown groups', () => {
    // population 22, eng 10: eng x = 5 of 10, population x = 6 of 22 → population − eng = 1 of 12
    const x = new Map([['department:eng', 5], ['department:sales', 1]]);
    const comp = new Map([['department:eng', 5], ['department:sales', 5]]);
    const d = releaseShare(plan, x, comp, { x: 6, complement: 16 });
    expect(d.get('department:sales')).toEqual({ shown: false, reason: 'numerator' });
    // shown together, 6 − 5 = 1 person outside eng: one of them is hidden
    expect(d.get(POPULATION)!.shown && d.get('department:eng')!.shown).toBe(false);
    // a complement below k: 9 of eng's 10
    const e = releaseShare(plan, new Map([['department:eng', 9]]), new Map([['department:eng', 1]]), null);
    expect(e.get('department:eng')).toEqual({ shown: false, reason: 'complement' });
  });

  it('leader replies need k answering leaders: a department with one answering leader shows no reply numbers', () => {
    const item = (asker: string, leader: string) => ({ kind: 'qa', asker_id: asker, raised_at: '2026-03-02 09:00:00.000', first_reply_at: leader ? '2026-03-02 12:00:00.000' : null, first_replier_id: leader });
    // eng: 4 askers, all answered by L1 → one answering leader: reply numbers hidden, raised shown
    const eng = ids(1, 4).map((p) => item(p, 'L1'));
    const sales = [item('p12', 'L1'), item('p13', 'L2'), item('p14', 'L3')];
    const hr = (leaders: string[]) => ['p18', 'p19', 'p20'].map((p, i) => item(p, leaders[i]));
    const one = releaseLeaders(plan, [...eng, ...sales, ...hr(['L1', 'L1', 'L1'])], []).rows;
    expect(one.get('department:eng')).toEqual({ askers: null, answers: 'numerator' });
    // sales has 3 answering leaders, the organisation 3 too, but the organisation minus sales is
    // answered by L1 alone: both shown would give L1's reply times by subtraction
    expect(one.get('department:sales')!.answers === null && one.get(POPULATION)!.answers === null).toBe(false);
    // with other leaders answering the rest, both are shown
    const many = releaseLeaders(plan, [...eng, ...sales, ...hr(['L4', 'L5', 'L6'])], []).rows;
    expect([many.get('department:sales'), many.get(POPULATION)]).toEqual([
      { askers: null, answers: null },
      { askers: null, answers: null },
    ]);
  });

  it('days hidden beside the range total are never a single day or fewer than k askers together', () => {
    const item = (asker: string, day: string) => ({ kind: 'qa', asker_id: asker, raised_at: `${day} 09:00:00.000`, first_reply_at: null, first_replier_id: '' });
    const days = [
      { day: '2026-03-02', items: ids(1, 4).map((p) => item(p, '2026-03-02')) },
      { day: '2026-03-03', items: [item('p5', '2026-03-03')] },
      { day: '2026-03-04', items: ids(6, 9).map((p) => item(p, '2026-03-04')) },
    ];
    const d = releaseDays(days, K, { askers: true, answers: false });
    expect(d.get('2026-03-03')!.askers).toBe('numerator');
    expect([d.get('2026-03-02')!.askers, d.get('2026-03-04')!.askers].filter((r) => r === 'complementary')).toHaveLength(1);
  });
});
