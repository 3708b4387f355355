import { z } from 'zod';
import { ssoEnv, ssoProblems } from './sso';
import { webhookHostsEnv } from './webhook-hosts';

const bool01 = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Every environment variable Hubpulse reads, with its default. Read once at start-up
 * (loadConfig); nothing else reads process.env.
 */
export const envSchema = z
  .object({
    /** Least severe log line written (JSON on stdout): trace, debug, info, warn, error, fatal or silent. */
    HUBPULSE_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    /** HTTP port of the API. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface the API listens on (`npm start` sets 127.0.0.1 unless HOST is given). */
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
    /** Self-managed ClickHouse cluster (a `remote_servers` name, one shard × N replicas): DDL runs ON CLUSTER with Replicated* tables. Server mode only; unset for one server and for ClickHouse Cloud. */
    CLICKHOUSE_CLUSTER: optionalString.pipe(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)').optional()),
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
    /** Events waiting for ClickHouse in one API process at most; past it ingestion answers 503 + Retry-After (backpressure when ClickHouse is slow). */
    HUBPULSE_INGEST_MAX_QUEUED_ROWS: z.coerce.number().int().min(1000).default(500_000),
    HUBPULSE_READ_CACHE_ENTRIES: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(100_000).default(400),
    HUBPULSE_READ_MAX_STALE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(0).max(3600).default(15),
    /**
     * Minutes between the API's background reads of what each dashboard page asks for first (the
     * overview, the engagement groups, the goal link analyses, the segments' channel statistics, the
     * pattern views) through the read cache, so nobody waits for a cold one after a start, a pattern
     * run or a plan change (a new segment); an unchanged read costs a data-version check. 0 = off.
     * Default 1.
     */
    HUBPULSE_WARM_READS_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(0).max(1440).optional(),
    /** The former name of HUBPULSE_WARM_READS_MINUTES (when it only read the pattern views): still read when the new one is not set. */
    HUBPULSE_WARM_PATTERNS_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(0).max(1440).optional(),
    /**
     * Worker threads that decide the pattern views' weeks (personas, movement, ambassadors) off the
     * API's event loop, weeks spread over them. Default: the machine's cores but one, 1 to 4 (one core
     * is left to the event loop and chDB: on 2 cores, 2 threads decide the views 1.7× faster but
     * slow every other read meanwhile; each thread holds its own copy of the plan and its weeks, ~0.8 GB at
     * 100,000 people).
     */
    HUBPULSE_RELEASE_THREADS: z.coerce.number({ error: 'must be a whole number of threads' }).int('must be a whole number of threads').min(1, 'must be at least 1').max(16, 'must be at most 16').optional(),
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
    /** Always set cookies with the Secure flag; without it they get it when the request came over HTTPS (see HUBPULSE_TRUST_PROXY). */
    HUBPULSE_SECURE_COOKIES: bool01.default(false),
    /** Hours an invite or password-reset link stays valid. */
    HUBPULSE_EXPORT_RETENTION_DAYS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365').default(7),
    HUBPULSE_INVITE_TTL_HOURS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(24 * 30, 'must be at most 720').default(72),
    /** Mail server for invite and reset links (smtp://user:pass@host:587, smtps://…); unset = links are shown to the admin once. */
    HUBPULSE_SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
    /** Sender of those mails. */
    HUBPULSE_MAIL_FROM: z.string().default('Hubpulse <hubpulse@localhost>'),
    /** Chromium that renders scheduled reports' PDFs (default /usr/bin/chromium when present; without one PDFs are skipped with a note in the mail). */
    HUBPULSE_CHROMIUM_PATH: optionalString,
    /** Seconds between checks for due scheduled reports in each API process; 0 = no checks (Send now still works). */
    HUBPULSE_SCHEDULE_TICK_SECONDS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be at least 0').max(3600, 'must be at most 3600').default(30),
    /** Hosts schedules' and alerts' webhooks may post to, separated by commas (`*.example.com` = any host below it); plain http:// only to hosts listed by name. Default: Slack and Microsoft Teams webhook hosts. */
    HUBPULSE_WEBHOOK_HOSTS: webhookHostsEnv,
    /** Which proxies' X-Forwarded-For/-Proto are believed (client address, HTTPS): loopback, false, true (any), a hop count, or addresses/subnets separated by commas. */
    HUBPULSE_TRUST_PROXY: z
      .string()
      .regex(/^(loopback|true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be loopback, true, false, a hop count or addresses/subnets separated by commas')
      .default('loopback'),
    /** The address users open the dashboard at (https://hubpulse.example.com); invite and reset links start with it (unset: the listen address), and cookie requests from this Origin are allowed besides the same origin. */
    HUBPULSE_PUBLIC_URL: optionalString.pipe(z.url({ error: 'must be a URL such as https://hubpulse.example.com' }).optional()),
    /** Failed sign-ins of one account before it is locked (then locked for HUBPULSE_SIGNIN_LOCK_SECONDS, doubling with each further failure). */
    HUBPULSE_SIGNIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(5),
    /** Seconds without a failure after which an account's failures are forgotten. */
    HUBPULSE_SIGNIN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    /** First lock of an account, in seconds; doubles with each further failure. */
    HUBPULSE_SIGNIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Longest lock of an account, in seconds. */
    HUBPULSE_SIGNIN_LOCK_MAX_SECONDS: z.coerce.number().int().min(1).default(3600),
    /** Failed sign-ins from one client address per minute before it must wait for the minute's end. */
    HUBPULSE_SIGNIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).default(20),
    /** When set, GET /metrics (API and worker) requires `Authorization: Bearer <this token>`; unset, /metrics is open to whoever reaches the port. */
    HUBPULSE_METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Port of the worker process's /metrics and /health/live (apps/worker has no other HTTP server); 0 = off. The API serves /metrics on PORT. */
    HUBPULSE_METRICS_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(0),
    /** Single sign-on (OpenID Connect): HUBPULSE_OIDC_* and HUBPULSE_SSO_ONLY, one comment each in sso.ts. */
    ...ssoEnv,
  })
  .superRefine((env, ctx) => {
    if (!!env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL !== !!env.HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: [env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL ? 'HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD' : 'HUBPULSE_BOOTSTRAP_ADMIN_EMAIL'],
        message: 'set both HUBPULSE_BOOTSTRAP_ADMIN_EMAIL and HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD, or neither',
      });
    }
    if (env.CLICKHOUSE_CLUSTER && !env.CLICKHOUSE_URL) {
      ctx.addIssue({ code: 'custom', path: ['CLICKHOUSE_CLUSTER'], message: 'needs a ClickHouse server (CLICKHOUSE_URL): embedded chDB is one engine in the data folder, with no cluster' });
    }
    for (const [name, message] of ssoProblems(env)) ctx.addIssue({ code: 'custom', path: [name], message });
  });

export type Env = z.output<typeof envSchema>;
