import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from '@hubpulse/disclosure';
import type { GroupTable } from './pattern-release';

/**
 * A plan of nested groups as the pattern tables meet them: departments split into teams, manager
 * trees in trees (a director over the first two departments), and a segment across them. `places`
 * gives each person's department and team. For the pattern release tests (unit and thread).
 */
export function nestedPlan(people: string[], places: [number, number][], k: number): GroupPlan {
  const groups = new Map<string, GroupSpec & { members: string[] }>();
  const add = (family: string, key: string, p: string) => (groups.get(key) ?? groups.set(key, { key, family, members: [] }).get(key)!).members.push(p);
  people.forEach((p, i) => {
    const [d, t] = places[i];
    add('department', `department:d${d}`, p);
    add('team', `team:d${d}t${t}`, p);
    add('manager', `manager:d${d}`, p);
    if (d < 2) add('manager', 'manager:director', p);
    if ((d + t) % 3 === 0) add('segment', 'segment:s1', p);
  });
  return planGroups(people, [...groups.values()], k);
}

/**
 * The path the pattern views took before week codes (tableFromCodes), kept as the tests' reference:
 * the table of one week from each person's value (persona, stage, or a "from>to" movement pair):
 * totals and cells for every group of the plan and the population, from one per-person read
 * (GroupStructure.sums). People outside today's directory are in no group.
 */
export function buildTable<C extends string>(plan: GroupPlan, valueOf: ReadonlyMap<string, string>, columns: readonly C[], withhold?: GroupTable<C>['withhold']): GroupTable<C> {
  const s = plan.structure;
  const asMap = (sums: { perGroup: Map<string, number>; population: number }) => new Map([...sums.perGroup, [POPULATION, sums.population]]);
  const ones = new Map([...valueOf.keys()].map((p) => [p, 1]));
  const totals = asMap(s.sums(ones));
  const cells = new Map(
    columns.map((c) => {
      const of = new Map<string, number>();
      for (const [p, v] of valueOf) if (v === c) of.set(p, 1);
      return [c, of.size === 0 ? new Map<string, number>() : asMap(s.sums(of))];
    }),
  );
  return { columns, totals, cells, withhold };
}
