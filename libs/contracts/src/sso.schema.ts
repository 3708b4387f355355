import { z } from 'zod';

const text = z.string().max(4096).optional();

/** `GET /api/auth/sso/login?next=/path`: where to land after signing in (a path on this site; anything else lands on /). */
export const ssoLoginQuerySchema = z.object({ next: z.string().max(2048).optional() });

/** `GET /api/auth/sso/callback`: the provider's authorization response (RFC 6749 4.1.2, RFC 9207 `iss`); other parameters are ignored. */
export const ssoCallbackQuerySchema = z.object({ code: text, state: text, iss: text, error: text, error_description: text });
export type SsoCallbackQuery = z.output<typeof ssoCallbackQuerySchema>;
