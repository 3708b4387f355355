import fc from 'fast-check';
import type { GroupSpec } from './group-plan';
import { planWithHistory, wasKey } from './history';
import { isSmall } from './rules';
import { planStat } from './stat-plan';

const K = 5;
const departments = (assign: readonly number[]): GroupSpec[] => {
  const by = new Map<number, string[]>();
  assign.forEach((d, p) => by.set(d, [...(by.get(d) ?? []), `p${p}`]));
  return [...by].map(([d, members]) => ({ key: `department:d${d}`, family: 'department', members, priority: 3 }));
};

describe('planWithHistory: as it was and as of today on one day', () => {
  it('one person moving from Sales to Operations: Sales as it was stays, Sales of today yields on the days before the move', () => {
    const today = [
      { key: 'department:Sales', family: 'department', members: ['a', 'b', 'c', 'd', 'e'], priority: 3 },
      { key: 'department:Operations', family: 'department', members: ['f', 'g', 'h', 'i', 'j', 'mover'], priority: 3 },
    ];
    const then = [
      { key: 'department:Sales', family: 'department', members: ['a', 'b', 'c', 'd', 'e', 'mover'] },
      { key: 'department:Operations', family: 'department', members: ['f', 'g', 'h', 'i', 'j'] },
    ];
    const population = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'mover', ...Array.from({ length: 20 }, (_, i) => `x${i}`)];
    const plan = planWithHistory(population, today, then, K);
    expect(plan.get(wasKey('department:Sales'))).toMatchObject({ shown: true, size: 6 });
    expect(plan.get(wasKey('department:Operations'))).toMatchObject({ shown: true, size: 5 });
    expect(plan.get('department:Sales')).toMatchObject({ shown: false, reason: 'moved' });
    expect(plan.get('department:Operations')).toMatchObject({ shown: false, reason: 'moved' });
  });

  it('no combination of answers as it was and as of today singles out fewer than k people by subtraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 60 }).chain((n) =>
          fc.record({
            today: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
            moves: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 3 }), { minLength: n, maxLength: n }),
            scored: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
          }),
        ),
        ({ today, moves, scored }) => {
          const then = today.map((d, p) => moves[p] ?? d);
          const population = today.map((_, p) => `p${p}`);
          const plan = planWithHistory(population, departments(today), departments(then), K);
          const contributors = plan.structure.sums(new Map(population.filter((_, p) => scored[p]).map((id) => [id, 1])));
          const stat = planStat(plan, 'mean', contributors.perGroup, contributors.population);
          const shown = plan.all().filter((g) => g.shown && stat.get(g.key)?.shown);
          const members = new Map(plan.structure.groups.map((g, i) => [g.key, new Set([...plan.structure.members[i]])]));
          const scoredIdx = new Set(population.flatMap((id, p) => (scored[p] ? [plan.structure.personIndex.get(id)!] : [])));
          for (const a of shown) {
            for (const b of shown) {
              if (a.key === b.key) continue;
              const A = members.get(a.key)!;
              const B = members.get(b.key)!;
              const onlyA = [...A].filter((p) => !B.has(p));
              const onlyB = [...B].filter((p) => !A.has(p));
              // an answer as it was minus one as of today (or the other way) is about onlyA and onlyB
              if (a.key.startsWith('was:') !== b.key.startsWith('was:') && onlyA.length < A.size) {
                expect(isSmall(onlyA.length, K)).toBe(false);
                expect(isSmall(onlyB.length, K)).toBe(false);
              }
              // nested: the difference's mean needs k contributors
              if (onlyB.length === 0 && onlyA.length > 0) expect(isSmall(onlyA.filter((p) => scoredIdx.has(p)).length, K)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
