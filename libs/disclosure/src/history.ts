import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from './group-plan';

/**
 * History as it was (issue 15): a group view on a past day can count people under the group they
 * were in that day ("as it was") or under today's ("as of today"). Both versions of a group describe
 * the same day, so a reader holding both could subtract them: Sales as it was minus Sales today is
 * the people who moved out. The plan of such a day therefore holds every group of today's plan AND
 * the directory's groups as they were (keys prefixed `was:`, families `was:<family>`), cross-tabbed
 * with today's family, so every pair of versions whose one-sided difference is 1..k−1 conflicts.
 * Since "as it was" is the default, today's version yields on that day (reason `moved`); the
 * version as it was is hidden only where it conflicts with something else.
 */
export const WAS_PREFIX = 'was:';

/** The families the directory keeps history of (team and tenure are today's in both versions). */
export const HISTORY_FAMILIES = ['department', 'location', 'manager'] as const;

/** The key and family of a group as it was on a past day. */
export const wasKey = (key: string) => `${WAS_PREFIX}${key}`;
export const wasFamily = (family: string) => `${WAS_PREFIX}${family}`;

/**
 * The plan of a past day: `today` (every group of today's plan) and `then` (the directory's groups as
 * they were that day; only HISTORY_FAMILIES are taken). Groups hidden because of the other version get
 * the reason `moved`: a group as it was hidden against one of today's, and one of today's that today's
 * plan alone (`todayPlan`, built here when not given) shows.
 */
export function planWithHistory(population: Iterable<string>, today: readonly GroupSpec[], then: readonly GroupSpec[], k: number, todayPlan?: GroupPlan): GroupPlan {
  // Above today's version of the same family, so that a conflict between the two hides today's.
  const rank = new Map<string, number>();
  for (const g of [...today, ...then]) rank.set(g.family, Math.max(rank.get(g.family) ?? -Infinity, g.priority ?? 0));
  const was: GroupSpec[] = then
    .filter((g) => (HISTORY_FAMILIES as readonly string[]).includes(g.family))
    .map((g) => ({ ...g, key: wasKey(g.key), family: wasFamily(g.family), priority: rank.get(g.family)! + 0.5, crossTabbed: [g.family] }));
  const people = [...population];
  const plan = planGroups(people, [...today, ...was], k);
  const alone = todayPlan ?? planGroups(people, today, k);
  for (const d of plan.all()) {
    if (d.shown || d.reason === 'below_minimum') continue;
    const isWas = d.key.startsWith(WAS_PREFIX);
    if (isWas ? d.against?.startsWith(WAS_PREFIX) === false && d.against !== POPULATION : alone.isShown(d.key)) Object.assign(d, { reason: 'moved' });
  }
  return plan;
}
