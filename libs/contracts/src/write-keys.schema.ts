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
  /** Web origins a browser key may send from (CORS); empty: it refuses requests from any browser origin. */
  allowed_origins: string[];
}

/** `text` as a web origin as browsers send it in `Origin` (`http(s)://host[:port]`, no path; a trailing slash dropped), or null. */
export function webOrigin(text: string): string | null {
  const given = text.trim().replace(/\/+$/, '');
  try {
    const u = new URL(given);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin.toLowerCase() === given.toLowerCase()) return u.origin;
  } catch {
    /* not a URL */
  }
  return null;
}

export const webOriginSchema = z.string({ error: 'must be a web origin such as https://intranet.example.com' }).transform((s, ctx) => {
  const origin = webOrigin(s);
  if (origin) return origin;
  ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 100)}" is not a web origin: give scheme, host and port only, such as https://intranet.example.com` });
  return z.NEVER;
});

/** Body of `PATCH /api/ingestion/keys/:id`: what an admin may change on a key after it was made. */
export const writeKeyUpdateSchema = z.strictObject(
  {
    allowed_origins: z.array(webOriginSchema, { error: 'must be a list of web origins such as ["https://intranet.example.com"]' }).max(50, 'must hold at most 50 origins'),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.join(', ')}` : 'must be an object') },
);
export type WriteKeyUpdate = z.output<typeof writeKeyUpdateSchema>;

/** Why a server key (not made for a web page) may not be given browser origins. */
export const SERVER_KEY_ORIGINS = 'only a browser key can be allowed web origins: make a browser key (events only) for a web page';
