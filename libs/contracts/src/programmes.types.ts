import { z } from 'zod';
import { CHANNELS, PURPOSES, type Channel, type Purpose } from './enums';
import type { HiddenReason } from './privacy.types';
import type { ShrunkRateDto } from './segments.types';

/**
 * A comms programme (issue 5): the planner's six steps — who is targeted (a segment), how they are
 * grouped, what content, which channels, how we engage, how effectiveness is measured. `goal_id`
 * links it to a strategy goal (the hook for issue 6; nullable). Created as a draft, then launched:
 * before launch it forecasts reach, after launch it shows a scorecard against its measure.
 */

export const PROGRAMME_STATUSES = ['draft', 'launched'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** Step 2: how the target audience is grouped for tailored messages and reporting. */
export const PROGRAMME_GROUPINGS = ['none', 'department', 'location', 'title', 'tenure'] as const;
export type ProgrammeGrouping = (typeof PROGRAMME_GROUPINGS)[number];

/** Step 5: how we engage. */
export const ENGAGEMENT_TACTICS = ['broadcast', 'two_way', 'leader_led', 'ambassadors', 'feedback_loop'] as const;
export type EngagementTactic = (typeof ENGAGEMENT_TACTICS)[number];
export const ENGAGEMENT_TACTIC_DEFINITIONS: Record<EngagementTactic, string> = {
  broadcast: 'One-way announcements to the audience on the chosen channels',
  two_way: 'Open conversation: questions, comments and replies on the chosen channels',
  leader_led: 'Leaders post and reply in person',
  ambassadors: 'Ambassadors in the audience share and discuss the content',
  feedback_loop: 'Ask for feedback and report back what changed',
};

/**
 * Step 6: the measure, over the target segment's current members and the programme's channels,
 * in the measure's period (rates as fractions 0–1, mean_score on the 0–100 scale).
 */
export const PROGRAMME_METRICS = ['reach_rate', 'read_rate', 'interaction_rate', 'active_share', 'mean_score'] as const;
export type ProgrammeMetric = (typeof PROGRAMME_METRICS)[number];
export const PROGRAMME_METRIC_DEFINITIONS: Record<ProgrammeMetric, string> = {
  reach_rate: "Share of the segment's members with at least one event on the programme's channels in the period",
  read_rate:
    "Distinct (member, item) views of items published on the programme's channels in the period, divided by members × those items: the average member's share of new items read",
  interaction_rate: "Of the members reached on the programme's channels, the share who reacted, commented, shared or answered there",
  active_share: "Share of the segment's members with at least one event anywhere on the hub in the period",
  mean_score: "Mean engagement score (0–100 percentile in the organisation) of the segment's members on the last day of the period counted so far",
};

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const notes = z.string({ error: 'must be text' }).max(2000, 'must be at most 2000 characters').nullable().optional();
const unique = <T>(items: T[]) => new Set(items).size === items.length;

const measureSchema = z
  .strictObject({
    metric: z.enum(PROGRAMME_METRICS, { error: `must be one of ${PROGRAMME_METRICS.join(', ')}` }),
    target: z.number({ error: 'must be a number' }).finite('must be a finite number'),
    from: day,
    to: day,
  })
  .refine((m) => m.from <= m.to, { error: 'must not be after to', path: ['from'] })
  .refine((m) => (m.metric === 'mean_score' ? m.target >= 0 && m.target <= 100 : m.target >= 0 && m.target <= 1), {
    error: 'must be a fraction 0–1 for rates, 0–100 for mean_score',
    path: ['target'],
  });

const programmeFields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  /** Step 1: the target segment. */
  segment_id: z.string({ error: 'must be a segment id' }).min(1, 'must be a segment id').max(36, 'must be a segment id'),
  grouping: z.enum(PROGRAMME_GROUPINGS, { error: `must be one of ${PROGRAMME_GROUPINGS.join(', ')}` }).default('none'),
  /** Step 3: what content is relevant. */
  content: z.strictObject({
    purposes: z
      .array(z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }), { error: 'must be an array' })
      .min(1, 'must hold at least one purpose')
      .refine(unique, { error: 'must not repeat a purpose' }),
    notes,
  }),
  /** Step 4: which channels. */
  channels: z
    .array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }), { error: 'must be an array' })
    .min(1, 'must hold at least one channel')
    .refine(unique, { error: 'must not repeat a channel' }),
  /** Step 5: how we engage. */
  tactic: z.strictObject({
    kind: z.enum(ENGAGEMENT_TACTICS, { error: `must be one of ${ENGAGEMENT_TACTICS.join(', ')}` }),
    notes,
  }),
  /** Step 6: how effectiveness is measured. */
  measure: measureSchema,
  /** Strategy goal this programme serves (issue 6); null for none. */
  goal_id: z.string({ error: 'must be a goal id' }).max(36, 'must be a goal id').nullable().optional(),
};

/** Body of POST /api/programmes. */
export const programmeCreateSchema = z.strictObject(programmeFields);
export type ProgrammeCreateInput = z.input<typeof programmeCreateSchema>;

/** Body of PUT /api/programmes/:id (drafts only): any of the fields. */
export const programmeUpdateSchema = z.strictObject({
  name: programmeFields.name.optional(),
  segment_id: programmeFields.segment_id.optional(),
  grouping: z.enum(PROGRAMME_GROUPINGS, { error: `must be one of ${PROGRAMME_GROUPINGS.join(', ')}` }).optional(),
  content: programmeFields.content.optional(),
  channels: programmeFields.channels.optional(),
  tactic: programmeFields.tactic.optional(),
  measure: measureSchema.optional(),
  goal_id: programmeFields.goal_id,
});
export type ProgrammeUpdateInput = z.input<typeof programmeUpdateSchema>;

export interface ProgrammeMeasure {
  metric: ProgrammeMetric;
  target: number;
  from: string;
  to: string;
}

export interface ProgrammeDto {
  id: string;
  name: string;
  segment_id: string;
  /** The segment's current name (null if it was archived and renamed away — it never is deleted). */
  segment_name: string | null;
  grouping: ProgrammeGrouping;
  content: { purposes: Purpose[]; notes: string | null };
  channels: Channel[];
  tactic: { kind: EngagementTactic; notes: string | null };
  measure: ProgrammeMeasure;
  goal_id: string | null;
  status: ProgrammeStatus;
  launched_at: string | null;
  launched_by: string | null;
  /** The forecast as it stood at launch (kept to compare with the scorecard). */
  forecast_at_launch: ProgrammeForecastDto | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeChannelForecastDto {
  channel: Channel;
  /** Items published on the channel in the history window. */
  items: number;
  /** The segment's shrunk read rate on the channel; null when nothing was published there. */
  read_rate: ShrunkRateDto | null;
  /** Why the read rate is hidden (readers or non-readers fewer than k, by subtraction too, or the window conflicts with an earlier release); null when shown or nothing was published. */
  read_rate_hidden: HiddenReason | null;
  /** members × read rate: expected members reading an item on this channel. */
  expected_readers: number | null;
}

/**
 * GET /api/programmes/:id/forecast: reach before launch.
 * expected readers per item = segment size (after privacy suppression) × the segment's shrunk read
 * rate pooled over the chosen channels (distinct member-item views / (members × items), over the
 * history window), with the 95% interval of that rate times the size. Null with a reason when the
 * size is suppressed or the segment was never computed.
 */
export interface ProgrammeForecastDto {
  programme_id: string;
  segment_id: string;
  /** History window the rates come from (the 90 days up to the newest event). */
  from: string;
  to: string;
  /** The segment's size as the group plan shows it (null: hidden, see segment_size_hidden). */
  segment_size: number | null;
  segment_size_hidden: HiddenReason | null;
  reason: string | null;
  /** The read rate pooled over the programme's channels, released like channel statistics' read rates. */
  pooled_read_rate: ShrunkRateDto | null;
  pooled_read_rate_hidden: HiddenReason | null;
  expected_readers: { estimate: number; lower: number; upper: number } | null;
  channels: ProgrammeChannelForecastDto[];
  definition: string;
}

export type ScorecardStatus = 'not_started' | 'met' | 'below' | 'no_data' | 'suppressed';

/** GET /api/programmes/:id/scorecard: the measure's actual against its target. */
export interface ProgrammeScorecardDto {
  programme_id: string;
  metric: ProgrammeMetric;
  definition: string;
  target: number;
  from: string;
  to: string;
  /** Last day counted: min(to, newest event day); null before the period starts. */
  as_of: string | null;
  /** Share of the period elapsed by as_of, 0–1. */
  elapsed: number;
  /** People measured (null: hidden below the minimum group size, or by subtraction from the current size). */
  members: number | null;
  members_hidden: HiddenReason | null;
  /**
   * Whose actions count: 'launch' = the target segment's members when the programme was launched
   * (kept since); 'current' = its members today (a draft, or launched before memberships were pinned).
   */
  membership: 'launch' | 'current';
  /** The last week's value (as_of); null when hidden (actual_hidden) or undefined. */
  actual: number | null;
  actual_hidden: HiddenReason | null;
  /** actual / target. */
  progress: number | null;
  status: ScorecardStatus;
  /**
   * The metric per ISO week (Monday) of the period so far, cumulative from `from`. A week is hidden
   * (value null, `hidden` says why) when its people fail the measure's rule or differ from the last
   * shown week by 1..k−1 ('period'): any two shown weeks differ by 0 or at least k people.
   */
  series: { week: string; value: number | null; hidden: HiddenReason | null }[];
  min_group_size: number;
}
