import fc from 'fast-check';
import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from '@hubpulse/disclosure';
import { revealedBy } from './pattern-release';

/** revealedBy as it was written first: every released group looked at (the reference for the indexed one). */
function plainRevealedBy(plan: GroupPlan, key: string, released: (key: string) => boolean, totals: ReadonlyMap<string, number>): string | null {
  const s = plan.structure;
  const total = (i: number) => totals.get(i < 0 ? POPULATION : s.groups[i].key) ?? 0;
  const g = s.index.get(key)!;
  const isReleased = (i: number) => released(s.groups[i].key);
  const parents = [...(released(POPULATION) ? [-1] : []), ...s.containers[g].filter(isReleased)];
  for (const P of parents) {
    const children = s.childrenOf(P, s.familyOf[g], (i) => i === g || isReleased(i));
    if (children?.includes(g) && children.reduce((sum, i) => sum + total(i), 0) === total(P)) {
      const others = children.filter((i) => i !== g);
      return others.length > 0 ? s.groups[others.reduce((v, c) => (s.hideFirst(v, c) === c ? c : v))].key : P < 0 ? POPULATION : s.groups[P].key;
    }
    const inside = P < 0 ? s.groups.map((_, i) => i).filter(isReleased) : s.containees[P].filter(isReleased);
    for (const B of inside) if (B !== g && s.overlap(B, g) === 0 && total(P) - total(B) === total(g)) return s.groups[B].key;
  }
  return null;
}

/**
 * The revealing-group search of the pattern tables skips what cannot qualify (groups with another
 * total, families with a released group between) instead of walking every group: a property test
 * that it answers exactly what the plain search answers, on random nested and overlapping groups.
 */
describe('revealedBy', () => {
  it('answers what the plain search over every released group answers', () => {
    const people = Array.from({ length: 24 }, (_, i) => `p${i}`);
    const family = fc.constantFrom('department', 'manager', 'segment');
    const group = fc.record({ family, members: fc.subarray(people, { minLength: 1 }) });
    const answers = { revealing: 0, parent: 0, none: 0 };
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 2, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 11, maxLength: 11 }),
        fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
        (gs, values, shown) => {
          const specs: GroupSpec[] = gs.map((g, i) => ({ key: `${g.family}:${i}`, family: g.family, members: g.members }));
          const plan = planGroups(people, specs, 2);
          // Totals as a column's: each group's value, the population's the sum of one family or any.
          const totals = new Map<string, number>([[POPULATION, values[10] + values[0]], ...specs.map((g, i): [string, number] => [g.key, values[i]])]);
          const released = (key: string) => key === POPULATION ? shown[10] : shown[specs.findIndex((g) => g.key === key)] ?? false;
          for (const g of specs) {
            if (!released(g.key)) continue;
            const got = revealedBy(plan, g.key, released, totals);
            expect([g.key, got]).toEqual([g.key, plainRevealedBy(plan, g.key, released, totals)]);
            answers[got === null ? 'none' : got === POPULATION || gs.some((p, i) => specs[i].key === got && p.members.length > gs[specs.indexOf(g)].members.length) ? 'parent' : 'revealing']++;
          }
        },
      ),
      { numRuns: 2000 },
    );
    // Not vacuous: both kinds of answer come up often.
    expect(answers.revealing + answers.parent).toBeGreaterThan(20);
    expect(answers.none).toBeGreaterThan(100);
  });
});
