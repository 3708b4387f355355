import { hiddenReasonText, POPULATION, shareRule, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import type { PatternGroupBy, PurposeIndexPoint } from '@hubpulse/contracts';
import { round } from '@hubpulse/contracts';
import { pauseLoop } from '../common/event-loop';
import { groupKey } from '../disclosure/group-registry.service';
import { planCounts, releaseShare, type Decisions } from './pattern-release';
import type { PurposeRowRead } from '@hubpulse/clickhouse';

/** Parts that count conversations, not people: not shares of the group's people. */
const CONVERSATION_PARTS = new Set(['conversations', 'led_conversations']);

/** The plan's key of a stored group (the worker groups by department and location; 'org' is the population). */
const planKeyOf = (kind: PatternGroupBy, value: string): string => (kind === 'org' ? POPULATION : groupKey[kind](value));

/**
 * Releases the purpose indices of every day over every group the worker stores (the organisation,
 * each department, each location), whatever grouping the request shows:
 *
 * - a group's denominator (its population that day, or its linked-audience members for strategy) is a
 *   count checked for differences: ≥ k in the group and in every difference and family remainder with
 *   the other stored groups and the organisation (planStat 'mean' with the count as contributors);
 * - the index and its numerator are a share of that denominator (releaseShare: numerator and
 *   complement ≥ k everywhere a reader can subtract), over the groups whose denominator is shown;
 * - each people part (readers, doc sharers, …) is a share of the same denominator, decided the same way;
 * - management participation (led / conversations) counts conversations, which overlap across groups
 *   and do not add up: shown only with the engagement index, and with led and not-led both ≥ k.
 *
 * Groups are matched to the plan by key; the worker's groups are the directory as of its last run, so
 * someone who changed department since is counted in the old one until the next recompute (README).
 * The plan's other families (teams, manager trees, segments …) have no purpose index: they are not
 * compared here. Consecutive days are not compared either: a 28-day window's count minus the next
 * day's is a net change (people entering minus people leaving the window), not a group of people.
 */
export async function releasePurposePoints(plan: GroupPlan, rows: readonly PurposeRowRead[]): Promise<Map<PurposeRowRead, PurposeIndexPoint>> {
  const k = plan.k;
  const byDay = new Map<string, PurposeRowRead[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  const out = new Map<PurposeRowRead, PurposeIndexPoint>();
  for (const dayRows of byDay.values()) {
    const byPurpose = new Map<string, PurposeRowRead[]>();
    for (const r of dayRows) byPurpose.set(r.purpose, [...(byPurpose.get(r.purpose) ?? []), r]);
    for (const group of byPurpose.values()) {
      const key = keyOfRows(group);
      // a purpose's day is a share over every group of the plan: the loop pauses before each not kept (pauseLoop)
      if (!cache.get(plan)?.has(key)) await pauseLoop();
      const points = cachedIndex(plan, group, k, key);
      group.forEach((r, i) => out.set(r, points[i]));
    }
  }
  return out;
}

/** Decisions depend only on the plan and the stored rows: kept per plan under the rows' values (bounded). */
const cache = new WeakMap<GroupPlan, Map<string, PurposeIndexPoint[]>>();
const keyOfRows = (rows: readonly PurposeRowRead[]) => JSON.stringify(rows.map((r) => [r.day, r.purpose, r.group_kind, r.group_value, r.numerator, r.denominator, r.parts]));
function cachedIndex(plan: GroupPlan, rows: readonly PurposeRowRead[], k: number, key: string): PurposeIndexPoint[] {
  const byPlan = cache.get(plan) ?? cache.set(plan, new Map()).get(plan)!;
  let points = byPlan.get(key);
  if (!points) {
    const released = releaseOneIndex(plan, rows, k);
    points = rows.map((r) => released.get(r)!);
    byPlan.set(key, points);
    if (byPlan.size > 5000) byPlan.delete(byPlan.keys().next().value!);
  }
  return points;
}

/** One purpose on one day, all its groups. */
function releaseOneIndex(plan: GroupPlan, rows: readonly PurposeRowRead[], k: number): Map<PurposeRowRead, PurposeIndexPoint> {
  const keyOf = (r: PurposeRowRead) => planKeyOf(r.group_kind, r.group_value);
  const groups = rows.filter((r) => r.group_kind !== 'org');
  const org = rows.find((r) => r.group_kind === 'org') ?? null;
  const decisionOf = (d: Decisions, r: PurposeRowRead): HiddenReason | null => {
    const hit = d.get(keyOf(r));
    return hit ? hit.reason : 'below_minimum'; // a group the plan does not know (left the directory)
  };

  const denominators = planCounts(plan, groups.map((r) => [keyOf(r), r.denominator]), org?.denominator ?? null);
  const counted = groups.filter((r) => denominators.get(keyOf(r))?.shown);
  const orgCounted = org !== null && denominators.get(POPULATION)?.shown === true;
  const share = (value: (r: PurposeRowRead) => number) =>
    releaseShare(
      plan,
      new Map(counted.map((r) => [keyOf(r), value(r)])),
      new Map(counted.map((r) => [keyOf(r), r.denominator - value(r)])),
      orgCounted ? { x: value(org!), complement: org!.denominator - value(org!) } : null,
    );
  const index = share((r) => r.numerator);
  const partKeys = [...new Set(rows.flatMap((r) => Object.keys(r.parts)))].filter((p) => !CONVERSATION_PARTS.has(p));
  const parts = new Map(partKeys.map((p) => [p, p === 'audience_members' ? null : share((r) => r.parts[p] ?? 0)]));

  const out = new Map<PurposeRowRead, PurposeIndexPoint>();
  for (const r of rows) {
    const denominatorHidden = decisionOf(denominators, r);
    const hidden = denominatorHidden ?? decisionOf(index, r);
    const partsOut: Record<string, number | null> = {};
    const partsHidden: Record<string, HiddenReason | null> = {};
    for (const [p, n] of Object.entries(r.parts)) {
      const d = p === 'audience_members' ? denominators : CONVERSATION_PARTS.has(p) ? null : parts.get(p)!;
      partsHidden[p] = d ? (denominatorHidden ?? decisionOf(d, r)) : null;
      if (CONVERSATION_PARTS.has(p)) partsHidden[p] = managementHidden(r, hidden, k);
      partsOut[p] = partsHidden[p] === null ? n : null;
    }
    const point: PurposeIndexPoint = {
      day: r.day,
      value: hidden === null && r.denominator > 0 ? round((100 * r.numerator) / r.denominator) : null,
      numerator: hidden === null ? r.numerator : null,
      denominator: denominatorHidden === null ? r.denominator : null,
      parts: partsOut,
      parts_hidden: partsHidden,
      suppressed: hidden !== null || Object.values(partsHidden).some((h) => h !== null),
      hidden_reason: hidden,
      denominator_hidden: denominatorHidden,
      reason: hidden === null ? null : r.denominator === 0 ? 'Nobody in this group.' : hiddenReasonText(hidden, k),
    };
    if (r.purpose === 'engagement') {
      const h = managementHidden(r, hidden, k);
      const c = r.parts.conversations ?? 0;
      point.management_share = h === null && c > 0 ? round((100 * (r.parts.led_conversations ?? 0)) / c) : null;
      point.management_share_hidden = h;
    }
    out.set(r, point);
  }
  return out;
}

/** Management participation: with the engagement index only, and led and not-led conversations ≥ k. */
function managementHidden(r: PurposeRowRead, indexHidden: HiddenReason | null, k: number): HiddenReason | null {
  return indexHidden ?? shareRule(r.parts.led_conversations ?? 0, r.parts.conversations ?? 0, k);
}
