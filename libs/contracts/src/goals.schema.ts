import { z } from 'zod';
import { isValidDay } from './dates';
import { GOAL_METRICS, PURPOSES, TARGET_TYPES } from './enums';
import { GOAL_LINK_KINDS } from './goal-links.types';
import { GOAL_SCOPES, UNIT_KINDS } from './goals.types';

/** Request bodies of the Strategy area (goals, KPI values, goal links), each error naming its field. */

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');
const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const monthFirst = z
  .string({ error: 'must be a month YYYY-MM or YYYY-MM-01' })
  .transform((s) => (/^\d{4}-\d{2}$/.test(s) ? `${s}-01` : s))
  .refine((s) => isValidDay(s) && s.endsWith('-01'), { error: 'must be a month YYYY-MM or YYYY-MM-01' });
/** A month as YYYY-MM or YYYY-MM-01, normalised to YYYY-MM-01. */
export const periodSchema = monthFirst;

const lastDayOfMonth = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10) === s;
};

const monthlyTargets = z
  .array(z.strictObject({ period: monthFirst, target: finite }), { error: 'must be an array' })
  .max(120, 'must hold at most 120 months');

const goalFields = z.strictObject({
  name: text(200),
  metric: z.enum(GOAL_METRICS, { error: `must be one of ${GOAL_METRICS.join(', ')}` }),
  /** Required when metric is custom ("Employee NPS"); must be absent or null otherwise. */
  custom_metric_name: text(100).nullable().optional(),
  scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }).default('organisation'),
  /** The department or location name when scope is department or location; null for organisation. */
  scope_value: text(200).nullable().optional(),
  unit_kind: z.enum(UNIT_KINDS, { error: `must be one of ${UNIT_KINDS.join(', ')}` }),
  /** ISO 4217 code (unit_kind currency) or a label of at most 20 characters (unit_kind unit). */
  unit: text(20),
  baseline: finite,
  target: finite,
  target_type: z.enum(TARGET_TYPES, { error: `must be one of ${TARGET_TYPES.join(', ')}` }),
  /** First day of a month. */
  period_start: date,
  /** Last day of a month, on or after period_start; at most 10 years later. */
  period_end: date,
  /** Optional target per month of the period; replaces the straight-line expectation for that month. */
  monthly_targets: monthlyTargets.default([]),
  owner: z.string({ error: 'must be text' }).trim().max(200, 'must be at most 200 characters').nullable().optional(),
});

type GoalFieldsOut = z.output<typeof goalFields>;

/** Cross-field checks, each naming its field. */
function checkGoal(g: GoalFieldsOut, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (g.metric === 'custom' && !g.custom_metric_name) issue(['custom_metric_name'], 'required when metric is custom');
  if (g.metric !== 'custom' && g.custom_metric_name) issue(['custom_metric_name'], 'only for metric custom');
  if (g.scope === 'organisation' && g.scope_value) issue(['scope_value'], 'must be null for scope organisation');
  if (g.scope !== 'organisation' && !g.scope_value) issue(['scope_value'], `required: the ${g.scope} name`);
  if (g.unit_kind === 'currency' && !/^[A-Z]{3}$/.test(g.unit)) issue(['unit'], 'must be a 3-letter ISO 4217 currency code such as USD or EUR');
  if (!g.period_start.endsWith('-01')) issue(['period_start'], 'must be the first day of a month');
  if (!lastDayOfMonth(g.period_end)) issue(['period_end'], 'must be the last day of a month');
  if (g.period_end < g.period_start) issue(['period_end'], 'must not be before period_start');
  else if (Number(g.period_end.slice(0, 4)) - Number(g.period_start.slice(0, 4)) > 10) issue(['period_end'], 'period is limited to 10 years');
  if (g.target_type === 'increase_to' && !(g.target > g.baseline)) issue(['target'], 'must be above baseline for target_type increase_to');
  if (g.target_type === 'decrease_to' && !(g.target < g.baseline)) issue(['target'], 'must be below baseline for target_type decrease_to');
  const seen = new Set<string>();
  g.monthly_targets.forEach((t, i) => {
    if (seen.has(t.period)) issue(['monthly_targets', i, 'period'], `repeats ${t.period}`);
    seen.add(t.period);
    if (t.period < g.period_start || t.period > g.period_end) issue(['monthly_targets', i, 'period'], `must be a month of the period ${g.period_start}..${g.period_end}`);
  });
}

/** Body of POST /api/goals. */
export const goalCreateSchema = goalFields.superRefine(checkGoal);
export type GoalCreateInput = z.input<typeof goalCreateSchema>;

/**
 * Body of PUT /api/goals/:id: any of the fields; the result (stored goal + changes) is checked as a
 * whole, so a 400 may name a field that was not sent (e.g. target after a new baseline).
 * `monthly_targets`, when sent, replaces the whole list.
 */
export const goalUpdateSchema = goalFields.partial().extend({
  scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }).optional(),
  monthly_targets: monthlyTargets.optional(),
});
export type GoalUpdateInput = z.input<typeof goalUpdateSchema>;

/** Body of PUT /api/goals/:id/values/:period (period YYYY-MM or YYYY-MM-01 in the path). */
export const kpiValuePutSchema = z.strictObject({
  value: finite,
  note: z.string({ error: 'must be text' }).max(500, 'must be at most 500 characters').nullable().optional(),
});
export type KpiValuePutInput = z.input<typeof kpiValuePutSchema>;

/** Body of POST /api/goals/:id/values: several months at once, all stored or none (400 naming values[i].field). */
export const kpiValuesBulkSchema = z.strictObject({
  values: z
    .array(z.strictObject({ period: monthFirst, value: finite, note: kpiValuePutSchema.shape.note }), { error: 'must be an array' })
    .min(1, 'must hold at least one value')
    .max(1000, 'must hold at most 1000 values'),
});
export type KpiValuesBulkInput = z.input<typeof kpiValuesBulkSchema>;

/** CSV import: the header row must name these columns (any order, case-insensitive); `note` is optional. */
export const KPI_CSV_REQUIRED_COLUMNS = ['period', 'value'] as const;
export const KPI_CSV_OPTIONAL_COLUMNS = ['note'] as const;

const hypothesis = text(500);
const linkPurpose = z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }).nullable().optional();
const names = z
  .array(text(200), { error: 'must be an array' })
  .min(1, 'must name at least one')
  .max(200, 'must name at most 200')
  .refine((xs) => new Set(xs).size === xs.length, { error: 'must not repeat a name' });

/**
 * Body of POST /api/goals/:id/links: the audience whose engagement should move the goal, and the
 * contribution hypothesis in words ("engagement of Sales with the vision content should lift Q3 revenue").
 * scope: the whole organisation, or a list of departments, or a list of locations.
 */
export const goalLinkCreateSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('segment'), segment_id: text(36), purpose: linkPurpose, hypothesis }),
    z.strictObject({ kind: z.literal('programme'), programme_id: text(36), purpose: linkPurpose, hypothesis }),
    z
      .strictObject({
        kind: z.literal('scope'),
        scope: z.enum(GOAL_SCOPES, { error: `must be one of ${GOAL_SCOPES.join(', ')}` }),
        /** Required for scope department, absent otherwise. */
        departments: names.optional(),
        /** Required for scope location, absent otherwise. */
        locations: names.optional(),
        purpose: linkPurpose,
        hypothesis,
      })
      .superRefine((l, ctx) => {
        const need = l.scope === 'department' ? 'departments' : l.scope === 'location' ? 'locations' : null;
        for (const field of ['departments', 'locations'] as const) {
          if (field === need && !l[field]) ctx.addIssue({ code: 'custom', path: [field], message: `required for scope ${l.scope}` });
          if (field !== need && l[field]) ctx.addIssue({ code: 'custom', path: [field], message: need ? `not for scope ${l.scope} (use ${need})` : 'not for scope organisation' });
        }
      }),
  ],
  { error: `kind: must be one of ${GOAL_LINK_KINDS.join(', ')}` },
);
export type GoalLinkCreateInput = z.input<typeof goalLinkCreateSchema>;

/** Body of PUT /api/goals/:id/links/:linkId: the words and the purpose; the audience is fixed (make a new link instead). */
export const goalLinkUpdateSchema = z.strictObject({ purpose: linkPurpose, hypothesis: hypothesis.optional() });
export type GoalLinkUpdateInput = z.input<typeof goalLinkUpdateSchema>;
