import { z } from 'zod';
import { isValidDay } from './dates';

/** GET /api/audit (admin): who did what to which target, newest first. */
export interface AuditLogEntryDto {
  id: string;
  /** ISO time, UTC. */
  at: string;
  /** The user's email, `write_key:<id>` for a write key, or a system name such as 'seed'. */
  actor: string;
  /** e.g. goal.update, segment.members.export (AUDIT_ACTION_LABELS names them). */
  action: string;
  /** e.g. goal:<id>, segment:<id>, user:<id>. */
  target: string;
  /** What was done: the fields sent (secrets never), counts, old and new values where known. */
  details: Record<string, unknown>;
}

/** GET /api/audit/facets: the actions and actors on record, for the filter's choices. */
export interface AuditFacetsDto {
  actions: string[];
  actors: string[];
}

/** The most entries one GET /api/audit page holds; the CSV export pages through all of them. */
export const AUDIT_PAGE_MAX = 1000;

const day = z.string().refine(isValidDay, { error: 'must be a day YYYY-MM-DD' });
const unknownParameters = { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown parameter(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') };
const fromNotAfterTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

/** The filters; every one is optional and they combine with AND. */
const filterShape = {
  /** An action exactly, or a family by its prefix ending in a dot: `goal.` matches goal.create, goal.update, … */
  action: z.string().max(100, 'must be at most 100 characters').optional(),
  /** Part of the actor, case-insensitive (`anna@` or `write_key:`). */
  actor: z.string().max(320, 'must be at most 320 characters').optional(),
  /** A target exactly, e.g. goal:<id>. */
  target: z.string().max(200, 'must be at most 200 characters').optional(),
  /** First and last day, inclusive, UTC. */
  from: day.optional(),
  to: day.optional(),
};

/** Query of GET /api/audit/export.csv: the filters. */
export const auditFilterSchema = z.strictObject(filterShape, unknownParameters).refine(fromNotAfterTo, { error: 'must not be after to', path: ['from'] });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Query of GET /api/audit: the filters, `before` (the id of the previous page's last entry) and `limit`. */
export const auditListSchema = z
  .strictObject(
    {
      ...filterShape,
      before: z.uuid({ error: 'must be the id of an audit entry' }).optional(),
      limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(AUDIT_PAGE_MAX, `must be at most ${AUDIT_PAGE_MAX}`).default(100),
    },
    unknownParameters,
  )
  .refine(fromNotAfterTo, { error: 'must not be after to', path: ['from'] });

export type AuditListQuery = z.output<typeof auditListSchema>;

/** The CSV export's columns, header row first. */
export const AUDIT_CSV_HEADER = ['at', 'actor', 'action', 'action_label', 'target', 'details'] as const;
