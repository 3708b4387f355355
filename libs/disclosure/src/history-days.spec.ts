import fc from 'fast-check';
import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from './group-plan';
import { planVersions, planWithHistory, WAS_PREFIX } from './history';

const department = (key: string, members: string[]): GroupSpec => ({ key: `department:${key}`, family: 'department', members, priority: 3 });
const people = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

/** The keys hidden in each stretch (planVersions), with a population of `extra` more people beside the groups. */
const hiddenKeys = (stretches: GroupSpec[][], k: number, extra = 20) => {
  const population = [...new Set(stretches.flatMap((groups) => groups.flatMap((g) => [...g.members])))].concat(people('x', extra));
  return planVersions(population, stretches, k).refused.map((r) => [...r.keys()]);
};

describe('planVersions: versions of one group across days differ by 0 or at least k people', () => {
  const K = 5;
  it('one person leaving Sales (6 → 5) hides the new version (moved); five joining, or the old members back, show', () => {
    const sales = people('s', 6);
    const stretches = [[department('Sales', sales)], [department('Sales', sales.slice(1))], [department('Sales', sales)], [department('Sales', [...sales, ...people('n', 5)])]];
    const population = [...sales, ...people('n', 5), ...people('x', 20)];
    const { refused, versions } = planVersions(population, stretches, K);
    expect(refused.map((r) => [...r])).toEqual([[], [['department:Sales', 'moved']], [], []]);
    expect(versions).toBe(3); // the first version again is the same version
  });

  it('10 → 9 → 8: the middle one hidden, and the third too (2 apart from the first shown)', () => {
    const d = people('p', 10);
    expect(hiddenKeys([[department('D', d)], [department('D', d.slice(1))], [department('D', d.slice(2))]], K)).toEqual([[], ['department:D'], ['department:D']]);
  });

  it('a group below k is never shown, so it does not block the versions after it; other families are not its business', () => {
    const d = people('p', 10);
    const team = { key: 'team:x', family: 'team', members: d.slice(0, 1) };
    expect(hiddenKeys([[department('D', d.slice(0, 4)), team], [department('D', d.slice(0, 5))], [department('D', d)]], K)).toEqual([['department:D'], [], []]);
  });

  it('swaps count on both sides: one in and one out of a 10 is refused', () => {
    const d = people('p', 10);
    expect(hiddenKeys([[department('D', d)], [department('D', [...d.slice(1), 'new'])]], K)[1]).toEqual(['department:D']);
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
 * (DisclosureService: the plan over the history's versions, today's plan, one plan per past stretch), by
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
  const { refused } = planVersions(population, versions, K);
  const today = versions[versions.length - 1];
  const todayRefused = refused[refused.length - 1];
  const todayPlan = planGroups(population, today, K, todayRefused);
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
 * The linear attack: every shown version of every group on every day is Σ over its members of a
 * per-person value (scores move little, so assume each person's is the same on every day: the
 * reader's best case); the population's too. A combination of them must not be about 1..k−1 people:
 * for every set S of k−1 people, the vectors' rank equals their rank without S's columns.
 *
 * What one day's plan checks (planGroups) across families is pairs — nested, cross-tabbed or disjoint
 * groups and the population — and each family's hierarchy whole. planVersions holds versions of any
 * days to that, rule 3 per stretch, and every pair as a linear combination (Sales as it was in March
 * beside Operations as it was in May, overlapping or not): the pair attack below. Three versions from
 * three different stretches are as unchecked as three groups of three families on one day: the last
 * test shows one day has that gap too (departments beside locations), so the plan across days is no
 * weaker than one day's.
 */
describe('privacy across days: the linear attack over every group and day', () => {
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

  const isolating = (n: number, K: number, rows: number[][]): number[] | null => {
    const full = rank(rows);
    for (const S of subsets(n, K - 1)) {
      const out = new Set(S);
      if (rank(rows.map((r) => r.filter((_, j) => !out.has(j)))) !== full) return S;
    }
    return null;
  };
  const row = (n: number, members: readonly number[]) => Array.from({ length: n }, (_, j) => (members.includes(j) ? 1 : 0));

  for (const K of [3, 4]) {
    it(`k = ${K}: no two versions shown on any days (of any groups) and the population isolate 1..k−1 people`, () => {
      fc.assert(
        fc.property(histories(K), (h) => {
          const { n, byKey } = shownVersions(h, K);
          const shown = [...byKey.values()].flatMap((vs) => [...vs.values()]);
          for (let a = 0; a < shown.length; a++) {
            for (let b = a + 1; b < shown.length; b++) {
              const S = isolating(n, K, [new Array<number>(n).fill(1), row(n, shown[a]), row(n, shown[b])]);
              if (S) throw new Error(`[${shown[a]}] and [${shown[b]}] isolate ${S.map((j) => `p${j}`)}`);
            }
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it('two departments of two different days that share a mover, beside the population', () => {
    // d0 {p1..p4, p12}, d1 {p0, p5, p7..p11}, p6 alone in d2; then p5 moves to d0. Each department's
    // newer version is 1 from its older and is hidden, and d0's first is hidden too (beside d1's first
    // it leaves p6). Then d0's second no longer conflicts with anything of its own department and may
    // stand beside d1's first — no one day shows both — but they share p5, and the population minus
    // both is p6 − p5: about two people. Disjoint pairs alone (one day's rule 4) miss it.
    const first = [1, 0, 0, 0, 0, 1, 2, 1, 1, 1, 1, 1, 0];
    const { n, byKey, stretches } = shownVersions({ first, moves: [[{ person: 5, to: 0 }]] }, 3);
    const shown = [...byKey.values()].flatMap((vs) => [...vs.values()]);
    expect(isolating(n, 3, [new Array<number>(n).fill(1), ...shown.map((v) => row(n, v))])).toBeNull();
    // d0's first yields within its own day (remainder); both second versions because of another day's (moved)
    const population = first.map((_, p) => `p${p}`);
    const groupsOf = (assign: number[]) => [0, 1, 2].map((d) => department(`d${d}`, population.filter((_, p) => assign[p] === d)));
    expect(planVersions(population, stretches.map(groupsOf), 3).refused.map((r) => Object.fromEntries(r))).toEqual([
      { 'department:d0': 'remainder', 'department:d2': 'below_minimum' },
      { 'department:d0': 'moved', 'department:d1': 'moved', 'department:d2': 'below_minimum' },
    ]);
  });

  it.failing('KNOWN GAP, one day as across days: three groups of different families (or stretches) and the population', () => {
    // One day, departments and locations (planGroups' guarantee across families is pairs): some
    // directory gives a combination about 1..k−1 people. Across days the same holds for versions of
    // three different stretches. When planGroups closes it, this test fails and `.failing` goes.
    const K = 3;
    fc.assert(
      fc.property(fc.integer({ min: 3 * K, max: 4 * K }).chain((n) => fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: n, maxLength: n })), (assign) => {
        const n = assign.length;
        const population = assign.map((_, p) => `p${p}`);
        const groups = [0, 1, 2].flatMap((v) => [
          { key: `department:${v}`, family: 'department', members: population.filter((_, p) => assign[p][0] === v) },
          { key: `location:${v}`, family: 'location', members: population.filter((_, p) => assign[p][1] === v) },
        ]);
        const plan = planGroups(population, groups, K);
        const shown = plan.all().flatMap((g, i) => (g.shown ? [[...plan.structure.members[i]]] : []));
        if (isolating(n, K, [new Array<number>(n).fill(1), ...shown.map((v) => row(n, v))])) throw new Error('isolates');
      }),
      { numRuns: 300, seed: 15 }, // fixed: a known gap must fail every run, not most
    );
  });
});
