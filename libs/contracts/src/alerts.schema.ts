import { z } from 'zod';
import { ALERT_DEFAULT_STATUSES, ALERT_DIRECTIONS, ALERT_KINDS, ALERT_WEBHOOK_KINDS } from './alerts.types';
import { PURPOSES } from './enums';
import { GOAL_STATUSES } from './goals.types';
import { PATTERN_GROUP_BY } from './patterns.types';

/** Request bodies of `/api/alerts`, each error naming its field. */

export const ALERT_NAME_MAX = 120;
export const ALERT_RECIPIENTS_MAX = 50;
export const ALERT_WEBHOOKS_MAX = 10;
/** 90 days. */
export const ALERT_COOLDOWN_MAX_HOURS = 2160;

const strict = { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') };
const oneOf = (xs: readonly string[]) => ({ error: `must be one of ${xs.join(', ')}` });

const webhook = z.strictObject(
  {
    kind: z.enum(ALERT_WEBHOOK_KINDS, oneOf(ALERT_WEBHOOK_KINDS)),
    url: z
      .string({ error: 'must be text' })
      .max(2000, 'must be at most 2000 characters')
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { error: 'must be an http(s) URL' }),
  },
  strict,
);

const fields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(ALERT_NAME_MAX, `must be at most ${ALERT_NAME_MAX} characters`),
  kind: z.enum(ALERT_KINDS, oneOf(ALERT_KINDS)),
  goal_id: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(36, 'must be at most 36 characters').nullable(),
  statuses: z.array(z.enum(GOAL_STATUSES, oneOf(GOAL_STATUSES)), { error: 'must be a list' }).min(1, 'must name at least one status').max(3).nullable(),
  level: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').nullable(),
  direction: z.enum(ALERT_DIRECTIONS, oneOf(ALERT_DIRECTIONS)).nullable(),
  purpose: z.enum(PURPOSES, oneOf(PURPOSES)).nullable(),
  group_by: z.enum(PATTERN_GROUP_BY, oneOf(PATTERN_GROUP_BY)).nullable(),
  group: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullable(),
  cooldown_hours: z.number({ error: 'must be a number' }).int('must be whole hours').min(0, 'must be 0 or more').max(ALERT_COOLDOWN_MAX_HOURS, `must be at most ${ALERT_COOLDOWN_MAX_HOURS} (90 days)`),
  /** Hubpulse users by email; each must be a user whose role may open the alert's page. */
  recipients: z.array(z.string({ error: 'must be an email address' }).trim().toLowerCase().pipe(z.email({ error: 'must be an email address' })), { error: 'must be a list' }).max(ALERT_RECIPIENTS_MAX, `must be at most ${ALERT_RECIPIENTS_MAX}`),
  webhooks: z.array(webhook, { error: 'must be a list' }).max(ALERT_WEBHOOKS_MAX, `must be at most ${ALERT_WEBHOOKS_MAX}`),
  enabled: z.boolean({ error: 'must be true or false' }),
};

/** Body of `POST /api/alerts`. Which fields a kind needs is checked as a whole, each problem naming its field. */
export const alertCreateSchema = z
  .strictObject(
    {
      name: fields.name,
      kind: fields.kind,
      goal_id: fields.goal_id.default(null),
      statuses: fields.statuses.default(null),
      level: fields.level.default(null),
      direction: fields.direction.default(null),
      purpose: fields.purpose.default(null),
      group_by: fields.group_by.default(null),
      group: fields.group.default(null),
      cooldown_hours: fields.cooldown_hours.default(24),
      recipients: fields.recipients.default([]),
      webhooks: fields.webhooks.default([]),
      enabled: fields.enabled.default(true),
    },
    strict,
  )
  .superRefine((a, ctx) => {
    const need = (field: string, why: string) => ctx.addIssue({ code: 'custom', path: [field], message: why });
    const not = (field: keyof typeof a, why: string) => a[field] !== null && ctx.addIssue({ code: 'custom', path: [field], message: why });
    if (a.kind === 'goal_status' || a.kind === 'goal_probability') {
      if (!a.goal_id) need('goal_id', `is required for a ${a.kind} alert`);
      for (const f of ['direction', 'purpose', 'group_by', 'group'] as const) not(f, `is only for index alerts`);
      if (a.kind === 'goal_status') not('level', 'is not used by a goal_status alert (it fires on statuses)');
      if (a.kind === 'goal_probability') {
        if (a.level === null) need('level', 'is required: the chance in percent below which the alert fires');
        not('statuses', 'is only for goal_status alerts');
      }
    } else {
      not('goal_id', 'is only for goal alerts');
      not('statuses', 'is only for goal_status alerts');
      if (!a.purpose) need('purpose', `is required for an index alert (one of ${PURPOSES.join(', ')})`);
      if (!a.direction) need('direction', 'is required for an index alert (above or below)');
      if (a.level === null) need('level', 'is required: the index value (0–100) the alert compares with');
      if ((a.group_by ?? 'org') === 'org') not('group', 'is only for group_by department or location');
      else if (!a.group) need('group', `is required for group_by ${a.group_by}`);
    }
    if (a.recipients.length === 0 && a.webhooks.length === 0) need('recipients', 'give at least one recipient or webhook');
  })
  .transform((a) => ({
    ...a,
    statuses: a.kind === 'goal_status' ? (a.statuses ?? [...ALERT_DEFAULT_STATUSES]) : null,
    group_by: a.kind === 'index' ? (a.group_by ?? 'org') : null,
    recipients: [...new Set(a.recipients)],
  }));
export type AlertCreate = z.output<typeof alertCreateSchema>;

/** Body of `PATCH /api/alerts/:id`: any fields; the result is checked as a whole. `webhooks`, when given, replaces the list. */
export const alertUpdateSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, (s as z.ZodType).optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> },
    strict,
  )
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'give at least one field to change' });
export type AlertUpdate = z.output<typeof alertUpdateSchema>;
