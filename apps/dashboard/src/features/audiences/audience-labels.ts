// Words for the Audiences area: actions, fields, suppression reasons, statuses.

import {
  AMBASSADOR_STAGE_DEFINITIONS,
  PERSONA_DEFINITIONS,
  type AmbassadorStage,
  hiddenReasonText,
  type EventType,
  type HiddenReason,
  type Persona,
  type SegmentAttributeField,
  type SegmentAttributeOp,
} from '@hubpulse/contracts';

export { CHANNEL_LABELS, channelLabel } from '../../charts/channel-activity/channel-activity.transform';
/** Option labels for the action pickers: the ones the event mappings and the scoring model use. */
export { EVENT_TYPE_LABELS as ACTION_LABELS, PURPOSE_LABELS } from '../event-mappings/event-mappings.transform';

/** "did {action} at least 3 times": past tense reads naturally in a rule. */
export const ACTION_VERBS: Record<EventType, string> = {
  view: 'viewed',
  react: 'reacted',
  comment: 'commented',
  post: 'posted',
  share: 'shared',
  doc_share: 'shared a document',
  task_update: 'updated a task',
  answer: 'answered',
  feedback: 'gave feedback',
};

export const FIELD_LABELS: Record<SegmentAttributeField, string> = { department: 'Department', location: 'Location', title: 'Title' };
export const OP_LABELS: Record<SegmentAttributeOp, string> = { in: 'is any of', not_in: 'is none of', contains: 'contains any of' };

export function personaLabel(p: Persona): string {
  return PERSONA_DEFINITIONS[p]?.label ?? p;
}

export function stageLabel(s: AmbassadorStage): string {
  return AMBASSADOR_STAGE_DEFINITIONS[s]?.label ?? s;
}

/** Why a number about people is hidden, in a sentence (tooltips, notes, CSV): the contracts' one text per reason. */
export function suppressionReason(reason: HiddenReason | null, minGroupSize: number): string {
  return hiddenReasonText(reason, minGroupSize);
}

/** The short text shown in place of a hidden count. */
export function suppressionShort(reason: HiddenReason | null, minGroupSize: number): string {
  switch (reason) {
    case 'difference':
      return 'hidden (overlap)';
    case 'remainder':
      return 'hidden (remainder)';
    case 'hierarchy':
      return 'hidden (merged upward)';
    case 'numerator':
    case 'complement':
      return 'hidden (too few)';
    case 'period':
    case 'earlier_release':
      return 'hidden (period)';
    case 'below_minimum':
      return `fewer than ${minGroupSize}`;
    default:
      return 'hidden';
  }
}

export const GROUPING_LABELS: Record<import('@hubpulse/contracts').ProgrammeGrouping, { label: string; hint: string }> = {
  none: { label: 'One audience', hint: 'everyone gets the same messages' },
  department: { label: 'By department', hint: 'tailor and report per department' },
  location: { label: 'By location', hint: 'tailor and report per site' },
  title: { label: 'By title', hint: 'tailor and report per job title' },
  tenure: { label: 'By tenure', hint: 'new joiners apart from long-timers' },
};

export const TACTIC_LABELS: Record<import('@hubpulse/contracts').EngagementTactic, string> = {
  broadcast: 'Broadcast',
  two_way: 'Two-way conversation',
  leader_led: 'Leader-led',
  ambassadors: 'Through ambassadors',
  feedback_loop: 'Feedback loop',
};
