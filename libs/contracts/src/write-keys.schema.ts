import { z } from 'zod';

/**
 * What a write key may write: `events` (hub actions) and `directory` (people — PUT /v1/people, SDK
 * identify / group / $set — and the content catalogue, PUT /v1/content). Every key sends events.
 */
export const WRITE_KEY_SCOPES = ['events', 'directory'] as const;
export type WriteKeyScope = (typeof WRITE_KEY_SCOPES)[number];

export const BROWSER_KEY_DIRECTORY =
  'a browser key cannot have the directory scope: it ships inside a web page, where anyone can read it and rewrite people with it';

/** Body of `POST /api/ingestion/keys`. Without `scopes` a key gets the least: ["events"]. */
export const writeKeyCreateSchema = z
  .strictObject(
    {
      name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      scopes: z
        .array(z.enum(WRITE_KEY_SCOPES, { error: `must be one of ${WRITE_KEY_SCOPES.join(', ')}` }), { error: 'must be a list such as ["events"] or ["events","directory"]' })
        .min(1, 'must hold at least one scope')
        .refine((s) => s.includes('events'), 'must include events (every key sends events)')
        .refine((s) => new Set(s).size === s.length, 'must not repeat a scope')
        .default(['events']),
      browser: z.boolean({ error: 'must be true or false' }).default(false),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.join(', ')}` : 'must be an object') },
  )
  .superRefine((k, ctx) => {
    if (k.browser && k.scopes.includes('directory')) ctx.addIssue({ code: 'custom', path: ['scopes'], message: BROWSER_KEY_DIRECTORY });
  });
export type WriteKeyCreate = z.output<typeof writeKeyCreateSchema>;

/** One key in `GET /api/ingestion/keys` (never the key itself). */
export interface WriteKeyDto {
  id: string;
  name: string;
  prefix: string;
  scopes: WriteKeyScope[];
  browser: boolean;
  created_at: string;
  revoked_at: string | null;
  /**
   * When the key last authenticated an ingestion request (ISO time; null: never). Recorded at most
   * once a minute per key, so it may be up to a minute behind the latest request.
   */
  last_used_at: string | null;
}
