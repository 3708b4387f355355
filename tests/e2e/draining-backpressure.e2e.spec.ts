import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { hubEvent, spawnApi, uniqueName, waitFor, type SpawnedApi } from '@hubpulse/testing';
import { spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

/**
 * Two operations of issue 16 on the production build, with ClickHouse made slow by the test front's
 * knob (tests/support/clickhouse-http-front.ts, /harness/insert-delay: INSERTs held before they run):
 * an API process stopping with an ingestion batch in flight, and ingestion refused with Retry-After
 * while more events wait for ClickHouse than HUBPULSE_INGEST_MAX_QUEUED_ROWS.
 */
jest.setTimeout(180_000);

const KEY = 'hp_wk_operations_key_0123456789abcdef';

describe('operations: draining on SIGTERM and backpressure when ClickHouse is slow', () => {
  let front: ClickHouseFrontProcess;
  let ch: ClickHouseClient;
  const chFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-ops-ch-'));
  const dataDirs: string[] = [];
  const apis: SpawnedApi[] = [];

  /** An API process of its own (SQLite in its data folder, its own ClickHouse database), jobs left queued. */
  const startApi = async (database: string, extra: Record<string, string> = {}) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-ops-'));
    dataDirs.push(dataDir);
    const api = await spawnApi({
      CLICKHOUSE_URL: front.url,
      CLICKHOUSE_DATABASE: database,
      HUBPULSE_DATA_DIR: dataDir,
      HUBPULSE_WORKERS: 'external',
      HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName('ops')}`,
      HUBPULSE_BOOTSTRAP_WRITE_KEY: KEY,
      ...extra,
    });
    apis.push(api);
    return api;
  };
  const insertDelay = async (ms?: number) =>
    (await (await fetch(`${front.url}/harness/insert-delay${ms === undefined ? '' : `?ms=${ms}`}`, { method: ms === undefined ? 'GET' : 'POST' })).json()) as { ms: number; waiting: number };
  const post = (api: SpawnedApi, events: unknown[]) =>
    fetch(`${api.url}/v1/events`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });
  const stored = async (database: string) => {
    const [r] = await (await ch.query({ query: `SELECT count() AS n, uniqExact(event_id) AS u FROM ${database}.events`, format: 'JSONEachRow' })).json<{ n: string; u: string }>();
    return { rows: Number(r.n), events: Number(r.u) };
  };

  beforeAll(async () => {
    front = await spawnClickHouseFront(chFolder);
    ch = createClient({ url: front.url });
  }, 90_000);

  afterEach(async () => {
    await insertDelay(0);
  });

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop('SIGKILL')));
    await ch?.close();
    await front?.stop();
    for (const dir of [chFolder, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps an idle kept-alive connection open past Node's 5 s default: a request sent on it after a pause (or an event-loop stall) is not reset", async () => {
    const api = await startApi('hp_ops_keepalive');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${api.url}/api/health/live`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect(await get()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 6_500));
      // with the 5 s default the server had closed it, and the agent would open a new one
      expect(await get()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('SIGTERM with a batch in flight: ready answers 503 draining, live stays 200, the batch is stored and acknowledged, exit 0', async () => {
    const api = await startApi('hp_ops_drain');
    await insertDelay(4000);
    const events = Array.from({ length: 300 }, (_, i) => hubEvent({ event_id: `d-${i}` }));
    const inFlight = post(api, events).then(async (r) => ({ status: r.status, body: await r.json() }));
    await waitFor(async () => (await insertDelay()).waiting === 1, 'the batch INSERT held by the slow ClickHouse', 10_000, 20);

    const exit = api.stop('SIGTERM');
    await waitFor(async () => api.output().includes('SIGTERM: finishing in-flight work'), 'the API to take the signal', 5_000, 20);
    const ready = await fetch(`${api.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });
    const live = await fetch(`${api.url}/api/health/live`);
    expect(live.status).toBe(200);
    // all of that while the batch was still held: the process answered it during its stop
    expect((await insertDelay()).waiting).toBe(1);

    expect(await inFlight).toEqual({ status: 200, body: { accepted: 300, rejected: [] } });
    expect(await exit).toBe(0);
    expect(await stored('hp_ops_drain')).toEqual({ rows: 300, events: 300 });
  });

  it('ClickHouse slow: 503 + Retry-After: 1 naming the backlog past HUBPULSE_INGEST_MAX_QUEUED_ROWS; the retries succeed after it, each event stored once', async () => {
    const api = await startApi('hp_ops_backpressure', { HUBPULSE_INGEST_MAX_QUEUED_ROWS: '1000' });
    await insertDelay(1500);
    const refusals: { retryAfter: string | null; message: string }[] = [];
    const acked: number[] = [];
    // 20 senders of 300 events each, retrying as an SDK does: after Retry-After, only on 503
    const send = async (b: number) => {
      const events = Array.from({ length: 300 }, (_, i) => hubEvent({ event_id: `b-${b}-${i}` }));
      for (let attempt = 0; attempt < 60; attempt++) {
        const res = await post(api, events);
        if (res.status === 200) {
          expect(await res.json()).toEqual({ accepted: 300, rejected: [] });
          acked.push(b);
          return;
        }
        expect(res.status).toBe(503);
        const retryAfter = res.headers.get('retry-after');
        refusals.push({ retryAfter, message: ((await res.json()) as { message: string }).message });
        await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000));
      }
      throw new Error(`batch ${b} was refused 60 times`);
    };
    const senders = Array.from({ length: 20 }, (_, b) => send(b));
    await waitFor(async () => refusals.length > 0, 'a refusal while ClickHouse is slow', 20_000, 20);
    await new Promise((r) => setTimeout(r, 2000));
    await insertDelay(0); // the slowdown ends
    await Promise.all(senders);

    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) {
      expect(r.retryAfter).toBe('1');
      expect(r.message).toMatch(/^ClickHouse is behind \(\d+ events waiting in this process\); nothing was stored, retry later$/);
    }
    expect(acked.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, b) => b));
    // refused requests stored nothing: 6000 rows, no duplicate row even before merges
    expect(await stored('hp_ops_backpressure')).toEqual({ rows: 6000, events: 6000 });
    expect(await api.stop('SIGTERM')).toBe(0);
  });
});
