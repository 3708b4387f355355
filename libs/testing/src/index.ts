import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, type HubpulseConfig } from '@hubpulse/config';

export const TEST_POSTGRES_URL = process.env.HUBPULSE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A short unique name for a suite's ClickHouse database, Postgres schema and Redis prefix. */
export const uniqueName = (prefix = 't') => `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/**
 * The data folder of this Jest worker: chDB allows one open folder per process, so every suite
 * in a worker shares it and isolates itself by database name instead.
 */
export function workerDataDir(): string {
  const dir = path.join(os.tmpdir(), 'hubpulse-test', `w${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A validated config for an in-process test app: own ClickHouse database, SQLite file and queue prefix. */
export function testConfig(env: Record<string, string> = {}): HubpulseConfig {
  const name = uniqueName();
  const dataDir = workerDataDir();
  const config = loadConfig({
    HUBPULSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: name,
    HUBPULSE_QUEUE_PREFIX: `hptest:${name}`,
    HUBPULSE_SCORE_DEBOUNCE_MS: '200',
    // A test reads its own writes at once; the product's default lets the read cache answer up to 15 s
    // behind the data (tests/e2e/read-cache.e2e.spec.ts tests that).
    HUBPULSE_READ_MAX_STALE_SECONDS: '0',
    // No background pattern reads racing a test's own (tests/e2e/pattern-warmup.e2e.spec.ts tests them).
    HUBPULSE_WARM_READS_MINUTES: '0',
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery',
    HUBPULSE_BOOTSTRAP_WRITE_KEY: `hp_wk_test_${name}_0123456789`,
    ...env,
  });
  if (config.database.type === 'sqlite') config.database = { type: 'sqlite', path: path.join(dataDir, `${name}.sqlite`) };
  return config;
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function waitFor<T>(check: () => Promise<T>, what: string, timeoutMs = 30_000, everyMs = 200): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A valid hub event with overridable fields. */
export function hubEvent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event_id: `e-${randomBytes(6).toString('hex')}`,
    type: 'view',
    actor_id: 'p1',
    occurred_at: '2026-03-02T10:00:00Z',
    channel: 'blog',
    purpose: 'inform',
    content_id: 'c1',
    ...over,
  };
}

export { freePort, REPO_ROOT, spawnApi, spawnWorker, type SpawnedApi, type SpawnedWorker } from './spawn-api';
export { signIn } from './sign-in';
export { runFullScoreJob } from './score-job';
export * from './relational-store';
export * from './smtp-catcher';
export * from './webhook-catcher';
