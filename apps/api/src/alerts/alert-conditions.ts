import { GOAL_STATUS_LABELS, PURPOSE_DEFINITIONS, type AlertDirection, type AlertKind, type GoalCardDto, type GoalStatus, type PatternGroupBy, type Purpose, type PurposeIndexPoint } from '@hubpulse/contracts';

/** An alert's rule, as the evaluator reads it. */
export interface AlertRule {
  kind: AlertKind;
  goalId: string | null;
  statuses: GoalStatus[] | null;
  level: number | null;
  direction: AlertDirection | null;
  purpose: Purpose | null;
  groupBy: PatternGroupBy | null;
  group: string | null;
}

/** What one evaluation saw: whether the condition holds (null: unknown), and the value as it may be shown. */
export interface AlertReading {
  breached: boolean | null;
  /** Coarse value compared while firing: the goal status; '' for thresholds. */
  valueKey: string;
  /** The value as text, released by the disclosure layer; null when unknown or withheld. */
  valueText: string | null;
  /** Why there is no value; null when there is one. */
  reason: string | null;
}

const unknown = (reason: string): AlertReading => ({ breached: null, valueKey: '', valueText: null, reason });

/** The group an index alert watches, in words. */
export function groupText(rule: Pick<AlertRule, 'groupBy' | 'group'>): string {
  return !rule.groupBy || rule.groupBy === 'org' ? 'the organisation' : `${rule.groupBy} ${rule.group}`;
}

/** The condition in words, e.g. "Shared vision index of department eng below 40". */
export function conditionText(rule: AlertRule, goalName: string | null): string {
  const goal = goalName ? `"${goalName}"` : 'a deleted goal';
  switch (rule.kind) {
    case 'goal_status':
      return `Status of ${goal} is ${(rule.statuses ?? []).map((s) => GOAL_STATUS_LABELS[s]).join(' or ')}`;
    case 'goal_probability':
      return `Chance that ${goal} meets its target is below ${rule.level} %`;
    case 'index':
      return `${PURPOSE_DEFINITIONS[rule.purpose!].label} index of ${groupText(rule)} ${rule.direction} ${rule.level}`;
  }
}

/** A goal alert's reading from the goal's card (the Strategy page's own status and forecast). */
export function readGoal(rule: AlertRule, card: GoalCardDto | undefined): AlertReading {
  if (!card) return unknown('the goal was deleted');
  if (rule.kind === 'goal_status') {
    const s = card.status.status;
    if (!s) return unknown(card.status.reason ?? 'the goal has no status yet');
    return { breached: (rule.statuses ?? []).includes(s), valueKey: s, valueText: GOAL_STATUS_LABELS[s], reason: null };
  }
  const p = card.probability_of_meeting_target;
  if (p === null) return unknown(card.forecast_reason ?? 'the goal has no forecast');
  const pct = Math.round(p * 1000) / 10;
  return { breached: pct < rule.level!, valueKey: '', valueText: `${pct} %`, reason: null };
}

/**
 * An index alert's reading from the point the Engagement page shows for the group on the newest
 * purpose day. A value the disclosure layer withheld is unknown: it neither fires nor resolves, and
 * its reason (not a number) is all that is kept.
 */
export function readIndex(rule: AlertRule, point: PurposeIndexPoint | null | undefined, day: string | null): AlertReading {
  if (!day) return unknown('no purpose indices computed yet');
  if (!point || point.day !== day) return unknown(`no ${rule.purpose} index for ${groupText(rule)} on ${day}`);
  if (point.value === null) return unknown(point.reason ?? 'no value');
  const breached = rule.direction === 'above' ? point.value > rule.level! : point.value < rule.level!;
  return { breached, valueKey: '', valueText: String(point.value), reason: null };
}
