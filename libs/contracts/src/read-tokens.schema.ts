import { z } from 'zod';

/** Personal read tokens (`Authorization: Bearer hp_rt_…`): they open the GET routes their owner's role may read, nothing else. */
export const READ_TOKEN_PREFIX = 'hp_rt_';
/** Days a new token lasts when the request names none. */
export const READ_TOKEN_DEFAULT_DAYS = 90;
/** The longest a token may last: a year. */
export const READ_TOKEN_MAX_DAYS = 365;
/** The expiry choices the dashboard offers (any whole number of days up to the maximum is accepted). */
export const READ_TOKEN_DAY_CHOICES = [7, 30, 90, 180, 365] as const;

/** Body of `POST /api/me/tokens`. */
export const readTokenCreateSchema = z.strictObject(
  {
    name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    expires_in_days: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(READ_TOKEN_MAX_DAYS, `must be at most ${READ_TOKEN_MAX_DAYS} days (a year)`)
      .default(READ_TOKEN_DEFAULT_DAYS),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.join(', ')}` : 'must be an object') },
);
export type ReadTokenCreate = z.output<typeof readTokenCreateSchema>;
