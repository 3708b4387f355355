import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from './group-plan';
import type { HiddenReason } from './rules';

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
export function planWithHistory(
  population: Iterable<string>,
  today: readonly GroupSpec[],
  then: readonly GroupSpec[],
  k: number,
  todayPlan?: GroupPlan,
  /** Versions the plan over the history hid (planVersions), by unprefixed key with the reason: today's (`today`) and this stretch's (`then`). */
  notAdmitted: { today: ReadonlyMap<string, HiddenReason>; then: ReadonlyMap<string, HiddenReason> } = { today: new Map(), then: new Map() },
): GroupPlan {
  // Above today's version of the same family, so that a conflict between the two hides today's.
  const rank = new Map<string, number>();
  for (const g of [...today, ...then]) rank.set(g.family, Math.max(rank.get(g.family) ?? -Infinity, g.priority ?? 0));
  const was: GroupSpec[] = then
    .filter((g) => (HISTORY_FAMILIES as readonly string[]).includes(g.family))
    .map((g) => ({ ...g, key: wasKey(g.key), family: wasFamily(g.family), priority: rank.get(g.family)! + 0.5, crossTabbed: [g.family] }));
  const people = [...population];
  const forced = new Map<string, HiddenReason>(notAdmitted.today);
  for (const [key, reason] of notAdmitted.then) forced.set(wasKey(key), reason);
  const plan = planGroups(people, [...today, ...was], k, forced);
  const alone = todayPlan ?? planGroups(people, today, k, notAdmitted.today);
  for (const d of plan.all()) {
    if (d.shown || d.reason === 'below_minimum') continue;
    const isWas = d.key.startsWith(WAS_PREFIX);
    if (isWas ? d.against?.startsWith(WAS_PREFIX) === false && d.against !== POPULATION : alone.isShown(d.key)) Object.assign(d, { reason: 'moved' });
  }
  return plan;
}

/**
 * Privacy across days. A group kept in history (HISTORY_FAMILIES) has one version per stretch between
 * change days (its members as they were) and today's; answers about different days show different
 * versions, and scores are decayed, so they move little from one day to the next: size × mean on a
 * day when Sales had 6 people minus size × mean on a day when it had 5 is about the score of the one
 * who left. And not only versions of one group: Sales as it was in March beside Operations as it was
 * in May and the population leaves the people in neither, a set no single day's plan sees. A version
 * shown on any day is known on every day, so the versions are decided in ONE plan (planGroups) over
 * every distinct version of every such group across the whole history (identical member sets of a
 * group, on any days, are one version), and a day shows its version only where that plan does.
 *
 * What the plan checks is what planGroups checks for the groups of one day, now across days: every
 * pair of versions, as a reader with scores combines them (rule 2: A − B is about A \ B and B \ A;
 * two versions of one family also differ one-sidedly by 0 or ≥ k, as it was and as of today
 * cross-tab them; rule 4: U − A − B is about those in neither and those in both), each stretch's
 * families as hierarchies exactly (rule 3 per snapshot, GroupSpec.layers: what a day's own plan
 * checks), and greedy packings across them. Versions
 * of one stretch are to one another what one day's departments and locations are; the full linear
 * attack over several partitions is no more covered across days than across families on one day
 * (README's privacy model).
 *
 * Older versions rank above newer ones of an equal family rank (priority + up to 0.5 by age), so in a
 * conflict the newer is hidden: a new change day adds versions that yield to what was shown before
 * (one person leaving a department of six hides the department of five, today too, until k have
 * changed or the old members are back). That is as append-stable as planGroups allows, not fully: a new version can
 * still hide an older one where the older ranks lower (a lower family's, or smaller among equals —
 * rule 3's remainder picks its lowest child, rule 4 the smaller), and rounds settle in size order.
 * The decision depends only on the directory's history, never on the range or attribution a request
 * asks for, so answers to many requests combine into nothing finer. People leaving the directory
 * leave every version at once (the population is today's) and are not checked.
 */
export interface VersionDecisions {
  /** Per stretch in day order (today's last): the keys of its groups whose version is hidden, with the reason (`moved` when hidden against another day's version). */
  refused: Map<string, HiddenReason>[];
  /** Distinct versions planned, and how many of them are hidden. */
  versions: number;
  hidden: number;
}

export function planVersions(population: Iterable<string>, stretches: readonly (readonly GroupSpec[])[], k: number): VersionDecisions {
  const S = stretches.length;
  const versions: (GroupSpec & { members: string[]; layers: number[] })[] = [];
  const byKey = new Map<string, number[]>();
  /** Per stretch, group key → its version's index. */
  const at: Map<string, number>[] = stretches.map((groups, s) => {
    const here = new Map<string, number>();
    for (const g of groups) {
      if (!(HISTORY_FAMILIES as readonly string[]).includes(g.family)) continue;
      const members = [...new Set(g.members)].sort();
      const known = byKey.get(g.key) ?? byKey.set(g.key, []).get(g.key)!;
      // most groups do not change: their last version first
      let v = -1;
      for (let i = known.length - 1; i >= 0 && v < 0; i--) if (sameMembers(versions[known[i]].members, members)) v = known[i];
      if (v < 0) {
        v = versions.length;
        known.push(v);
        versions.push({ key: `${g.key}@${s}`, family: g.family, members, priority: (g.priority ?? 0) + (0.5 * (S - s)) / S, crossTabbed: [g.family], layers: [] });
      }
      versions[v].layers.push(s);
      here.set(g.key, v);
    }
    return here;
  });
  const plan = planGroups(population, versions, k);
  const decisions = plan.all();
  const index = plan.structure.index;
  const reason = (v: number): HiddenReason => {
    const d = decisions[v];
    const against = d.against === null ? undefined : index.get(d.against);
    // hidden against a version no day shows beside it: because of the history
    const apart = against !== undefined && !versions[against].layers.some((l) => versions[v].layers.includes(l));
    return apart && d.reason !== 'below_minimum' ? 'moved' : d.reason!;
  };
  const refused = at.map((here) => new Map([...here].flatMap(([key, v]) => (decisions[v].shown ? [] : [[key, reason(v)] as const]))));
  return { refused, versions: versions.length, hidden: decisions.filter((d) => !d.shown).length };
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
