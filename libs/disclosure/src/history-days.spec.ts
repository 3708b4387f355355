import fc from 'fast-check';
import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from './group-plan';
import { planWithHistory, refusedVersions, VersionLedger, WAS_PREFIX } from './history';

const department = (key: string, members: string[]): GroupSpec => ({ key: `department:${key}`, family: 'department', members, priority: 3 });
const people = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('VersionLedger: versions of one group across days differ by 0 or at least k people', () => {
  const K = 5;
  it('one person leaving Sales (6 → 5) hides the new version; five leaving, or the old members back, show', () => {
    const sales = people('s', 6);
    const ledger = new VersionLedger(K);
    expect(ledger.next([department('Sales', sales)])).toEqual(new Set());
    expect(ledger.next([department('Sales', sales.slice(1))])).toEqual(new Set(['department:Sales']));
    expect(ledger.next([department('Sales', sales)])).toEqual(new Set()); // the first version again: 0 apart
    expect(ledger.next([department('Sales', [...sales, ...people('n', 5)])])).toEqual(new Set()); // 5 joined
  });

  it('10 → 9 → 8: the middle one hidden, and the third too (2 apart from the first shown)', () => {
    const d = people('p', 10);
    expect(refusedVersions([[department('D', d)], [department('D', d.slice(1))], [department('D', d.slice(2))]], K).map((s) => [...s])).toEqual([[], ['department:D'], ['department:D']]);
  });

  it('a group below k is never admitted, so it does not block the versions after it; other families are not its business', () => {
    const d = people('p', 10);
    const team = { key: 'team:x', family: 'team', members: d.slice(0, 1) };
    expect(refusedVersions([[department('D', d.slice(0, 4)), team], [department('D', d.slice(0, 5))], [department('D', d)]], K).map((s) => [...s])).toEqual([['department:D'], [], []]);
  });

  it('swaps count on both sides: one in and one out of a 10 is refused', () => {
    const d = people('p', 10);
    expect([...refusedVersions([[department('D', d)], [department('D', [...d.slice(1), 'new'])]], K)[1]]).toEqual(['department:D']);
  });
});

/** Random directories with history: departments d0..d2, a first stretch, then stretches of a few moves each; today's is the last. */
const histories = (K: number) =>
  fc.integer({ min: 3 * K, max: 4 * K + 2 }).chain((n) =>
    fc.record({
      first: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      moves: fc.array(fc.array(fc.record({ person: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: K + 1 }), { minLength: 1, maxLength: 5 }),
    }),
  );

/**
 * Every version of a department shown on some day in some attribution, as the service plans them
 * (DisclosureService: the ledger over the history, today's plan, one plan per past stretch), by
 * department: the member sets (person indexes), deduplicated. A range is a set of days, so these are
 * everything any number of requests over any ranges shows.
 */
function shownVersions({ first, moves }: { first: number[]; moves: { person: number; to: number }[][] }, K: number) {
  const population = first.map((_, p) => `p${p}`);
  const stretches = [first];
  for (const m of moves) {
    const next = [...stretches[stretches.length - 1]];
    for (const { person, to } of m) next[person] = to;
    stretches.push(next);
  }
  const groupsOf = (assign: number[]) => [0, 1, 2].map((d) => department(`d${d}`, population.filter((_, p) => assign[p] === d))).filter((g) => [...g.members].length > 0);
  const versions = stretches.map(groupsOf);
  const refused = refusedVersions(versions, K);
  const today = versions[versions.length - 1];
  const todayRefused = refused[refused.length - 1];
  const todayPlan = planGroups(population, today, K, new Map([...todayRefused].map((k) => [k, 'moved' as const])));
  const plans: GroupPlan[] = [todayPlan, ...versions.slice(0, -1).map((then, s) => planWithHistory(population, today, then, K, todayPlan, { today: todayRefused, then: refused[s] }))];
  const byKey = new Map<string, Map<string, number[]>>();
  for (const plan of plans) {
    const id = [...plan.structure.personIndex.keys()];
    plan.all().forEach((g, i) => {
      if (!g.shown) return;
      const members = [...plan.structure.members[i]].map((p) => Number(id[p].slice(1))).sort((a, b) => a - b);
      const key = g.key.startsWith(WAS_PREFIX) ? g.key.slice(WAS_PREFIX.length) : g.key;
      const of = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
      of.set(members.join(','), members);
    });
  }
  return { n: first.length, stretches, byKey };
}

describe('privacy across days: an attacker combining the shown versions of one group over every day, range and attribution', () => {
  for (const K of [3, 5]) {
    it(`k = ${K}: sizes and sums (size × mean) of two versions never differ one-sidedly by 1..k−1 people`, () => {
      fc.assert(
        fc.property(histories(K), (h) => {
          const { byKey, stretches } = shownVersions(h, K);
          for (const [key, versions] of byKey) {
            const sets = [...versions.values()].map((v) => new Set(v));
            for (const A of sets) {
              for (const B of sets) {
                const onlyA = [...A].filter((p) => !B.has(p)).length;
                if (onlyA >= 1 && onlyA < K) throw new Error(`${key}: versions ${[...A]} and ${[...B]} differ by ${onlyA}; stretches ${JSON.stringify(stretches)}`);
              }
            }
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('one person leaving a department of 6 leaves no pair of days that reveals them (the version after is hidden on every day)', () => {
    const { byKey } = shownVersions({ first: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], moves: [[{ person: 0, to: 1 }]] }, 5);
    expect([...byKey.get('department:d0')!.values()]).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect([...byKey.get('department:d1')!.values()]).toEqual([[6, 7, 8, 9, 10, 11]]);
  });
});

/**
 * The full attack: every shown version of every group on every day is Σ over its members of a
 * per-person value (scores move little, so assume each person's is the same on every day: the
 * reader's best case); the population's too. A reader can work out any linear combination, and must
 * not get one about 1..k−1 people: for every set S of k−1 people, the shown vectors' rank equals their
 * rank without S's columns. KNOWN GAP, so marked failing: the ledger checks versions of one group
 * against each other, and each day's plan the groups of that day, but a version shown on one day
 * combines with a DIFFERENT group's version shown on another (Sales as it was in March beside
 * Operations as it was in May and the population: the remainder of a day neither plan saw). The fix
 * is one plan over every distinct version of every group (a version shown on any day counts as shown
 * on all), not done yet. When it is, this test fails and `.failing` goes.
 */
describe('privacy across days: the full linear attack over every group and day (known gap)', () => {
  const rank = (rows: number[][]): number => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
      let pivot = r;
      for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[pivot][c])) pivot = i;
      if (Math.abs(m[pivot][c]) < 1e-9) continue;
      [m[r], m[pivot]] = [m[pivot], m[r]];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i][c] / m[r][c];
        if (f !== 0) for (let j = c; j < m[i].length; j++) m[i][j] -= f * m[r][j];
      }
      r++;
    }
    return r;
  };
  const subsets = function* (n: number, size: number, start = 0, acc: number[] = []): Generator<number[]> {
    if (acc.length === size) yield acc;
    else for (let i = start; i < n; i++) yield* subsets(n, size, i + 1, [...acc, i]);
  };

  it.failing('k = 3: no combination of shown versions isolates 1 or 2 people', () => {
    const K = 3;
    fc.assert(
      fc.property(histories(K), (h) => {
        const { n, byKey } = shownVersions(h, K);
        const rows = [new Array<number>(n).fill(1), ...[...byKey.values()].flatMap((vs) => [...vs.values()].map((v) => Array.from({ length: n }, (_, j) => (v.includes(j) ? 1 : 0))))];
        const full = rank(rows);
        for (const S of subsets(n, K - 1)) {
          const out = new Set(S);
          if (rank(rows.map((r) => r.filter((_, j) => !out.has(j)))) !== full) throw new Error(`isolates ${S.map((j) => `p${j}`)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
