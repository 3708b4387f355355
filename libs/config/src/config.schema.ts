import { z } from 'zod';

const bool01 = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Every environment variable Hubpulse reads, with its default. Read once at start-up
 * (loadConfig); nothing else reads process.env.
 */
export const envSchema = z
  .object({
    /** HTTP port of the API. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface the API listens on. */
    HOST: z.string().default('0.0.0.0'),
    /** Folder for embedded ClickHouse, SQLite and a private Redis. */
    HUBPULSE_DATA_DIR: z.string().min(1).default('./.hubpulse'),
    /** ClickHouse server URL; unset = embedded chDB in the data folder. */
    CLICKHOUSE_URL: optionalString.pipe(z.url({ error: 'must be a URL such as http://127.0.0.1:8123' }).optional()),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    /** ClickHouse database Hubpulse owns (created if missing). */
    CLICKHOUSE_DATABASE: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
      .default('hubpulse'),
    /** Relational store: unset = SQLite in the data folder; postgres://… = PostgreSQL. */
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^(postgres|postgresql):\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
        .optional(),
    ),
    /** Redis for the job queues. */
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default(DEFAULT_REDIS_URL),
    /** Prefix of every queue key in Redis (isolates installs and test runs sharing one Redis). */
    HUBPULSE_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/, 'letters, digits, _ : - only').default('hubpulse'),
    /** inline = job processors run inside the API process; external = separate apps/worker processes. */
    HUBPULSE_WORKERS: z.enum(['inline', 'external'], { error: 'must be inline or external' }).default('inline'),
    /** Admin user created on an empty store (unattended installs). */
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: optionalString.pipe(z.email({ error: 'must be an email address' }).optional()),
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
    /** Ingestion (write) key created on an empty store. */
    HUBPULSE_BOOTSTRAP_WRITE_KEY: optionalString.pipe(z.string().min(20, 'must be at least 20 characters').optional()),
    /** 1 = seed the demo organisation into an empty store. */
    HUBPULSE_DEMO: bool01.default(false),
    /** Days of hub activity the demo organisation has (ending today); a year lets the KPI links show statistics. */
    HUBPULSE_DEMO_DAYS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(14, 'must be at least 14').max(730, 'must be at most 730').default(365),
    /** Privacy threshold: numbers about fewer people than this are suppressed. */
    HUBPULSE_MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(1000).default(5),
    /** Largest accepted request body, in bytes. */
    HUBPULSE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
    /** Largest accepted single event (its stored row), in bytes; bigger events are rejected with a reason. */
    HUBPULSE_MAX_EVENT_BYTES: z.coerce.number().int().min(256).default(32 * 1024),
    /** Events per second one write key may send (per API process); 0 = unlimited. Bursts up to 2 s worth. */
    HUBPULSE_RATE_LIMIT_EVENTS: z.coerce.number().int().min(0).default(200_000),
    /** Minutes between scheduled score recomputes. */
    HUBPULSE_SCORE_EVERY_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Milliseconds of quiet after ingestion before scores recompute (debounce). */
    HUBPULSE_SCORE_DEBOUNCE_MS: z.coerce.number().int().min(0).default(5000),
    /** Session lifetime in hours. */
    HUBPULSE_SESSION_HOURS: z.coerce.number().int().min(1).default(12),
    /** Set cookies with the Secure flag (behind HTTPS). */
    HUBPULSE_SECURE_COOKIES: bool01.default(false),
    /** The address users open the dashboard at (https://hubpulse.example.com); invite and reset links start with it (unset: the listen address). */
    HUBPULSE_PUBLIC_URL: optionalString.pipe(z.url({ error: 'must be a URL such as https://hubpulse.example.com' }).optional()),
    /** Hours an invite or password-reset link stays valid. */
    HUBPULSE_INVITE_TTL_HOURS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(24 * 30, 'must be at most 720').default(72),
    /** Mail server for invite and reset links (smtp://user:pass@host:587, smtps://…); unset = links are shown to the admin once. */
    HUBPULSE_SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
    /** Sender of those mails. */
    HUBPULSE_MAIL_FROM: z.string().default('Hubpulse <hubpulse@localhost>'),
  })
  .superRefine((env, ctx) => {
    if (!!env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL !== !!env.HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: [env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL ? 'HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD' : 'HUBPULSE_BOOTSTRAP_ADMIN_EMAIL'],
        message: 'set both HUBPULSE_BOOTSTRAP_ADMIN_EMAIL and HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD, or neither',
      });
    }
  });

export type Env = z.output<typeof envSchema>;
