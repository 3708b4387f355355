import { planGroups, type GroupPlan, type GroupSpec } from '@hubpulse/disclosure';

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
