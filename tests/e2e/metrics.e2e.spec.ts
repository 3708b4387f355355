import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@hubpulse/queue';
import { freePort, hubEvent, runFullScoreJob, signIn, spawnApi, spawnWorker, uniqueName, waitFor, type SpawnedApi, type SpawnedWorker } from '@hubpulse/testing';
import { spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

jest.setTimeout(240_000);

const TOKEN = 'metrics-e2e-token-0123456789';
const KEY = 'hp_wk_metrics_key_0123456789abcdef';
const ADMIN = { email: 'admin@metrics.local', password: 'correct horse battery staple' };

/** One sample of the text format: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus' text format (what a scraper reads), comments skipped. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

/** The value of one series (0 when it does not exist yet: a counter not yet moved). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const hits = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return hits.reduce((sum, s) => sum + s.value, 0);
}

async function scrape(url: string, token = TOKEN): Promise<Sample[]> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

/** The token check, the same on the API and the worker: 401 naming what is missing or wrong. */
async function expectTokenRequired(url: string): Promise<void> {
  const none = await fetch(url);
  expect(none.status).toBe(401);
  expect(JSON.stringify(await none.json())).toContain('Authorization: missing; send the metrics token (HUBPULSE_METRICS_TOKEN)');
  const wrong = await fetch(url, { headers: { Authorization: 'Bearer not-the-metrics-token-at-all' } });
  expect(wrong.status).toBe(401);
  expect(JSON.stringify(await wrong.json())).toContain('not the metrics token');
}

/**
 * /metrics of the production build (issue 16): the API's counters move by exactly what was sent
 * (good and bad events in two wire formats, refused requests, routes answered, a score job run),
 * labels name no one, the token is required when set; and an external worker serves its own.
 */
describe('Prometheus metrics (production build)', () => {
  describe('API process (embedded engines, inline workers)', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-metrics-'));
    let api: SpawnedApi;
    let metricsUrl: string;
    let cookie: string;

    beforeAll(async () => {
      api = await spawnApi({
        HUBPULSE_DATA_DIR: dataDir,
        HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName('metrics')}`,
        HUBPULSE_BOOTSTRAP_WRITE_KEY: KEY,
        HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        // Ingestion's score nudge waits out the test: the one score job that runs is the test's own.
        HUBPULSE_SCORE_DEBOUNCE_MS: '600000',
        HUBPULSE_METRICS_TOKEN: TOKEN,
      });
      metricsUrl = `${api.url}/metrics`;
      cookie = await signIn(api.url, ADMIN.email, ADMIN.password);
    }, 180_000);

    afterAll(async () => {
      await api?.stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('requires the metrics token when one is set', async () => {
      await expectTokenRequired(metricsUrl);
    });

    it('counts ingestion, HTTP routes, ClickHouse statements and a score job by exactly what happened', async () => {
      // No score job may start between the two scrapes: wait until the start-up ones are done.
      await waitFor(async () => {
        const s = await scrape(metricsUrl);
        return value(s, 'hubpulse_queue_jobs', { queue: 'scores', state: 'waiting' }) + value(s, 'hubpulse_queue_jobs', { queue: 'scores', state: 'active' }) === 0;
      }, 'an idle scores queue', 60_000);
      const before = await scrape(metricsUrl);

      const post = (route: string, body: unknown, auth = `Bearer ${KEY}`) =>
        fetch(`${api.url}${route}`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const native = await post('/v1/events', {
        events: [
          hubEvent({ actor_id: 'p-metrics-1' }),
          hubEvent({ actor_id: 'p-metrics-2' }),
          hubEvent({ actor_id: 'p-metrics-3' }),
          hubEvent({ actor_id: 'p-metrics-4', type: 'teleport' }),
          hubEvent({ actor_id: 'p-metrics-5', occurred_at: 'yesterday' }),
          hubEvent({ actor_id: 'p-metrics-6', properties: { secret_property_name: { nested: true } } }),
        ],
      });
      expect(native.status).toBe(200);
      expect(await native.json()).toMatchObject({ accepted: 3 });
      const segment = await post('/v1/batch', {
        batch: [
          { type: 'track', userId: 'p-metrics-7', event: 'Post Created', messageId: 'metrics-m1', timestamp: '2026-03-02T10:00:00Z' },
          { type: 'track', userId: 'p-metrics-8', event: 'Secret Unmapped Event', messageId: 'metrics-m2', timestamp: '2026-03-02T10:00:00Z' },
          { type: 'track', userId: 'p-metrics-9', event: 'Post Created', timestamp: '2026-03-02T10:00:00Z' },
        ],
      });
      expect(segment.status).toBe(200);
      expect(await segment.json()).toMatchObject({ accepted: 1 });
      expect((await post('/v1/events', '{"events": [')).status).toBe(400); // a body that is not JSON: one refused request
      expect((await post('/v1/events', { events: [hubEvent()] }, 'Bearer hp_wk_no_such_key_0123456789')).status).toBe(401);

      expect((await fetch(`${api.url}/api/segments/no-such-segment`, { headers: { Cookie: cookie } })).status).toBe(404);
      expect((await fetch(`${api.url}/api/segments/no-such-segment`)).status).toBe(401);
      expect((await fetch(`${api.url}/api/health/live`)).status).toBe(200);
      expect((await fetch(`${api.url}/api/health/live`)).status).toBe(200);

      const job = await runFullScoreJob(api.url, cookie, 120_000);
      expect(job.state).toBe('completed');
      // The worker reports a completion just after Redis shows it: scrape until it is in (or time is up).
      const scoreRuns = (s: Sample[]) => value(s, 'hubpulse_job_duration_seconds_count', { queue: 'scores', job: 'scores.recompute', outcome: 'completed' });
      const after = await waitFor(async () => {
        const s = await scrape(metricsUrl);
        return scoreRuns(s) > scoreRuns(before) ? s : undefined;
      }, 'the score job in /metrics', 10_000);
      const moved = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);

      expect(moved('hubpulse_ingest_events_accepted_total', { source: 'native' })).toBe(3);
      expect(moved('hubpulse_ingest_events_accepted_total', { source: 'segment' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'native', reason: 'type' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'native', reason: 'occurred_at' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'native', reason: 'properties' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'segment', reason: 'event' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'segment', reason: 'messageId' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'native', reason: 'request_400' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total', { source: 'native', reason: 'request_401' })).toBe(1);
      expect(moved('hubpulse_ingest_events_rejected_total')).toBe(7);
      // the four stored rows went through the group commit (in one INSERT or two: the requests were sequential)
      expect(moved('hubpulse_ingest_insert_rows_sum')).toBe(4);
      expect(moved('hubpulse_ingest_insert_rows_count')).toBe(2);
      expect(moved('hubpulse_ingest_insert_duration_seconds_count')).toBe(2);
      expect(moved('hubpulse_ingest_insert_failures_total')).toBe(0);
      expect(moved('hubpulse_ingest_backpressure_refusals_total')).toBe(0);
      expect(value(after, 'hubpulse_ingest_queued_rows')).toBe(0);

      const http = (method: string, route: string, status_class: string) => moved('hubpulse_http_request_duration_seconds_count', { method, route, status_class });
      expect(http('POST', '/v1/events', '2xx')).toBe(1);
      expect(http('POST', '/v1/events', '4xx')).toBe(2);
      expect(http('POST', '/v1/batch', '2xx')).toBe(1);
      expect(http('GET', '/api/segments/:id', '4xx')).toBe(2);
      expect(http('GET', '/api/health/live', '2xx')).toBe(2);
      expect(http('POST', '/api/engagement/jobs', '2xx')).toBe(1);
      expect(http('GET', '/metrics', '2xx')).toBeGreaterThanOrEqual(1);

      expect(moved('hubpulse_job_duration_seconds_count', { queue: 'scores', job: 'scores.recompute', outcome: 'completed' })).toBe(1);
      expect(moved('hubpulse_job_failures_total', { queue: 'scores' })).toBe(0);
      expect(moved('hubpulse_clickhouse_query_duration_seconds_count', { purpose: 'events.insert' })).toBe(2);
      // the score run's statements, by the table each writes
      expect(moved('hubpulse_clickhouse_query_duration_seconds_count', { purpose: 'score_days.insert' })).toBeGreaterThan(0);
      expect(moved('hubpulse_clickhouse_query_duration_seconds_count', { purpose: 'engagement_scores.alter' })).toBeGreaterThan(0);
      expect(moved('hubpulse_clickhouse_query_errors_total')).toBe(0);
      for (const queue of Object.values(QueueName)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(after.some((s) => s.name === 'hubpulse_queue_jobs' && s.labels.queue === queue && s.labels.state === state)).toBe(true);
      }
      expect(value(after, 'hubpulse_build_info', { version: '0.1.0' })).toBe(1);
      expect(value(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(value(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

      // No label names a person, an event, a key or anything a client sent.
      const labelValues = after.flatMap((s) => Object.values(s.labels)).join('\n');
      for (const sent of ['p-metrics', 'metrics-m', 'teleport', 'yesterday', 'secret_property_name', 'Secret Unmapped Event', 'no-such-segment', KEY.slice(0, 12)]) expect(labelValues).not.toContain(sent);
    });
  });

  describe('external worker process', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-metrics-worker-'));
    const chFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-metrics-ch-'));
    const prefix = `hptest:${uniqueName('metricsw')}`;
    let front: ClickHouseFrontProcess;
    let worker: SpawnedWorker;
    let queue: Queue;
    let url: string;

    beforeAll(async () => {
      front = await spawnClickHouseFront(chFolder);
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      worker = await spawnWorker({
        CLICKHOUSE_URL: front.url,
        CLICKHOUSE_DATABASE: uniqueName('metricsw'),
        HUBPULSE_DATA_DIR: dataDir,
        HUBPULSE_QUEUE_PREFIX: prefix,
        HUBPULSE_WORKERS: 'external',
        HOST: '127.0.0.1',
        HUBPULSE_METRICS_PORT: String(port),
        HUBPULSE_METRICS_TOKEN: TOKEN,
      });
      queue = new Queue(QueueName.Scores, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    }, 180_000);

    afterAll(async () => {
      await queue?.close();
      await worker?.stop('SIGKILL');
      await front?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(chFolder, { recursive: true, force: true });
    });

    it('serves liveness and, with the token, its job, ClickHouse and process metrics', async () => {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/nothing-here`)).status).toBe(404);
      await expectTokenRequired(`${url}/metrics`);

      const job = await queue.add(JobName.ScoresRecompute, { reason: 'manual', kind: 'full' });
      await waitFor(async () => ['completed', 'failed'].includes(await job.getState()), 'the score job', 120_000);
      expect(await job.getState()).toBe('completed');
      // Every completed score job of this queue (the schedule's first run too) ran in this one worker.
      const runs = (x: Sample[]) => value(x, 'hubpulse_job_duration_seconds_count', { queue: 'scores', job: 'scores.recompute', outcome: 'completed' });
      const s = await waitFor(async () => {
        const [x, { completed }] = await Promise.all([scrape(`${url}/metrics`), queue.getJobCounts('completed')]);
        return completed >= 1 && runs(x) === completed ? x : undefined;
      }, 'as many completed score runs in /metrics as in Redis', 10_000);
      expect(value(s, 'hubpulse_job_failures_total')).toBe(0);
      expect(value(s, 'hubpulse_clickhouse_query_duration_seconds_count')).toBeGreaterThan(0);
      expect(value(s, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(value(s, 'hubpulse_build_info')).toBe(1);
      // queue depths are the API's to report (the same from every process)
      expect(s.some((x) => x.name === 'hubpulse_queue_jobs')).toBe(false);
    });
  });
});
