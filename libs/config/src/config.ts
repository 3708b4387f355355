import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_REDIS_URL, envSchema, type LogLevel } from './config.schema';
import { ssoConfig, type SsoConfig } from './sso';

export type ClickHouseConfig =
  | { mode: 'embedded'; path: string; database: string }
  | { mode: 'server'; url: string; username: string; password: string; database: string; cluster?: string };

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface HubpulseConfig {
  port: number;
  host: string;
  /** HUBPULSE_LOG_LEVEL. */
  logLevel: LogLevel;
  dataDir: string;
  clickhouse: ClickHouseConfig;
  database: DatabaseConfig;
  redis: { url: string; isDefault: boolean; prefix: string };
  workers: 'inline' | 'external';
  /** Why workers run where they do, when the choice was forced. */
  workersNote?: string;
  bootstrap: { adminEmail?: string; adminPassword?: string; writeKey?: string };
  demo: boolean;
  /** Days of activity the demo organisation is seeded with. */
  demoDays: number;
  minGroupSize: number;
  maxBodyBytes: number;
  /** Events waiting for ClickHouse in one API process at most (HUBPULSE_INGEST_MAX_QUEUED_ROWS). */
  ingestMaxQueuedRows: number;
  /**
   * The API's read cache (ReadCache): answers kept at most (HUBPULSE_READ_CACHE_ENTRIES, 0 = off) and
   * for how long after the data changed an answer may still be served while it is recomputed in the
   * background (HUBPULSE_READ_MAX_STALE_SECONDS, 0 = never: every answer is of the newest data), and
   * how often the dashboard's default reads are done in the background (HUBPULSE_WARM_READS_MINUTES, 0 = never).
   */
  readCache: { entries: number; maxStaleMs: number; warmEveryMs: number };
  /** Threads deciding the pattern views' weeks (HUBPULSE_RELEASE_THREADS, default the cores but one, 1 to 4). */
  releaseThreads: number;
  maxEventBytes: number;
  rateLimitEvents: number;
  scores: { everyMinutes: number; debounceMs: number };
  sessionHours: number;
  secureCookies: boolean;
  /** Base of the links sent to people: HUBPULSE_PUBLIC_URL, else the listen address (no trailing slash). */
  linkBaseUrl: string;
  inviteTtlHours: number;
  /** Days an export's file stays downloadable (HUBPULSE_EXPORT_RETENTION_DAYS). */
  exportRetentionDays: number;
  mail: { smtpUrl?: string; from: string };
  /** Chromium for scheduled reports' PDFs (HUBPULSE_CHROMIUM_PATH, else /usr/bin/chromium when present); null = PDFs skipped. */
  chromiumPath: string | null;
  /** Hosts webhooks may post to (HUBPULSE_WEBHOOK_HOSTS): names and `*.` wildcards; see webhookRefusal. */
  webhookHosts: readonly string[];
  /** Seconds between due-schedule checks (HUBPULSE_SCHEDULE_TICK_SECONDS); 0 = none. */
  scheduleTickSeconds: number;
  /** Express's `trust proxy` value. */
  trustProxy: boolean | number | string;
  publicUrl?: string;
  signIn: { accountFailures: number; accountWindowSeconds: number; lockBaseSeconds: number; lockMaxSeconds: number; addressFailures: number };
  /** Prometheus metrics: the scrape token (HUBPULSE_METRICS_TOKEN) and the worker's metrics port (HUBPULSE_METRICS_PORT, 0 = off). */
  metrics: { token?: string; port: number };
  /** OpenID Connect sign-in; null = off. */
  sso: SsoConfig | null;
  /** Password sign-in refused except for the bootstrap admin (HUBPULSE_SSO_ONLY). */
  ssoOnly: boolean;
}

/** HUBPULSE_TRUST_PROXY as Express takes it: a boolean, a hop count or the addresses/subnets as given. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): HubpulseConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        const value = name && env[name] !== undefined ? ` (got "${env[name]}")` : '';
        return `${name}: ${i.message}${name.includes('PASSWORD') || name.includes('KEY') || name.includes('SMTP') || name.includes('SECRET') || name.includes('TOKEN') ? '' : value}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.HUBPULSE_DATA_DIR);
  const clickhouse: ClickHouseConfig = e.CLICKHOUSE_URL
    ? { mode: 'server', url: e.CLICKHOUSE_URL, username: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD, database: e.CLICKHOUSE_DATABASE, ...(e.CLICKHOUSE_CLUSTER ? { cluster: e.CLICKHOUSE_CLUSTER } : {}) }
    : { mode: 'embedded', path: path.join(dataDir, 'clickhouse'), database: e.CLICKHOUSE_DATABASE };
  let workers = e.HUBPULSE_WORKERS;
  let workersNote: string | undefined;
  if (clickhouse.mode === 'embedded' && workers === 'external') {
    // chDB allows one process per data folder, so the processors must share the API's.
    workers = 'inline';
    workersNote = 'HUBPULSE_WORKERS=external ignored: embedded ClickHouse (no CLICKHOUSE_URL) needs inline workers';
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.HUBPULSE_LOG_LEVEL,
    dataDir,
    clickhouse,
    database: e.DATABASE_URL ? { type: 'postgres', url: e.DATABASE_URL } : { type: 'sqlite', path: path.join(dataDir, 'hubpulse.sqlite') },
    redis: { url: e.REDIS_URL, isDefault: e.REDIS_URL === DEFAULT_REDIS_URL, prefix: e.HUBPULSE_QUEUE_PREFIX },
    workers,
    workersNote,
    bootstrap: {
      adminEmail: e.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL,
      adminPassword: e.HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD,
      writeKey: e.HUBPULSE_BOOTSTRAP_WRITE_KEY,
    },
    demo: e.HUBPULSE_DEMO,
    demoDays: e.HUBPULSE_DEMO_DAYS,
    minGroupSize: e.HUBPULSE_MIN_GROUP_SIZE,
    maxBodyBytes: e.HUBPULSE_MAX_BODY_BYTES,
    ingestMaxQueuedRows: e.HUBPULSE_INGEST_MAX_QUEUED_ROWS,
    readCache: { entries: e.HUBPULSE_READ_CACHE_ENTRIES, maxStaleMs: e.HUBPULSE_READ_MAX_STALE_SECONDS * 1000, warmEveryMs: (e.HUBPULSE_WARM_READS_MINUTES ?? e.HUBPULSE_WARM_PATTERNS_MINUTES ?? 1) * 60_000 },
    releaseThreads: e.HUBPULSE_RELEASE_THREADS ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    maxEventBytes: e.HUBPULSE_MAX_EVENT_BYTES,
    rateLimitEvents: e.HUBPULSE_RATE_LIMIT_EVENTS,
    scores: { everyMinutes: e.HUBPULSE_SCORE_EVERY_MINUTES, debounceMs: e.HUBPULSE_SCORE_DEBOUNCE_MS },
    sessionHours: e.HUBPULSE_SESSION_HOURS,
    secureCookies: e.HUBPULSE_SECURE_COOKIES,
    linkBaseUrl: (e.HUBPULSE_PUBLIC_URL ?? `http://${['0.0.0.0', '::'].includes(e.HOST) ? 'localhost' : e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    inviteTtlHours: e.HUBPULSE_INVITE_TTL_HOURS,
    exportRetentionDays: e.HUBPULSE_EXPORT_RETENTION_DAYS,
    mail: { smtpUrl: e.HUBPULSE_SMTP_URL, from: e.HUBPULSE_MAIL_FROM },
    chromiumPath: e.HUBPULSE_CHROMIUM_PATH ?? (fs.existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null),
    scheduleTickSeconds: e.HUBPULSE_SCHEDULE_TICK_SECONDS,
    webhookHosts: e.HUBPULSE_WEBHOOK_HOSTS,
    trustProxy: trustProxy(e.HUBPULSE_TRUST_PROXY),
    publicUrl: e.HUBPULSE_PUBLIC_URL,
    signIn: {
      accountFailures: e.HUBPULSE_SIGNIN_ACCOUNT_FAILURES,
      accountWindowSeconds: e.HUBPULSE_SIGNIN_ACCOUNT_WINDOW_SECONDS,
      lockBaseSeconds: e.HUBPULSE_SIGNIN_LOCK_SECONDS,
      lockMaxSeconds: e.HUBPULSE_SIGNIN_LOCK_MAX_SECONDS,
      addressFailures: e.HUBPULSE_SIGNIN_ADDRESS_FAILURES,
    },
    metrics: { token: e.HUBPULSE_METRICS_TOKEN, port: e.HUBPULSE_METRICS_PORT },
    sso: ssoConfig(e),
    ssoOnly: e.HUBPULSE_SSO_ONLY,
  };
}
