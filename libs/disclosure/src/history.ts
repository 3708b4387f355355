import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from './group-plan';
import { isSmall, type HiddenReason } from './rules';

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
  /** Versions the history ledger did not admit (VersionLedger), by unprefixed key: today's (`today`) and this stretch's (`then`). */
  notAdmitted: { today: ReadonlySet<string>; then: ReadonlySet<string> } = { today: new Set(), then: new Set() },
): GroupPlan {
  // Above today's version of the same family, so that a conflict between the two hides today's.
  const rank = new Map<string, number>();
  for (const g of [...today, ...then]) rank.set(g.family, Math.max(rank.get(g.family) ?? -Infinity, g.priority ?? 0));
  const was: GroupSpec[] = then
    .filter((g) => (HISTORY_FAMILIES as readonly string[]).includes(g.family))
    .map((g) => ({ ...g, key: wasKey(g.key), family: wasFamily(g.family), priority: rank.get(g.family)! + 0.5, crossTabbed: [g.family] }));
  const people = [...population];
  const forced = new Map<string, HiddenReason>([...notAdmitted.today].map((key) => [key, 'moved']));
  for (const key of notAdmitted.then) forced.set(wasKey(key), 'moved');
  const plan = planGroups(people, [...today, ...was], k, forced);
  const alone = todayPlan ?? planGroups(people, today, k, new Map([...notAdmitted.today].map((key) => [key, 'moved'])));
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
 * who left. And sizes alone: a row's `people` is shown with its version, and 6 beside 5 says that one
 * person left — a number about fewer than k people, which group-plan.ts's difference rule already
 * refuses for two groups of one day (|A| − |B| with B ⊂ A); the same holds across days here.
 *
 * The rule, as group-plan.ts's rule 2 for cross-tabbed pairs (as planWithHistory treats two versions
 * of one day): any two versions of one group that may be shown on any days, in either attribution,
 * differ one-sidedly by 0 or ≥ k people (|A \ B| and |B \ A| each). Versions are admitted in day
 * order from the first stretch, today's last: a version is admitted when it has k people and differs
 * so from every version admitted before it (an identical one differs by 0). A version not admitted is
 * hidden on every day it describes, as of today on every past day when it is today's (reason `moved`),
 * and the day's plan is built with it hidden, so the remainder and hierarchy rules merge it with
 * others as they would a group hidden for any other reason.
 *
 * The decision depends only on the directory's history, never on the range or attribution a request
 * asks for, so answers to many requests combine into nothing finer. Day order (rather than today's
 * version first) makes it append-stable: a new change day adds a stretch and a new today's version at
 * the end without changing any earlier decision, so what a reader saw before the change (yesterday's
 * today) is still checked against what they see after it — at the price that a department one person
 * left is hidden today too, until it differs from its last shown version by k or returns to it.
 *
 * Not checked (README's privacy model): versions of different groups on different days against each
 * other (Sales on one day beside a manager's tree on another), and people leaving the directory (they
 * drop out of every version at once).
 */
export class VersionLedger {
  /** Per group key, the members (sorted) of each version admitted so far. */
  private readonly admitted = new Map<string, string[][]>();
  /** Per group key, its version in the previous stretch and whether it was admitted (most groups do not change). */
  private readonly previous = new Map<string, { members: string[]; admitted: boolean }>();

  constructor(private readonly k: number) {}

  /**
   * The next stretch in day order (its groups; families outside HISTORY_FAMILIES are ignored): returns
   * the keys of its versions not admitted. Groups missing from a stretch have no version there.
   */
  next(groups: readonly GroupSpec[]): Set<string> {
    const refused = new Set<string>();
    for (const g of groups) {
      if (!(HISTORY_FAMILIES as readonly string[]).includes(g.family)) continue;
      const members = [...new Set(g.members)].sort();
      const before = this.previous.get(g.key);
      let admitted: boolean;
      if (before && sameMembers(before.members, members)) admitted = before.admitted;
      else {
        const earlier = this.admitted.get(g.key) ?? [];
        admitted = members.length >= this.k && earlier.every((e) => !differsByFew(e, members, this.k));
        if (admitted) this.admitted.set(g.key, [...earlier, members]);
        this.previous.set(g.key, { members, admitted });
      }
      if (!admitted) refused.add(g.key);
    }
    return refused;
  }
}

/** For each stretch in day order (today's last), the keys of its versions not admitted (see VersionLedger). */
export function refusedVersions(stretches: readonly (readonly GroupSpec[])[], k: number): Set<string>[] {
  const ledger = new VersionLedger(k);
  return stretches.map((groups) => ledger.next(groups));
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when |A \ B| or |B \ A| is 1..k−1 (both sorted). */
function differsByFew(a: readonly string[], b: readonly string[], k: number): boolean {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (common++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return isSmall(a.length - common, k) || isSmall(b.length - common, k);
}
