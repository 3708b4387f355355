import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { closeClickHouse, migrateClickHouse, openClickHouse, CLICKHOUSE_MIGRATIONS } from '@hubpulse/clickhouse';
import type { ClickHouseConfig } from '@hubpulse/config';
import { spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

/**
 * The product's ClickHouse server path (`CLICKHOUSE_URL`: @clickhouse/client over HTTP) against the
 * test harness's HTTP front over chDB (tests/support/clickhouse-http-front.ts) in its own process.
 * First what the front must get right for the client (parameters, inserts, compression, errors,
 * settings per request), then the product on an empty server: the database created, the migrations.
 */
describe('ClickHouse server path (HTTP front over chDB)', () => {
  let front: ClickHouseFrontProcess;
  let folder: string;
  let raw: ClickHouseClient;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-chfront-'));
    front = await spawnClickHouseFront(folder);
    raw = createClient({ url: front.url, compression: { request: true, response: true } });
  }, 90_000);

  afterAll(async () => {
    await raw?.close();
    await front?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const rows = async <T>(client: ClickHouseClient, query: string, query_params?: Record<string, unknown>) =>
    (await client.query({ query, query_params, format: 'JSONEachRow' })).json<T>();

  it('answers ping and binds parameters by type as the server does, strings with any character unchanged', async () => {
    expect(await raw.ping()).toEqual({ success: true });
    const tricky = `tab\there, newline\nthere, quote ' backslash \\ brace {x:String} unicode ü €`;
    const [r] = await rows<{ s: string; a: string[]; d: string; n: string | null; u: string }>(
      raw,
      'SELECT {s:String} AS s, {a:Array(String)} AS a, {d:DateTime64(3)} AS d, {n:Nullable(String)} AS n, toString({u:UInt64}) AS u',
      { s: tricky, a: [tricky, "it's"], d: '2024-02-29 23:59:59.999', n: null, u: '18446744073709551615' },
    );
    expect(r).toEqual({ s: tricky, a: [tricky, "it's"], d: '2024-02-29 23:59:59.999', n: null, u: '18446744073709551615' });
  });

  it('sends parameters too long for the URL as multipart and still binds them', async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `person-${i}-${'x'.repeat(20)}`);
    const multipart = createClient({ url: front.url, use_multipart_params: true });
    try {
      const [r] = await rows<{ n: string; last: string }>(multipart, 'SELECT length({ids:Array(String)}) AS n, {ids:Array(String)}[-1] AS last', { ids });
      expect({ n: Number(r.n), last: r.last }).toEqual({ n: 3000, last: ids[2999] });
    } finally {
      await multipart.close();
    }
  });

  it('stores a gzip-compressed insert, and refuses a parameter the query names but the request lacks', async () => {
    await raw.command({ query: 'CREATE TABLE IF NOT EXISTS default.t (id String, at DateTime64(3, \'UTC\')) ENGINE = MergeTree ORDER BY id' });
    const values = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, at: '2026-01-01T00:00:00.000Z' }));
    await raw.insert({ table: 'default.t', values, format: 'JSONEachRow', clickhouse_settings: { date_time_input_format: 'best_effort' } });
    expect(Number((await rows<{ n: number | string }>(raw, 'SELECT count() AS n FROM default.t'))[0].n)).toBe(5000);
    // the session behind the front keeps earlier parameters: a missing one must still fail
    await rows(raw, 'SELECT {only_here:String} AS v', { only_here: 'x' });
    await expect(rows(raw, 'SELECT {only_here:String} AS v')).rejects.toMatchObject({ code: '456', type: 'UNKNOWN_QUERY_PARAMETER' });
  });

  it('gives each request only its own settings', async () => {
    const setting = async (settings?: Record<string, string>) =>
      (await (await raw.query({ query: "SELECT getSetting('max_partitions_per_insert_block') AS v", format: 'JSONEachRow', clickhouse_settings: settings as never })).json<{ v: string }>())[0].v;
    expect(String(await setting())).toBe('100');
    expect(String(await setting({ max_partitions_per_insert_block: '1000' }))).toBe('1000');
    expect(String(await setting())).toBe('100');
  });

  it('reports engine errors as the server does: status, code and type parsed by the client', async () => {
    await expect(raw.query({ query: 'SELECT * FROM default.nowhere' })).rejects.toMatchObject({ code: '60', type: 'UNKNOWN_TABLE' });
    await expect(raw.command({ query: 'SELEC 1' })).rejects.toMatchObject({ code: '62', type: 'SYNTAX_ERROR' });
    const res = await fetch(`${front.url}/?database=nowhere`, { method: 'POST', body: 'SELECT 1' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-clickhouse-exception-code')).toBe('81');
    expect(await res.text()).toMatch(/^Code: 81\. DB::Exception: .*\(UNKNOWN_DATABASE\)/);
    // a gzip body that is not gzip
    const bad = await fetch(`${front.url}/`, { method: 'POST', body: 'SELECT 1', headers: { 'Content-Encoding': 'gzip' } });
    expect(bad.status).toBe(400);
    const good = await fetch(`${front.url}/`, { method: 'POST', body: zlib.gzipSync('SELECT 41 + 1'), headers: { 'Content-Encoding': 'gzip' } });
    expect(await good.text()).toBe('42\n');
  });

  it('the product starts on an empty server: it creates its database first (a client naming it is refused before), then migrates once', async () => {
    const cfg: ClickHouseConfig = { mode: 'server', url: front.url, username: 'default', password: '', database: 'hubpulse_fresh' };
    // what the product did before: a client naming a database the server lacks cannot even create it
    const naive = createClient({ url: front.url, database: cfg.database });
    await expect(naive.command({ query: `CREATE DATABASE IF NOT EXISTS ${cfg.database}` })).rejects.toMatchObject({ type: 'UNKNOWN_DATABASE' });
    await naive.close();

    const client = await openClickHouse(cfg);
    try {
      const ran = await migrateClickHouse(client, cfg.database);
      expect(ran).toEqual(CLICKHOUSE_MIGRATIONS.map((m) => m.name));
      expect(await migrateClickHouse(client, cfg.database)).toEqual([]);
      const tables = await rows<{ name: string }>(client, 'SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name', { db: cfg.database });
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['events', 'people', 'content', 'schema_migrations']));
    } finally {
      await closeClickHouse(client, cfg);
    }
  });
});
