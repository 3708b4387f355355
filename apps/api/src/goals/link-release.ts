import { isSmall, meanRule, POPULATION, type GroupDecision, type HiddenReason } from '@hubpulse/disclosure';
import { PURPOSES, type Purpose } from '@hubpulse/contracts';
import type { GoalLinkEntity, ProgrammeEntity } from '@hubpulse/database';
import { pauseLoop } from '../common/event-loop';
import type { DisclosurePlan, DisclosureService } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { PURPOSE_BITS } from './link-analysis.repository';

/**
 * The group of the plan a goal link's audience is: a scope link's departments or locations
 * (`link:<id>`), the organisation (the population), a segment's current membership, or for a
 * programme the membership pinned at launch (its segment's current one when none was pinned).
 */
export function audienceKey(row: GoalLinkEntity, programme: ProgrammeEntity | null): string | null {
  if (row.kind === 'scope') return row.scope === 'organisation' ? POPULATION : groupKey.link(row.id);
  if (row.kind === 'segment') return row.segmentId ? groupKey.segment(row.segmentId) : null;
  if (!programme) return null;
  return programme.launchMembershipVersion !== null ? groupKey.programme(programme.id) : groupKey.segment(programme.segmentId);
}

interface MonthRelease {
  /** The audience's score total of the month (its mean = total / (members × scored days)), hidden unless ≥ k members scored. */
  mean: { sum: number; hidden: HiddenReason | null };
  /** Members who did what each purpose counts: a share of the members (people and the rest ≥ k). */
  purposes: Record<Purpose, { x: number; hidden: HiddenReason | null }>;
}

/**
 * Month by month, the audience's numbers as the layer releases them. Each statistic's people are
 * summed per person over EVERY group of the plan and planStat decides over all of them at once, so
 * two scope links that differ by one small department, a link and a department, or a segment and
 * its programme's pin cannot be subtracted (the decision for this audience does not depend on which
 * link was asked for). Mean score: a 'mean' (contributors = members with a score that month);
 * purpose reach: a 'share'. The organisation's own numbers count as released (the population's
 * figures are shown in the Engagement area).
 */
export async function releaseMonths(
  disclosure: DisclosureService,
  dp: DisclosurePlan,
  key: string,
  scores: readonly { month: string; people: readonly string[]; sums: readonly number[] }[],
  purposes: readonly { month: string; people: readonly string[]; masks: readonly number[] }[],
): Promise<Map<string, MonthRelease>> {
  const s = dp.plan.structure;
  const pick = (perGroup: Map<string, number>, population: number) => (key === POPULATION ? population : (perGroup.get(key) ?? 0));
  const decide = (kind: 'mean' | 'share', valueOf: Map<string, number>) => {
    const { perGroup, population } = s.sums(valueOf);
    const d = disclosure.stat(dp, kind, perGroup, population).get(key);
    return { x: pick(perGroup, population), hidden: d ? (d.shown ? null : (d.reason ?? 'below_minimum')) : 'below_minimum' };
  };
  const scoreMonths = new Map(scores.map((m) => [m.month, m]));
  const purposeMonths = new Map(purposes.map((m) => [m.month, m]));
  const out = new Map<string, MonthRelease>();
  // Each decision is a planStat over every group of the plan (hundreds of milliseconds at 100,000
  // people): the loop pauses before each, so a year of them (12 × 7) does not hold other requests.
  for (const month of new Set([...scoreMonths.keys(), ...purposeMonths.keys()])) {
    const sc = scoreMonths.get(month) ?? { people: [], sums: [] };
    await pauseLoop();
    const contributors = decide('mean', new Map(sc.people.map((p) => [p, 1])));
    const sums = s.sums(new Map(sc.people.map((p, i) => [p, sc.sums[i]])));
    const pm = purposeMonths.get(month) ?? { people: [], masks: [] };
    const byPurpose = {} as MonthRelease['purposes'];
    for (const p of PURPOSES) {
      await pauseLoop();
      const served = new Map<string, number>();
      pm.people.forEach((person, i) => {
        if ((pm.masks[i] & PURPOSE_BITS[p]) !== 0) served.set(person, 1);
      });
      byPurpose[p] = decide('share', served);
    }
    out.set(month, { mean: { sum: pick(sums.perGroup, sums.population), hidden: contributors.hidden }, purposes: byPurpose });
  }
  return out;
}

/**
 * Whether the difference in differences may show its groups' numbers (null) or why not. T (the
 * targeted people hired before the window) and C (the rest of their departments, hired before it)
 * are people sets that are not themselves groups of the plan, so what they reveal is checked here:
 * - the targeted group (the programme's pin, or the segment) must be shown by the plan;
 * - T and C each ≥ k people with ≥ k contributors before and after (their means are 'means');
 * - (didTargetGap) the people of the targeted group left out of T (hired during or after the window):
 *   when 1..k−1, T's size and monthly means are hidden, else against the audience's they would give
 *   those people's count and scores;
 * - the people of the departments left out of T ∪ C (recent hires) 0 or ≥ k, else T's and C's means
 *   against the departments' means (Engagement area) would give theirs.
 * What remains shown: two group means, their changes, Welch's t on the per-person changes (a
 * variance over ≥ k people) and monthly means per group — never a person's score. Not checked: C
 * against groups of other families beyond the departments it is drawn from (README's privacy model).
 */
export function didHidden(k: number, targeted: GroupDecision | undefined, panel: readonly { g: 'T' | 'C'; before_sum: number; after_sum: number }[], universe: number): HiddenReason | null {
  if (!targeted || !targeted.shown) return targeted?.reason ?? 'below_minimum';
  for (const g of ['T', 'C'] as const) {
    const rows = panel.filter((p) => p.g === g);
    const r = meanRule(rows.length, rows.filter((p) => p.before_sum > 0).length, k) ?? meanRule(rows.length, rows.filter((p) => p.after_sum > 0).length, k);
    if (r) return r;
  }
  const t = panel.filter((p) => p.g === 'T').length;
  const c = panel.length - t;
  if (isSmall(universe - t - c, k)) return 'remainder';
  return null;
}

/**
 * The targeted people left out of T (hired during or after the before-window) when they are 1..k−1:
 * T's size beside the audience's, and T's monthly means beside the link's monthly means of the whole
 * audience, would describe them — so those are hidden ('difference'). T's window means and the
 * estimate stay: their 90-day windows match no calendar month a view shows.
 */
export function didTargetGap(k: number, targeted: GroupDecision | undefined, panel: readonly { g: 'T' | 'C' }[]): HiddenReason | null {
  if (!targeted) return null;
  return isSmall(targeted.size - panel.filter((p) => p.g === 'T').length, k) ? 'difference' : null;
}
