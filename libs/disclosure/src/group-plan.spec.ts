import fc from 'fast-check';
import { planGroups, POPULATION, type GroupSpec } from './group-plan';
import { planStat } from './stat-plan';
import { isSmall } from './rules';

const K = 5;
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);

/** Everyone under each manager (the manager excluded), from a person → manager map. */
function managerTrees(managerOf: ReadonlyMap<string, string>): GroupSpec[] {
  const reports = new Map<string, string[]>();
  for (const [p, m] of managerOf) reports.set(m, [...(reports.get(m) ?? []), p]);
  const under = (m: string): string[] => (reports.get(m) ?? []).flatMap((r) => [r, ...under(r)]);
  return [...reports.keys()].map((m) => ({ key: `manager:${m}`, family: 'manager', members: under(m) }));
}

describe('planGroups: the holes of issue 11', () => {
  it('nested manager trees that differ by one person are not both shown; the CEO tree is hidden beside the population', () => {
    // ceo p1 → a p2 (tree p3..p12), b p13 → c p14 → p15..p20 (c's tree 6, b's tree 7: differ by c alone)
    // With only p2 and p13 reporting to the CEO, population − both trees = 3 people would hide b's tree too.
    const managerOf = new Map<string, string>([['p2', 'p1'], ['p13', 'p1'], ['p14', 'p13']]);
    for (const p of ids(3, 12)) managerOf.set(p, 'p2');
    for (const p of ids(15, 20)) managerOf.set(p, 'p14');
    for (const p of ids(21, 23)) managerOf.set(p, 'p1'); // the CEO's other direct reports
    const plan = planGroups(ids(1, 23), managerTrees(managerOf), K);
    const d = (m: string) => plan.get(`manager:${m}`)!;
    expect(d('p1')).toMatchObject({ size: 22, shown: false, reason: 'remainder', against: POPULATION });
    expect(d('p2')).toMatchObject({ size: 10, shown: true });
    expect(d('p13')).toMatchObject({ size: 7, shown: true });
    expect(d('p14')).toMatchObject({ size: 6, shown: false, reason: 'difference', against: 'manager:p13' });
  });

  it('hides a second department when one is below k (population − shown = the hidden one)', () => {
    const depts: GroupSpec[] = [
      { key: 'department:a', family: 'department', members: ids(1, 10) },
      { key: 'department:b', family: 'department', members: ids(11, 17) },
      { key: 'department:c', family: 'department', members: ids(18, 19) },
      { key: 'department:d', family: 'department', members: ids(20, 40) },
    ];
    const plan = planGroups(ids(1, 40), depts, K);
    expect(plan.all().map((g) => [g.key, g.shown, g.reason])).toEqual([
      ['department:a', true, null],
      ['department:b', false, 'remainder'],
      ['department:c', false, 'below_minimum'],
      ['department:d', true, null],
    ]);
  });

  it('merges a team upward when the department minus its teams leaves a few', () => {
    const groups: GroupSpec[] = [
      { key: 'department:eng', family: 'department', members: ids(1, 22) },
      { key: 'team:api', family: 'team', members: ids(1, 10) },
      { key: 'team:web', family: 'team', members: ids(11, 20) },
    ];
    const plan = planGroups(ids(1, 60), groups, K);
    expect(plan.get('team:web')).toMatchObject({ shown: false, reason: 'hierarchy', against: 'department:eng' });
    expect(plan.get('team:api')!.shown).toBe(true);
    expect(plan.get('department:eng')!.shown).toBe(true);
  });

  it('hides one of two overlapping groups of different families that differ by a few people on both sides (A − B = one person minus another)', () => {
    // Legal p1..p10 all in Berlin but p1; Berlin is Legal but p1, plus p11: neither contains the other,
    // yet Σ Legal − Σ Berlin = x(p1) − x(p11), a number about 2 people.
    const plan = planGroups(ids(1, 30), [
      { key: 'department:legal', family: 'department', members: ids(1, 10) },
      { key: 'location:berlin', family: 'location', members: ids(2, 11) },
    ], K);
    const [legal, berlin] = [plan.get('department:legal')!, plan.get('location:berlin')!];
    expect([legal.shown, berlin.shown].filter(Boolean)).toHaveLength(1);
    expect(legal.shown ? berlin : legal).toMatchObject({ reason: 'difference' });
  });

  it('is deterministic and refuses duplicate keys', () => {
    expect(() => planGroups(ids(1, 9), [{ key: 'x', family: 'f', members: [] }, { key: 'x', family: 'f', members: [] }], K)).toThrow(/twice/);
  });
});

describe('planGroups: packings across families', () => {
  it('finds a manager tree taking a department’s place: population − tree − two departments = one person (fast-check counterexample)', () => {
    const people = ids(1, 9);
    const groups: GroupSpec[] = [
      { key: 'manager:p2', family: 'manager', members: ['p4', 'p5', 'p6', 'p7', 'p8'] },
      { key: 'manager:p4', family: 'manager', members: ['p5', 'p6', 'p8'] },
      { key: 'department:0', family: 'department', members: ['p2', 'p5'] },
      { key: 'department:2', family: 'department', members: ['p1', 'p3', 'p7'] },
      { key: 'department:4', family: 'department', members: ['p4', 'p9'] },
      { key: 'department:1', family: 'department', members: ['p6', 'p8'] },
    ];
    const plan = planGroups(people, groups, 2);
    const shown = (key: string) => plan.isShown(key);
    // shown together, population − tree p4 − department 2 − department 4 would be p2 alone
    expect(shown('manager:p4') && shown('department:2') && shown('department:4')).toBe(false);
  });
});

describe('planStat', () => {
  it('hides a share whose difference from its parent counts fewer than k', () => {
    const groups: GroupSpec[] = [
      { key: 'department:a', family: 'department', members: ids(1, 20) },
      { key: 'team:x', family: 'team', members: ids(1, 12) },
    ];
    const plan = planGroups(ids(1, 40), groups, K);
    // department: 10 of 20 active; team: 7 of 12 → the 8 outside the team: 3 active (too few)
    const out = planStat(plan, 'share', new Map([['department:a', 10], ['team:x', 7]]), 25);
    expect(out.get('department:a')).toEqual({ shown: true, reason: null });
    expect(out.get('team:x')).toEqual({ shown: false, reason: 'difference' });
  });

  it('hides a mean whose contributors are fewer than k, and the population keeps its own', () => {
    const plan = planGroups(ids(1, 30), [{ key: 'd:a', family: 'd', members: ids(1, 15) }, { key: 'd:b', family: 'd', members: ids(16, 30) }], K);
    const out = planStat(plan, 'mean', new Map([['d:a', 3], ['d:b', 12]]), 15);
    expect(out.get('d:a')).toEqual({ shown: false, reason: 'numerator' });
    // b shown: the population minus b is a (15 people, 3 contributors): b must go too.
    expect(out.get('d:b')).toEqual({ shown: false, reason: 'difference' });
    expect(out.get(POPULATION)).toEqual({ shown: true, reason: null });
  });
});

// ---- property-based attacks ---------------------------------------------------------------------

interface Org {
  people: string[];
  groups: GroupSpec[];
  k: number;
  active: Set<string>;
}

const orgArb: fc.Arbitrary<Org> = fc
  .record({
    n: fc.integer({ min: 8, max: 70 }),
    k: fc.integer({ min: 2, max: 6 }),
    seedManagers: fc.array(fc.nat({ max: 1000 }), { minLength: 70, maxLength: 70 }),
    depts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 70, maxLength: 70 }),
    segments: fc.array(fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }), { maxLength: 3 }),
    active: fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }),
  })
  .map(({ n, k, seedManagers, depts, segments, active }) => {
    const people = ids(1, n);
    const managerOf = new Map<string, string>();
    // person i reports to one of the few people before them (deep trees with some branching and
    // chains of one report), or to nobody (a forest).
    people.forEach((p, i) => {
      if (i > 0 && seedManagers[i] % 25 !== 0) managerOf.set(p, people[i - 1 - (seedManagers[i] % Math.min(i, 7))]);
    });
    const groups: GroupSpec[] = [...managerTrees(managerOf)];
    for (let d = 0; d < 6; d++) groups.push({ key: `department:${d}`, family: 'department', members: people.filter((_, i) => depts[i] === d) });
    segments.forEach((flags, s) => groups.push({ key: `segment:${s}`, family: 'segment', members: people.filter((_, i) => flags[i]) }));
    return { people, groups, k, active: new Set(people.filter((_, i) => active[i])) };
  });

const setOf = (g: GroupSpec) => new Set(g.members);
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((p) => !b.has(p));

/** Every subset (up to `max` groups) of `items`. */
function* subsets<T>(items: T[], max: number, from = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length) yield acc;
  if (acc.length === max) return;
  for (let i = from; i < items.length; i++) yield* subsets(items, max, i + 1, [...acc, items[i]]);
}

describe('planGroups under attack (fast-check)', () => {
  it('no pair, population difference or same-family packing of shown groups describes 1..k−1 people', () => {
    fc.assert(
      fc.property(orgArb, ({ people, groups, k }) => {
        const plan = planGroups(people, groups, k);
        const shownGroups = groups.filter((g) => plan.isShown(g.key)).map((g) => ({ ...g, set: setOf(g) }));
        const U = new Set(people);
        const all = [{ key: POPULATION, family: POPULATION, set: U }, ...shownGroups];
        for (const a of all) {
          if (a.key !== POPULATION && a.set.size < k) return false;
          // B ⊆ A: |A| − |B| is exact (the fixture shows no intersections of overlapping groups)
          for (const b of all) if (a !== b && minus(b.set, a.set).length === 0 && isSmall(minus(a.set, b.set).length, k)) return false;
        }
        // P − (disjoint shown groups of one family inside P): any choice of up to 3. Packings that
        // mix families are searched greedily, not exhaustively (README), so they are not asserted
        // here; the regression below and the e2e attack suite cover the mixed cases they catch.
        for (const P of all) {
          for (const families of [['manager'], ['department']]) {
            const inside = shownGroups.filter((g) => families.includes(g.family) && g.key !== P.key && minus(g.set, P.set).length === 0 && g.set.size < P.set.size);
            for (const pick of subsets(inside, 3)) {
              const union = new Set(pick.flatMap((g) => [...g.set]));
              if (union.size !== pick.reduce((s, g) => s + g.set.size, 0)) continue; // not disjoint
              if (isSmall(P.set.size - union.size, k)) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('within one family and the population, no signed combination of up to three shown groups is a set of 1..k−1 people', () => {
    fc.assert(
      fc.property(orgArb, ({ people, groups, k }) => {
        const trees = groups.filter((g) => g.family === 'manager');
        const plan = planGroups(people, trees, k);
        const vectors: number[][] = [people.map(() => 1), ...trees.filter((g) => plan.isShown(g.key)).map((g) => people.map((p) => (setOf(g).has(p) ? 1 : 0)))];
        const idx = vectors.map((_, i) => i);
        for (const pick of subsets(idx, 3)) {
          for (let signs = 0; signs < 1 << pick.length; signs++) {
            const v = people.map((_, j) => pick.reduce((s, g, t) => s + ((signs >> t) & 1 ? -1 : 1) * vectors[g][j], 0 as number));
            if (v.every((x) => x === 0 || x === 1) && isSmall(v.reduce((s: number, x) => s + x, 0), k)) return false;
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('a released share never lets a nested difference or a family remainder count fewer than k (or all but fewer than k)', () => {
    fc.assert(
      fc.property(orgArb, ({ people, groups, k, active }) => {
        const plan = planGroups(people, groups, k);
        const x = new Map(groups.map((g) => [g.key, [...g.members].filter((p) => active.has(p)).length]));
        const out = planStat(plan, 'share', x, active.size);
        const released = groups.filter((g) => out.get(g.key)?.shown).map((g) => ({ ...g, set: setOf(g) }));
        const U = new Set(people);
        const all = out.get(POPULATION)?.shown ? [{ key: POPULATION, family: POPULATION, set: U }, ...released] : released;
        const bad = (set: string[]) => {
          const n = set.length;
          const a = set.filter((p) => active.has(p)).length;
          return n > 0 && (a < k || n - a < k);
        };
        for (const P of all) {
          for (const C of released) {
            if (C === P || minus(C.set, P.set).length > 0 || C.set.size === P.set.size) continue;
            if (bad(minus(P.set, C.set))) return false;
          }
          for (const family of ['manager', 'department']) {
            const inside = released.filter((g) => g.family === family && g !== P && minus(g.set, P.set).length === 0 && g.set.size < P.set.size);
            for (const pick of subsets(inside, 3)) {
              const union = new Set(pick.flatMap((g) => [...g.set]));
              if (union.size !== pick.reduce((s, g) => s + g.set.size, 0)) continue;
              if (bad(minus(P.set, union))) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('GroupStructure members', () => {
  it('takes each person once, in the order first listed, and leaves out people outside the population', () => {
    const plan = planGroups(ids(1, 6), [{ key: 'a', family: 'f', members: ['p3', 'p1', 'p3', 'p99', 'p2', 'p1'] }, { key: 'b', family: 'f', members: ['p1', 'p1'] }, { key: 'c', family: 'f', members: [] }], 2);
    const s = plan.structure;
    const personIds = (i: number) => Array.from(s.members[i], (p) => [...s.personIndex].find(([, j]) => j === p)![0]);
    expect([personIds(0), personIds(1), personIds(2)]).toEqual([['p3', 'p1', 'p2'], ['p1'], []]);
    expect(Array.from(s.size)).toEqual([3, 1, 0]);
    expect(s.overlap(0, 1)).toBe(1);
  });
});

describe('GroupStructure.sums', () => {
  it('adds a per-person value over each group and the population, ignoring people outside it', () => {
    const plan = planGroups(ids(1, 6), [{ key: 'a', family: 'f', members: ids(1, 3) }, { key: 'b', family: 'f', members: ids(3, 6) }], 2);
    const { perGroup, population } = plan.structure.sums(new Map([['p1', 1], ['p3', 2], ['p6', 4], ['p99', 100]]));
    expect([...perGroup]).toEqual([['a', 3], ['b', 6]]);
    expect(population).toBe(7);
  });
});

/**
 * GroupStructure.greedy's shortcut (computePackings): the people free besides a disjoint family are
 * those it leaves out of P (found once), and with one of its groups dropped, that group's too. It
 * must take exactly what the plain greedy takes after marking every group of the family.
 */
describe('packings: the drop shortcut', () => {
  interface Internals {
    greedy(capacity: number, order: readonly number[], start?: readonly number[], free?: { hole?: number; gap: readonly number[] }): number[];
    gapOf(P: number, m: readonly number[]): readonly number[];
  }
  it('takes what the plain greedy takes, inside the population and inside a group', () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat(4), { minLength: people.length, maxLength: people.length }),
        fc.array(fc.subarray(people, { minLength: 1 }), { minLength: 1, maxLength: 8 }),
        (part, others) => {
          // a family that partitions some of the people (part 4: in none of its groups) and other groups anywhere
          const family: GroupSpec[] = [0, 1, 2, 3].map((d) => ({ key: `department:${d}`, family: 'department', members: people.filter((_, i) => part[i] === d) }));
          const specs = [...family.filter((g) => [...g.members].length > 0), ...others.map((members, i) => ({ key: `segment:${i}`, family: 'segment', members }))];
          const s = planGroups(people, specs, 2).structure;
          const g = s as unknown as Internals;
          for (const P of [-1, ...s.groups.map((_, i) => i)]) {
            const inside = P < 0 ? s.groups.map((_, i) => i).filter((i) => s.size[i] < s.populationSize) : [...s.containees[P]];
            const m = inside.filter((i) => s.familyOf[i] === 'department' && !s.containers[i].some((a) => inside.includes(a) && s.familyOf[a] === 'department'));
            if (m.length === 0) continue;
            const capacity = P < 0 ? s.populationSize : s.size[P];
            const gap = g.gapOf(P, m);
            expect(g.greedy(capacity, inside, m, { gap })).toEqual(g.greedy(capacity, inside, m));
            for (const drop of m) {
              const order = inside.filter((c) => c !== drop);
              const start = m.filter((c) => c !== drop);
              expect(g.greedy(capacity, order, start, { hole: drop, gap })).toEqual(g.greedy(capacity, order, start));
              compared++;
            }
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
