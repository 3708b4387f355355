import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { hubEvent, RELATIONAL_STORES, spawnApi, spawnWorker, uniqueName, waitFor, type SpawnedApi, type SpawnedWorker } from '@hubpulse/testing';
import { serverEnv, spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

/**
 * Structured logs (issue 16) as an operator reads them from the production build's stdout: an API
 * and a worker on PostgreSQL, ClickHouse over HTTP (the test harness's front) and Redis.
 */
jest.setTimeout(240_000);

const ADMIN = { email: 'admin@logs.local', password: 'correct horse battery staple' };
const KEY = 'hp_wk_logs_key_0123456789abcdef';
const DB = 'hp_logs';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const START_CONTEXTS = ['NestFactory', 'NestApplication', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer'];

type LogRecord = Record<string, unknown> & { level: string; msg: string };
const lines = (p: SpawnedWorker) => p.output().split('\n').filter((l) => l.trim() !== '');
const records = (p: SpawnedWorker) => lines(p).map((l) => JSON.parse(l) as LogRecord);
/** The access line of a request, once written (after the answer). */
const accessLine = (p: SpawnedWorker, requestId: string) => waitFor(async () => records(p).find((r) => r.request_id === requestId && 'status' in r), `the access line of ${requestId}`);

describe('structured logs of the production build (API + worker)', () => {
  let front: ClickHouseFrontProcess;
  let store: { env: Record<string, string>; drop: () => Promise<void> };
  let ch: ClickHouseClient;
  let env: Record<string, string>;
  let api: SpawnedApi;
  let worker: SpawnedWorker;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-logs-'));
  const chFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-logs-ch-'));

  const get = (route: string, headers: Record<string, string> = {}) => fetch(`${api.url}${route}`, { headers });
  const ingest = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    [front, store] = await Promise.all([spawnClickHouseFront(chFolder), RELATIONAL_STORES[1][1]()]);
    ch = createClient({ url: front.url, database: DB });
    env = serverEnv(front, store, { database: DB, dataDir, queuePrefix: `hptest:${uniqueName('logs')}`, admin: ADMIN, writeKey: KEY });
    [api, worker] = await Promise.all([spawnApi(env), spawnWorker(env)]);
  }, 300_000);

  afterAll(async () => {
    // the processes' logs, for a failure's post-mortem
    const logs = path.join(os.tmpdir(), 'hp-logs-logs');
    fs.mkdirSync(logs, { recursive: true });
    if (api) fs.writeFileSync(path.join(logs, 'api.log'), api.output());
    if (worker) fs.writeFileSync(path.join(logs, 'worker.log'), worker.output());
    await Promise.all([api, worker].map((p) => p?.stop('SIGKILL')));
    await ch?.close();
    await front?.stop();
    await store?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(chFolder, { recursive: true, force: true });
  });

  it("starts quietly: Nest's module and route lines are debug, the line saying where it runs is info", () => {
    expect(api.output()).not.toMatch(/Mapped \{/);
    expect(records(api).filter((r) => START_CONTEXTS.includes(String(r.context)))).toEqual([]);
    expect(records(api)).toContainEqual(expect.objectContaining({ level: 'info', app: 'api', msg: expect.stringMatching(/^Hubpulse is running at http:\/\/127\.0\.0\.1:\d+ {2}\(API docs/) }));
  });

  it("keeps a caller's X-Request-Id, answers with it and writes it on the access line, with the user's id (never the email)", async () => {
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: api.url }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await get('/api/auth/me', { Cookie: cookie, 'X-Request-Id': 'abc-123' });
    expect(me.status).toBe(200);
    expect(me.headers.get('x-request-id')).toBe('abc-123');
    const { user } = (await me.json()) as { user: { id: string; email: string } };
    const line = await accessLine(api, 'abc-123');
    expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/api/auth/me', status: 200, duration_ms: expect.any(Number), user_id: user.id, msg: 'GET /api/auth/me 200' });
    expect(JSON.stringify(line)).not.toContain(user.email);
    // the session cookie is never written, nor the one the sign-in set
    expect(api.output()).not.toContain(cookie.split('=')[1]);
  });

  it('gives a request without an id a new one, and replaces one that is too long or not plain', async () => {
    const none = await get('/api/auth/me');
    expect(none.status).toBe(401);
    const generated = none.headers.get('x-request-id')!;
    expect(generated).toMatch(UUID);
    expect(await accessLine(api, generated)).toMatchObject({ route: '/api/auth/me', status: 401 });
    for (const bad of ['bad id; <script>', `long-${'x'.repeat(100)}`]) {
      const res = await get('/api/auth/me', { 'X-Request-Id': bad });
      const given = res.headers.get('x-request-id')!;
      expect(given).toMatch(UUID);
      expect(((await res.json()) as { request_id: string }).request_id).toBe(given);
      await accessLine(api, given);
      expect(api.output()).not.toContain(bad);
    }
  });

  it('never writes a write key (query string or Authorization header) nor what an event carries', async () => {
    const marker = 'payload-marker-7f3a91';
    const beacon = await ingest(`/beacon/v1/batch?writeKey=${KEY}`, { batch: [{ type: 'track', event: 'Comment Added', messageId: 'logs-b1', userId: 'p1', properties: { note: marker } }] }, { 'X-Request-Id': 'logs-beacon' });
    expect(beacon.status).toBe(200);
    const native = await ingest('/v1/events', { events: [hubEvent({ actor_id: 'p2', properties: { note: marker } })] }, { Authorization: `Bearer ${KEY}`, 'X-Request-Id': 'logs-native' });
    expect(native.status).toBe(200);
    const config = await get(`/sourceConfig/?writeKey=${KEY}`, { 'X-Request-Id': 'logs-config' });
    expect(config.status).toBe(200);
    const wrong = await ingest('/v1/events', { events: [hubEvent()] }, { Authorization: 'Bearer hp_wk_not_a_key_but_secret_42', 'X-Request-Id': 'logs-wrong' });
    expect(wrong.status).toBe(401);

    expect(await accessLine(api, 'logs-beacon')).toMatchObject({ method: 'POST', route: '/beacon/v1/batch', status: 200, key_id: expect.any(String) });
    expect(await accessLine(api, 'logs-native')).toMatchObject({ route: '/v1/events', status: 200 });
    expect(await accessLine(api, 'logs-config')).toMatchObject({ method: 'GET', route: '/sourceConfig/', status: 200 });
    expect(await accessLine(api, 'logs-wrong')).toMatchObject({ route: '/v1/events', status: 401 });
    for (const secret of [KEY, 'hp_wk_not_a_key_but_secret_42', marker]) expect(api.output()).not.toContain(secret);
  });

  it('never writes a path a route did not name beyond its first segment (invitation and reset tokens are paths)', async () => {
    const token = 'invite-token-secret-5b21c7e9d04a';
    const page = await get(`/invite/${token}`, { 'X-Request-Id': 'logs-invite-page' });
    expect(page.status).toBeLessThan(500);
    // Refused before any route matched: the body is not JSON.
    const refused = await fetch(`${api.url}/api/invites/${token}/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'logs-invite-bad' }, body: '{not json' });
    expect(refused.status).toBe(400);
    expect(await accessLine(api, 'logs-invite-page')).toMatchObject({ method: 'GET', route: '/invite/…' });
    expect(await accessLine(api, 'logs-invite-bad')).toMatchObject({ method: 'POST', status: 400 });
    expect(api.output()).not.toContain(token);
  });

  it('answers a 5xx with the request id to quote, and logs the error with its stack under that id', async () => {
    const tooManyParts = (n: number) => ch.command({ query: `ALTER TABLE events MODIFY SETTING parts_to_throw_insert = ${n}, parts_to_delay_insert = ${Math.min(n, 1000)}` });
    await tooManyParts(1);
    try {
      const res = await ingest('/v1/events', { events: [hubEvent({ actor_id: 'p3' })] }, { Authorization: `Bearer ${KEY}`, 'X-Request-Id': 'logs-503' });
      expect(res.status).toBe(503);
      expect(res.headers.get('x-request-id')).toBe('logs-503');
      expect(await res.json()).toMatchObject({ statusCode: 503, request_id: 'logs-503' });
    } finally {
      await tooManyParts(3000);
    }
    expect(await accessLine(api, 'logs-503')).toMatchObject({ level: 'error', route: '/v1/events', status: 503 });
    const error = records(api).find((r) => r.request_id === 'logs-503' && r.context === 'Ingest');
    expect(error).toMatchObject({ level: 'error', msg: expect.stringMatching(/^POST \/v1\/events → 503: /), err: { stack: expect.stringMatching(/Too many parts/) } });
  });

  it('HUBPULSE_LOG_LEVEL=warn writes nothing below warn', async () => {
    const quiet = await spawnApi({ ...env, HUBPULSE_LOG_LEVEL: 'warn' });
    try {
      const res = await fetch(`${quiet.url}/api/auth/me`, { headers: { 'X-Request-Id': 'logs-quiet' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-request-id')).toBe('logs-quiet');
    } finally {
      expect(await quiet.stop()).toBe(0);
    }
    expect(records(quiet).filter((r) => !['warn', 'error', 'fatal'].includes(r.level))).toEqual([]);
    expect(quiet.output()).not.toContain('logs-quiet');
  });

  it('the worker writes JSON lines too, its start line at info and Nest\'s at debug', () => {
    expect(records(worker)).toContainEqual(expect.objectContaining({ level: 'info', app: 'worker', context: 'Worker', msg: expect.stringMatching(/^worker started: processing queues /) }));
    expect(records(worker).filter((r) => START_CONTEXTS.includes(String(r.context)))).toEqual([]);
  });

  it('every line either process wrote, shutdown included, is one JSON object with level, time and msg', async () => {
    expect(await api.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);
    for (const p of [api, worker]) {
      const bad = lines(p).filter((l) => {
        try {
          const r = JSON.parse(l) as Record<string, unknown>;
          return typeof r.level !== 'string' || Number.isNaN(Date.parse(String(r.time))) || typeof r.msg !== 'string';
        } catch {
          return true;
        }
      });
      expect(bad).toEqual([]);
      expect(lines(p).length).toBeGreaterThan(3);
    }
  });
});
