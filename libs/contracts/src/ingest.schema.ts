import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PURPOSES } from './enums';

const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A flat object: values are scalars, never nested objects or arrays. */
export const flatPropertiesSchema = z.record(
  z.string().max(100),
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null()], {
    error: 'must be a string, number, boolean or null (properties are flat)',
  }),
);

export const isoDateTime = z.iso.datetime({ offset: true, local: false, error: 'must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z' });

/**
 * One hub action as sent to `POST /v1/events` (documentation and typing; ingestion runs the
 * equivalent, faster `checkHubEvent`, and a test keeps the two in agreement).
 */
export const hubEventSchema = z.strictObject(
  {
    event_id: id,
    type: z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(', ')}` }),
    actor_id: id,
    occurred_at: isoDateTime,
    content_id: id.nullish(),
    channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }).nullish(),
    purpose: z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }).nullish(),
    target_actor_id: id.nullish(),
    properties: flatPropertiesSchema.nullish(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.join(', ')}` : 'must be an object') },
);
export type HubEvent = z.infer<typeof hubEventSchema>;

export const MAX_EVENTS_PER_BATCH = 10_000;

/** Envelope check only: each event is validated on its own so one bad event never sinks the batch. */
export const eventBatchEnvelopeSchema = z.object({
  events: z.array(z.unknown()).min(1, 'must hold at least one event').max(MAX_EVENTS_PER_BATCH, `must hold at most ${MAX_EVENTS_PER_BATCH} events`),
});

export interface IngestRejection {
  index: number;
  errors: string[];
}
export interface IngestResponse {
  accepted: number;
  rejected: IngestRejection[];
}

const isoDate = z.union([z.iso.date(), isoDateTime], { error: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time' });

export const personSchema = z.strictObject({
  person_id: id,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullish(),
  department: z.string().trim().max(200).nullish(),
  location: z.string().trim().max(200).nullish(),
  title: z.string().trim().max(200).nullish(),
  manager_id: id.nullish(),
  hired_at: isoDate.nullish(),
  is_leader: z.boolean().default(false),
  attributes: flatPropertiesSchema.default({}),
  /**
   * From when department, location, manager and title hold (the directory keeps their history); a
   * date or date-time, today or earlier; default: now. Stored by day (UTC).
   */
  effective_at: isoDate.refine((v) => Date.parse(v) <= Date.now(), { error: 'must not be in the future' }).nullish(),
});
export type PersonInput = z.input<typeof personSchema>;
export type Person = z.output<typeof personSchema>;

export const peopleBatchSchema = z.object({
  people: z.array(personSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const contentSchema = z.strictObject({
  content_id: id,
  channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }),
  purpose: z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')}` }),
  author_id: id.nullish(),
  title: z.string().trim().max(500).default(''),
  /** The audience segment the item was aimed at; absent = everyone. */
  audience_segment_id: id.nullish(),
  published_at: isoDateTime,
});
export type ContentInput = z.input<typeof contentSchema>;
export type Content = z.output<typeof contentSchema>;

export const contentBatchSchema = z.object({
  content: z.array(contentSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

/** Turns zod issues into "field: why" lines, the format every 4xx body uses. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
