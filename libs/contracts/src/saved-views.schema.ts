import { z } from 'zod';
import { pageFor } from './page-access';

/** Request bodies of `/api/saved-views`, each error naming its field. */

export const SAVED_VIEW_NAME_MAX = 120;
export const SAVED_VIEW_QUERY_MAX = 2000;

const strict = { error: (iss: { code: string; keys?: string[] }) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${(iss.keys ?? []).join(', ')}` : 'must be an object') };
const name = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(SAVED_VIEW_NAME_MAX, `must be at most ${SAVED_VIEW_NAME_MAX} characters`);
/** A dashboard page's path, as `PAGE_ACCESS` lists it (ids filled in). */
const path = z
  .string({ error: 'must be text' })
  .max(500, 'must be at most 500 characters')
  .refine((p) => p.startsWith('/') && !p.includes('?') && !p.includes('#'), { error: 'must be a path starting with / (the query string goes in query)', abort: true })
  .refine((p) => pageFor(p) !== null, { error: 'is not a dashboard page' });
/** The page's query string without the leading "?" (a leading one is dropped), e.g. `by=department&days=180`. */
const query = z
  .string({ error: 'must be text' })
  .max(SAVED_VIEW_QUERY_MAX, `must be at most ${SAVED_VIEW_QUERY_MAX} characters`)
  .transform((q) => q.replace(/^\?/, ''))
  .refine((q) => !q.includes('#'), { error: 'must not contain #' });
const shared = z.boolean({ error: 'must be true or false' });

/** Body of `POST /api/saved-views`. */
export const savedViewCreateSchema = z.strictObject({ name, path, query: query.default(''), shared: shared.default(false) }, strict);
export type SavedViewCreate = z.output<typeof savedViewCreateSchema>;

/** Body of `PATCH /api/saved-views/:id`: the owner renames, shares or unshares, or replaces the state (path and query). */
export const savedViewUpdateSchema = z
  .strictObject({ name: name.optional(), path: path.optional(), query: query.optional(), shared: shared.optional() }, strict)
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'give name, path, query and/or shared' });
export type SavedViewUpdate = z.output<typeof savedViewUpdateSchema>;
