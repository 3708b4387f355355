import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueEvents, type Queue } from 'bullmq';
import request from 'supertest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, PersonEntity } from '@hubpulse/database';
import { QueueName, type ImportFormat, type ImportKind, type ImportProgress } from '@hubpulse/queue';
import { hubEvent, testConfig } from '@hubpulse/testing';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ImportsService, MAX_IMPORT_BYTES } from '../../apps/api/src/imports/imports.service';
import { CsvParser, type CsvRecord } from '@hubpulse/ingestion';
import { IMPORT_CHUNK_ROWS } from '../../apps/worker/src/imports/import-run.service';
import { ImportCliError, signIn, uploadFile, waitForImport, type ImportView } from '../../tools/import-file';

/**
 * Bulk import end to end: the API in process with inline workers on real engines (chDB, SQLite,
 * Redis), files uploaded over real HTTP by the command-line importer's own functions, then what a
 * user sees: the import's summary, its error report and the stored rows.
 */
describe('Bulk import (chDB + SQLite + Redis, inline workers)', () => {
  const config = testConfig();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-imports-'));
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let url: string;
  let admin: string;
  let ch: ClickHouseService;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = app.getHttpServer();
    ch = app.get(ClickHouseService);
    admin = await signIn(url, 'admin@test.local', 'correct horse battery');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let fileNo = 0;
  /** Writes `content` to a file and runs it through the importer: upload, then wait until done. */
  async function importFile(content: string | Buffer, kind: ImportKind, format: ImportFormat, ext: string = format): Promise<ImportView> {
    const file = path.join(tmp, `f${++fileNo}.${ext}`);
    fs.writeFileSync(file, content);
    const queued = await uploadFile({ url, cookie: admin, kind, format, file });
    expect(queued).toMatchObject({ kind, format, status: 'queued', filename: path.basename(file).replace(/\.gz$/, '') });
    return waitForImport({ url, cookie: admin, id: queued.id, everyMs: 100 });
  }

  /** The error report, parsed: [line, errors] per rejected row, after checking its header. */
  const errorReport = async (id: string): Promise<[number, string][]> => {
    const res = await request(http).get(`/api/imports/${id}/errors`).set('Cookie', admin).expect(200).expect('Content-Type', /text\/csv/);
    const records: CsvRecord[] = [];
    const parser = new CsvParser();
    parser.push(res.text, records);
    parser.end(records);
    expect(records[0].cells).toEqual(['line', 'errors']);
    return records.slice(1).map((r) => [Number(r.cells[0]), r.cells[1]]);
  };

  const count = async (where: string, params: Record<string, unknown> = {}) => {
    const [r] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.events} FINAL WHERE ${where}`, params);
    return Number(r.n);
  };

  const ndjson = [
    JSON.stringify(hubEvent({ event_id: 'nd-1', actor_id: 'nd-actor' })),
    JSON.stringify({ type: 'comment', actor_id: 'nd-actor', occurred_at: '2026-03-02T11:00:00Z', channel: 'qa', properties: { words: 5 } }), // no event_id
    '{"type": "view", "actor_id": ',
    '',
    JSON.stringify(hubEvent({ event_id: 'nd-4', actor_id: 'nd-actor', type: 'like' })),
    JSON.stringify(hubEvent({ event_id: 'nd-5', actor_id: 5, occurred_at: 'yesterday' })),
    JSON.stringify(hubEvent({ event_id: 'nd-6', actor_id: 'nd-actor', colour: 'red' })),
    '[1, 2]',
  ].join('\n');

  it('imports NDJSON events, stores the good lines and reports the bad ones by line and field', async () => {
    const done = await importFile(ndjson, 'events', 'ndjson');
    expect(done.status).toBe('done');
    expect(done.error).toBeNull();
    expect(done.progress).toEqual({ bytes: Buffer.byteLength(ndjson), total: Buffer.byteLength(ndjson), rows: 7, accepted: 2, rejected: 5 });
    expect(done.errors_url).toBe(`/api/imports/${done.id}/errors`);
    // the upload is gone once imported; its summary and error report stay
    expect(fs.readdirSync(path.join(config.dataDir, 'imports', done.id)).sort()).toEqual(['errors.csv', 'meta.json']);

    expect(await errorReport(done.id)).toEqual([
      [3, expect.stringMatching(/^line: not valid JSON \(/)],
      [5, expect.stringMatching(/^type: must be one of view, react/)],
      [6, 'actor_id: must be a string; occurred_at: must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z'],
      [7, 'unknown field(s) colour'],
      [8, 'line: must be a JSON object'],
    ]);

    expect(await count("actor_id = 'nd-actor'")).toBe(2);
    const [derived] = await ch.rows<{ event_id: string; source: string; key_id: string; properties: string }>(
      `SELECT event_id, source, key_id, properties FROM ${ch.tables.events} FINAL WHERE actor_id = 'nd-actor' AND type = 'comment'`,
    );
    expect(derived).toEqual({ event_id: expect.stringMatching(/^imp-[0-9a-f]{40}$/), source: 'import', key_id: `import:${done.id}`, properties: '{"words":5}' });
  });

  it('counts a re-imported file once, including events whose ids were derived', async () => {
    const before = await count("actor_id = 'nd-actor'");
    const again = await importFile(ndjson, 'events', 'ndjson');
    expect(again.progress).toMatchObject({ rows: 7, accepted: 2, rejected: 5 });
    expect(await count("actor_id = 'nd-actor'")).toBe(before);
    expect(before).toBe(2);
  });

  it('takes a gzip-encoded upload', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify(hubEvent({ event_id: `gz-${i}`, actor_id: 'gz-actor' }))).join('\n') + '\n';
    const done = await importFile(gzipSync(lines), 'events', 'ndjson', 'ndjson.gz');
    expect(done).toMatchObject({ status: 'done', size: Buffer.byteLength(lines), progress: { rows: 50, accepted: 50, rejected: 0 } });
    expect(await count("actor_id = 'gz-actor'")).toBe(50);
  });

  it('imports CSV events with quoted commas, line breaks and quotes, properties.<name> columns and empty cells', async () => {
    const csv = [
      'event_id,type,actor_id,occurred_at,channel,purpose,content_id,properties.title,properties.words',
      'csv-1,comment,csv-actor,2026-03-02T09:00:00Z,blog,engagement,c1,"Hello, world",12',
      'csv-2,comment,csv-actor,2026-03-02T09:05:00Z,blog,,c1,"first line',
      'second line, with ""quotes""",',
      'csv-3,like,csv-actor,2026-03-02T09:10:00Z,blog,,c1,,',
      'csv-4,view,csv-actor,2026-03-02T09:15:00Z,blog,inform',
      ',view,csv-actor,2026-03-02T09:20:00Z,microblog,,,"x,y",3',
    ].join('\r\n');
    const done = await importFile(csv, 'events', 'csv');
    expect(done.progress).toMatchObject({ rows: 5, accepted: 3, rejected: 2 });
    // line numbers count the line break inside csv-2's quoted field
    expect(await errorReport(done.id)).toEqual([
      [5, expect.stringMatching(/^type: must be one of/)],
      [6, 'line: has 6 field(s), the header has 9'],
    ]);

    const rows = await ch.rows<{ event_id: string; purpose: string; properties: string }>(
      `SELECT event_id, purpose, properties FROM ${ch.tables.events} FINAL WHERE actor_id = 'csv-actor' ORDER BY occurred_at`,
    );
    expect(rows.map((r) => ({ ...r, properties: JSON.parse(r.properties) as unknown }))).toEqual([
      { event_id: 'csv-1', purpose: 'engagement', properties: { title: 'Hello, world', words: 12 } },
      { event_id: 'csv-2', purpose: '', properties: { title: 'first line\r\nsecond line, with "quotes"' } },
      { event_id: expect.stringMatching(/^imp-/), purpose: '', properties: { title: 'x,y', words: 3 } },
    ]);
  });

  it('upserts people from CSV into the directory and its ClickHouse copy', async () => {
    const people = (name: string) =>
      [
        'person_id,name,email,department,is_leader,hired_at,attributes.level',
        `imp-p1,${name},ann@corp.example,Sales,1,2020-01-15,3`,
        'imp-p2,"Bo, Jr.",,Sales,false,,',
        'imp-p3,Cy,not-an-email,Legal,0,,',
        'imp-p4,Di,,Legal,maybe,,',
      ].join('\n');
    const first = await importFile(people('Ann'), 'people', 'csv');
    expect(first.progress).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(await errorReport(first.id)).toEqual([
      [4, expect.stringMatching(/^email: /)],
      [5, 'is_leader: must be true, false, 1 or 0'],
    ]);

    const second = await importFile(people('Ann B.'), 'people', 'csv');
    expect(second.progress).toMatchObject({ accepted: 2, rejected: 2 });
    const ds = app.get<DataSource>(DATA_SOURCE);
    const stored = await ds.getRepository(PersonEntity).find({ where: [{ personId: 'imp-p1' }, { personId: 'imp-p2' }], order: { personId: 'ASC' } });
    expect(stored.map((p) => [p.personId, p.name, p.email, p.isLeader, p.hiredAt, p.attributes])).toEqual([
      ['imp-p1', 'Ann B.', 'ann@corp.example', true, '2020-01-15', { level: 3 }],
      ['imp-p2', 'Bo, Jr.', null, false, null, {}],
    ]);
    const copy = await ch.rows<{ person_id: string; name: string }>(`SELECT person_id, name FROM ${ch.tables.people} FINAL WHERE person_id LIKE 'imp-p%' ORDER BY person_id`);
    expect(copy).toEqual([{ person_id: 'imp-p1', name: 'Ann B.' }, { person_id: 'imp-p2', name: 'Bo, Jr.' }]);
  });

  it('fails an import whose CSV header it cannot use, saying which columns', async () => {
    const done = await importFile('type,actor_id,occured_at\nview,p1,2026-03-02T09:00:00Z\n', 'events', 'csv');
    expect(done.status).toBe('failed');
    expect(fs.existsSync(path.join(config.dataDir, 'imports', done.id, 'upload.csv'))).toBe(true);
    expect(done.error).toMatch(/^line 1 \(header\): unknown column\(s\) "occured_at".*missing required column\(s\) occurred_at/);
  });

  it('processes a file many chunks long, reporting progress as it goes', async () => {
    const n = IMPORT_CHUNK_ROWS * 2 + 5_000;
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify(hubEvent({ event_id: `big-${i}`, actor_id: `big-${i % 50}`, properties: { i } }))).join('\n');
    const queue = app.get<Queue>(getQueueToken(QueueName.Imports));
    const events = new QueueEvents(QueueName.Imports, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    const seen: ImportProgress[] = [];
    events.on('progress', ({ data }) => seen.push(data as ImportProgress));
    try {
      await events.waitUntilReady();
      const done = await importFile(lines, 'events', 'ndjson');
      expect(done.progress).toEqual({ bytes: Buffer.byteLength(lines), total: Buffer.byteLength(lines), rows: n, accepted: n, rejected: 0 });
      expect(done.chunks).toBe(3);
      await new Promise((r) => setTimeout(r, 200)); // the last progress event may trail the status
      expect(seen.length).toBe(3);
      expect(seen.map((p) => p.accepted)).toEqual([IMPORT_CHUNK_ROWS, 2 * IMPORT_CHUNK_ROWS, n]);
      expect(seen[0].bytes).toBeGreaterThan(0);
      expect(seen[0].bytes).toBeLessThan(seen[2].bytes);
      expect(seen[2].bytes).toBe(seen[2].total);
    } finally {
      await events.close();
    }
    expect(await count("event_id LIKE 'big-%'")).toBe(n);
  });

  it('lists imports newest first and answers 404 for an unknown one', async () => {
    const list = (await request(http).get('/api/imports').set('Cookie', admin).expect(200)).body.imports as ImportView[];
    expect(list.length).toBeGreaterThanOrEqual(8);
    const created = list.map((m) => m.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect(list[0]).toMatchObject({ kind: 'events', status: 'done', created_by: { email: 'admin@test.local' } });
    expect((await request(http).get(`/api/imports/${list[0].id}`).set('Cookie', admin).expect(200)).body.import).toEqual(list[0]);
    await request(http).get('/api/imports/20260101-000000-deadbeef').set('Cookie', admin).expect(404);
    await request(http).get('/api/imports/..%2F..%2Fetc').set('Cookie', admin).expect(404);
    await request(http).get('/api/imports/20260101-000000-deadbeef/errors').set('Cookie', admin).expect(404);
  });

  it('refuses a bad kind, format, encoding or body with a 4xx that says why', async () => {
    const post = (query: string) => request(http).post(`/api/imports${query}`).set('Cookie', admin).set('Content-Type', 'application/octet-stream');
    expect((await post('?kind=goals&format=csv').send('a').expect(400)).body.message).toEqual(['kind: must be events, people or content']);
    expect((await post('?kind=events&format=xml').send('a').expect(400)).body.message).toEqual(['format: must be ndjson or csv']);
    expect((await post('?kind=events').send('a').expect(400)).body.message[0]).toMatch(/^format: must be ndjson or csv \(or give a filename/);
    expect((await post('?kind=events&format=ndjson').send('').expect(400)).body.message).toEqual(['body: empty; send the file as the request body']);
    expect((await post('?kind=events&format=ndjson').set('Content-Encoding', 'zip').send('a').expect(415)).body.message[0]).toMatch(/^Content-Encoding: zip is not supported/);
    expect((await post('?kind=events&format=ndjson').set('Content-Encoding', 'gzip').send('not gzip').expect(400)).body.message[0]).toMatch(/^body: could not be decoded/);
    const json = await request(http).post('/api/imports?kind=events&format=ndjson').set('Cookie', admin).send({ events: [] }).expect(415);
    expect(json.body.message[0]).toMatch(/^Content-Type: send the file as application\/octet-stream/);
    // the format may come from the file name
    const named = await post('?kind=events&filename=x.jsonl').send(JSON.stringify(hubEvent({ event_id: 'named-1' }))).expect(202);
    expect(named.body.import.format).toBe('ndjson');
    expect(named.headers.location).toBe(`/api/imports/${named.body.import.id}`);
    await waitForImport({ url, cookie: admin, id: named.body.import.id, everyMs: 100 });
  });

  it('stops reading an upload over the size limit, also when it only grows once decoded', async () => {
    const service = app.get(ImportsService);
    const before = (await request(http).get('/api/imports').set('Cookie', admin).expect(200)).body.imports.length;
    service.maxBytes = 1000;
    try {
      const post = () => request(http).post('/api/imports?kind=events&format=ndjson').set('Cookie', admin).set('Content-Type', 'application/octet-stream');
      const big = Buffer.alloc(5000, 'x');
      expect((await post().send(big).expect(413)).body.message).toEqual(['body: larger than the import limit of 1000 bytes']);
      const bomb = gzipSync(big);
      expect(bomb.length).toBeLessThan(1000);
      expect((await post().set('Content-Encoding', 'gzip').send(bomb).expect(413)).body.message).toEqual(['body: larger than the import limit of 1000 bytes']);
    } finally {
      service.maxBytes = MAX_IMPORT_BYTES;
    }
    // nothing is left behind
    expect((await request(http).get('/api/imports').set('Cookie', admin).expect(200)).body.imports.length).toBe(before);
    expect(fs.readdirSync(path.join(config.dataDir, 'imports')).filter((d) => !fs.existsSync(path.join(config.dataDir, 'imports', d, 'meta.json')))).toEqual([]);
  });

  it('is for admins only: analysts and planners can neither import nor read imports', async () => {
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'planner@test.local', password: 'planner password', name: 'Pat Planner', role: 'planner' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password', name: 'Ana Analyst', role: 'analyst' });
    const file = path.join(tmp, 'not-admin.ndjson');
    fs.writeFileSync(file, JSON.stringify(hubEvent()));
    const done = (await request(http).get('/api/imports').set('Cookie', admin).expect(200)).body.imports[0].id as string;
    for (const [email, password, role] of [['planner@test.local', 'planner password', 'planner'], ['analyst@test.local', 'analyst password', 'analyst']]) {
      const cookie = await signIn(url, email, password);
      await expect(uploadFile({ url, cookie, kind: 'people', format: 'ndjson', file })).rejects.toThrow(ImportCliError);
      await expect(uploadFile({ url, cookie, kind: 'events', format: 'ndjson', file })).rejects.toThrow(new RegExp(`HTTP 403 imports need the admin role \\(you are ${role}\\)`));
      await request(http).get('/api/imports').set('Cookie', cookie).expect(403);
      await request(http).get(`/api/imports/${done}`).set('Cookie', cookie).expect(403);
      await request(http).get(`/api/imports/${done}/errors`).set('Cookie', cookie).expect(403);
    }
    await request(http).get('/api/imports').expect(401);
  });
});
