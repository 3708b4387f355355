import { z } from 'zod';

/** Request bodies of `/api/schedules`, each error naming its field. */

export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];
/** Files a scheduled mail carries (made by the server exports; PDF by Chromium from the printable page). */
export const SCHEDULE_ATTACHMENTS = ['csv', 'xlsx', 'pdf'] as const;
export type ScheduleAttachment = (typeof SCHEDULE_ATTACHMENTS)[number];
export const SCHEDULE_WEBHOOK_KINDS = ['slack', 'teams', 'webhook'] as const;
export type ScheduleWebhookKind = (typeof SCHEDULE_WEBHOOK_KINDS)[number];
export const SCHEDULE_VIEWS_MAX = 10;
export const SCHEDULE_RECIPIENTS_MAX = 50;
export const SCHEDULE_WEBHOOKS_MAX = 5;

const strict = { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') };
const id = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(36, 'must be at most 36 characters');

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

const webhook = z.strictObject(
  {
    kind: z.enum(SCHEDULE_WEBHOOK_KINDS, { error: `must be one of ${SCHEDULE_WEBHOOK_KINDS.join(', ')}` }),
    url: z
      .string({ error: 'must be text' })
      .max(1000, 'must be at most 1000 characters')
      .refine((u) => /^https?:\/\/[^/\s]+/.test(u) && URL.canParse(u), { error: 'must be an http:// or https:// URL' }),
  },
  strict,
);

const fields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  view_ids: z.array(id, { error: 'must be a list of saved view ids' }).min(1, 'must name at least one saved view').max(SCHEDULE_VIEWS_MAX, `must be at most ${SCHEDULE_VIEWS_MAX} views`),
  frequency: z.enum(SCHEDULE_FREQUENCIES, { error: `must be one of ${SCHEDULE_FREQUENCIES.join(', ')}` }),
  /** ISO weekday for weekly: 1 = Monday … 7 = Sunday. */
  weekday: z.number({ error: 'must be a number 1 (Monday) to 7 (Sunday)' }).int('must be a whole number').min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)').nullable(),
  /** Day of the month for monthly, 1–31; in shorter months the last day. */
  day_of_month: z.number({ error: 'must be a number 1 to 31' }).int('must be a whole number').min(1, 'must be 1 to 31').max(31, 'must be 1 to 31').nullable(),
  time: z.string({ error: 'must be text' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM (00:00–23:59)'),
  time_zone: z.string({ error: 'must be text' }).max(64, 'must be at most 64 characters').refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Berlin' }),
  recipient_ids: z.array(id, { error: 'must be a list of user ids' }).max(SCHEDULE_RECIPIENTS_MAX, `must be at most ${SCHEDULE_RECIPIENTS_MAX} people`),
  webhooks: z.array(webhook, { error: 'must be a list of {kind, url}' }).max(SCHEDULE_WEBHOOKS_MAX, `must be at most ${SCHEDULE_WEBHOOKS_MAX} webhooks`),
  attachments: z
    .array(z.enum(SCHEDULE_ATTACHMENTS, { error: `must be one of ${SCHEDULE_ATTACHMENTS.join(', ')}` }), { error: 'must be a list of csv, xlsx, pdf' })
    .max(3)
    .refine((a) => new Set(a).size === a.length, { error: 'must not repeat a format' }),
  paused: z.boolean({ error: 'must be true or false' }),
};

type Shape = { frequency?: ScheduleFrequency; weekday?: number | null; day_of_month?: number | null; recipient_ids?: string[]; webhooks?: unknown[] };
function checkShape(s: Shape, ctx: z.RefinementCtx, whole: boolean): void {
  if (s.frequency === 'weekly' && s.weekday == null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'is required for a weekly schedule: 1 (Monday) to 7 (Sunday)' });
  if (s.frequency === 'monthly' && s.day_of_month == null) ctx.addIssue({ code: 'custom', path: ['day_of_month'], message: 'is required for a monthly schedule: 1 to 31' });
  if (whole && !s.recipient_ids?.length && !s.webhooks?.length) ctx.addIssue({ code: 'custom', path: ['recipient_ids'], message: 'give at least one recipient or webhook' });
}

/** Body of `POST /api/schedules`. */
export const scheduleCreateSchema = z
  .strictObject(
    {
      ...fields,
      weekday: fields.weekday.default(null),
      day_of_month: fields.day_of_month.default(null),
      recipient_ids: fields.recipient_ids.default([]),
      webhooks: fields.webhooks.default([]),
      attachments: fields.attachments.default(['csv']),
      paused: fields.paused.default(false),
    },
    strict,
  )
  .superRefine((s, ctx) => checkShape(s, ctx, true));
export type ScheduleCreate = z.output<typeof scheduleCreateSchema>;

/** Body of `PATCH /api/schedules/:id`: any of the fields; `webhooks` replaces the list (omit it to keep the stored URLs, which are never shown again). */
export const scheduleUpdateSchema = z
  .strictObject(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }, strict)
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'give at least one field to change' });
export type ScheduleUpdate = z.output<typeof scheduleUpdateSchema>;
