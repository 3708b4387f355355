import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { storage } from 'nestjs-pino/storage';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, PersonEntity } from '@hubpulse/database';
import { hubEvent, RELATIONAL_STORES, signIn, testConfig } from '@hubpulse/testing';

/**
 * Write boundaries (issue 11): write-key scopes and browser keys, the person schema on every
 * directory change, events owned by the source that first sent them, and store errors kept from
 * clients. The API in process on chDB, SQLite or PostgreSQL, and Redis.
 */
describe.each(RELATIONAL_STORES)('write boundaries (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let ch: ClickHouseService;
  let ds: DataSource;
  let admin: string;
  let serverKey: string;
  let browserKey: string;

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    const config = testConfig({ ...r.env, HUBPULSE_RATE_LIMIT_EVENTS: '0' });
    serverKey = config.bootstrap.writeKey!;
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    ch = app.get(ClickHouseService);
    ds = app.get(DATA_SOURCE);
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const newKey = (body: object) => request(http).post('/api/ingestion/keys').set('Cookie', admin).send(body);
  const segment = (key: string, batch: unknown[]) => request(http).post('/v1/batch').set('Authorization', `Basic ${Buffer.from(`${key}:`).toString('base64')}`).send({ batch });
  const posthog = (key: string, batch: unknown[]) => request(http).post('/batch/').send({ api_key: key, batch });
  /** A person as both stores hold them (null where a store has no row). */
  const stored = async (id: string) => {
    const sql = await ds.getRepository(PersonEntity).findOneBy({ personId: id });
    const [c] = await ch.rows<{ name: string; department: string; email: string; hired_at: string | null }>(
      `SELECT name, toString(department) AS department, email, toString(hired_at) AS hired_at FROM ${ch.tables.people} FINAL WHERE person_id = {id:String}`,
      { id },
    );
    return {
      sql: sql && { name: sql.name, department: sql.department ?? '', email: sql.email ?? '', hired_at: sql.hiredAt },
      ch: c ?? null,
    };
  };
  const eventIds = async (where: string) =>
    (await ch.rows<{ event_id: string }>(`SELECT event_id FROM ${ch.tables.events} FINAL WHERE ${where} ORDER BY event_id`)).map((r) => r.event_id);

  it('creates keys with scopes and a browser flag, and never a browser key with the directory scope', async () => {
    const created = (await newKey({ name: 'intranet snippet', scopes: ['events'], browser: true }).expect(201)).body;
    expect(created).toMatchObject({ name: 'intranet snippet', scopes: ['events'], browser: true, key: expect.stringMatching(/^hp_wk_/) });
    browserKey = created.key;
    expect((await newKey({ name: 'x', scopes: ['events', 'directory'], browser: true }).expect(400)).body.message).toEqual([
      expect.stringMatching(/^scopes: a browser key cannot have the directory scope: it ships inside a web page/),
    ]);
    expect((await newKey({ name: 'x', scopes: ['events', 'people'] }).expect(400)).body.message).toEqual(['scopes.1: must be one of events, directory']);
    expect((await newKey({ name: 'x', browser: 'yes' }).expect(400)).body.message).toEqual(['browser: must be true or false']);
    const keys = (await request(http).get('/api/ingestion/keys').set('Cookie', admin).expect(200)).body.keys as { name: string; scopes: string[]; browser: boolean }[];
    expect(keys.map((k) => [k.name, k.scopes, k.browser])).toEqual([
      ['intranet snippet', ['events'], true],
      ['bootstrap', ['events', 'directory'], false],
    ]);
  });

  it('refuses PUT /v1/people and /v1/content to a key without the directory scope, naming the scope', async () => {
    const people = { people: [{ person_id: 'wb-victim', name: 'Victim', department: 'Legal' }] };
    const refused = await request(http).put('/v1/people').set('Authorization', `Bearer ${browserKey}`).send(people).expect(403);
    expect(refused.body.message).toMatch(/^Authorization: this write key has no directory scope/);
    const content = { content: [{ content_id: 'c-wb', channel: 'blog', purpose: 'inform', published_at: '2026-03-01T08:00:00Z' }] };
    await request(http).put('/v1/content').set('Authorization', `Bearer ${browserKey}`).send(content).expect(403);
    expect(await stored('wb-victim')).toEqual({ sql: null, ch: null });
    await request(http).put('/v1/people').set('Authorization', `Bearer ${serverKey}`).send(people).expect(200);
    await request(http).post('/v1/events').set('Authorization', `Bearer ${browserKey}`).send({ events: [hubEvent({ event_id: 'wb-browser-1' })] }).expect(200);
  });

  it("stores a browser key's hub actions but refuses every directory change its SDK calls carry", async () => {
    const seg = await segment(browserKey, [
      { type: 'identify', messageId: 'wb-s1', userId: 'wb-victim', traits: { department: 'Sales', is_leader: true } },
      { type: 'group', messageId: 'wb-s2', userId: 'wb-victim', groupId: 'exec', traits: { name: 'Executive' } },
      { type: 'track', messageId: 'wb-s3', userId: 'wb-victim', event: 'Post Created', properties: { content_id: 'c1' } },
    ]).expect(200);
    expect(seg.body).toEqual({
      success: true,
      accepted: 1,
      rejected: [
        { index: 0, errors: ['identify: this write key has no directory scope'] },
        { index: 1, errors: ['group: this write key has no directory scope'] },
      ],
    });
    const ph = await posthog(browserKey, [
      { event: '$pageview', distinct_id: 'wb-victim', uuid: 'wb-p1', properties: { $current_url: '/x', $set: { department: 'Sales' } } },
      { event: '$identify', distinct_id: 'wb-victim', properties: { $set: { email: 'evil@example.com' } } },
      { event: '$identify', distinct_id: 'wb-newcomer' },
      { event: '$groupidentify', distinct_id: 'wb-victim', properties: { $group_type: 'company', $group_key: 'Exec' } },
    ]).expect(200);
    // A browser $identify without $set (index 2) names the signed-in person and changes nothing: accepted, not written.
    expect(ph.body.rejected).toEqual([
      { index: 0, errors: ['$set: this write key has no directory scope'] },
      { index: 1, errors: ['$set: this write key has no directory scope'] },
      { index: 3, errors: ['$groupidentify: this write key has no directory scope'] },
    ]);
    // the hub actions were stored; the directory is as the server key left it
    expect(await eventIds("event_id IN ('wb-s3', 'wb-p1')")).toEqual(['wb-p1', 'wb-s3']);
    const victim = { name: 'Victim', department: 'Legal', email: '', hired_at: null };
    expect(await stored('wb-victim')).toEqual({ sql: victim, ch: victim });
    expect(await stored('wb-newcomer')).toEqual({ sql: null, ch: null });
  });

  it('checks every directory change with the person schema: a bad one is refused with its reason, never a 503, and neither store changes', async () => {
    const seg = await segment(serverKey, [
      { type: 'identify', messageId: 'wb-v1', userId: 'wb-victim', traits: { title: 'Counsel' } },
      { type: 'identify', messageId: 'wb-v2', userId: 'wb-victim', traits: { hired_at: 'last spring', department: 'Sales' } },
      { type: 'identify', messageId: 'wb-v3', userId: 'wb-new', traits: { name: 'New Person', startDate: '2025-02-03' } },
      { type: 'identify', messageId: 'wb-v4', userId: 'wb-bad', traits: { email: 'not-an-email' } },
    ]).expect(200);
    expect(seg.body.rejected).toEqual([
      { index: 1, errors: ['identify.hired_at: must be an ISO 8601 date (YYYY-MM-DD) or date-time'] },
      { index: 3, errors: [expect.stringMatching(/^identify\.email: /)] },
    ]);
    expect(seg.body.accepted).toBe(2);
    const ph = await posthog(serverKey, [
      { event: '$identify', distinct_id: 'wb-victim', properties: { $set: { manager_id: 'm'.repeat(201) } } },
      // $set applies on an event without a mapping, as in PostHog (the event itself is refused)
      { event: 'Something unmapped', distinct_id: 'wb-new', uuid: 'wb-p9', $set: { department: 'Ops' } },
    ]).expect(200);
    expect(ph.body.rejected).toEqual([
      { index: 0, errors: ['$set.manager_id: must be at most 200 characters'] },
      { index: 1, errors: ['event: no mapping for "Something unmapped" (add one under Admin → Event mappings)'] },
    ]);
    // both stores hold the valid changes only, and agree
    const victim = { name: 'Victim', department: 'Legal', email: '', hired_at: null };
    expect(await stored('wb-victim')).toEqual({ sql: victim, ch: victim });
    const added = { name: 'New Person', department: 'Ops', email: '', hired_at: '2025-02-03' };
    expect(await stored('wb-new')).toEqual({ sql: added, ch: added });
    expect(await stored('wb-bad')).toEqual({ sql: null, ch: null });
    expect((await ds.getRepository(PersonEntity).findOneByOrFail({ personId: 'wb-victim' })).title).toBe('Counsel');
  });

  it("lets no other source replace or join an event; the first source's retry still counts once", async () => {
    const other = (await newKey({ name: 'other system', scopes: ['events'] }).expect(201)).body as { id: string; key: string };
    const mine = hubEvent({ event_id: 'wb-shared', type: 'comment', actor_id: 'alice', occurred_at: '2026-03-02T10:00:00Z' });
    const send = (key: string, e: unknown) => request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events: [e] }).expect(200);
    await send(serverKey, mine);
    await send(other.key, { ...mine, type: 'post', actor_id: 'mallory', occurred_at: '2026-03-02T23:00:00Z' });
    await segment(other.key, [{ type: 'track', messageId: 'wb-shared', userId: 'mallory', event: 'Post Created', timestamp: '2026-03-02T11:00:00Z' }]).expect(200);
    await send(serverKey, mine); // a retry
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.tables.events} FINAL` });
    const rows = await ch.rows<{ key_id: string; type: string; actor_id: string; n: string }>(
      `SELECT key_id, type, actor_id, toString(count()) AS n FROM ${ch.tables.events} FINAL WHERE event_id = 'wb-shared' GROUP BY key_id, type, actor_id ORDER BY key_id = {other:String}`,
      { other: other.id },
    );
    expect(rows).toEqual([
      { key_id: expect.not.stringMatching(other.id), type: 'comment', actor_id: 'alice', n: '1' },
      { key_id: other.id, type: 'post', actor_id: 'mallory', n: '1' },
    ]);
  });

  it('keeps store error text from clients: a generic message with the request id, the text in the log', async () => {
    // What was logged, and under which request's id (the request's logger, found as the app's Logger finds it).
    const lines: { entry: unknown; requestId?: string }[] = [];
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation((entry: unknown) => void lines.push({ entry, requestId: storage.getStore()?.logger.bindings().request_id }));
    const tooManyParts = (table: string, n: number) =>
      ch.client.command({ query: `ALTER TABLE ${table} MODIFY SETTING parts_to_throw_insert = ${n}, parts_to_delay_insert = ${Math.min(n, 1000)}` });
    try {
      await tooManyParts(ch.tables.events, 1);
      await tooManyParts(ch.tables.people, 1);
      const answers = [
        await request(http).post('/v1/events').set('Authorization', `Bearer ${serverKey}`).set('X-Request-Id', 'wb-req-1').send({ events: [hubEvent()] }).expect(503),
        await request(http).put('/v1/people').set('Authorization', `Bearer ${serverKey}`).set('X-Request-Id', 'wb-req-2').send({ people: [{ person_id: 'wb-x', name: 'X' }] }).expect(503),
        await segment(serverKey, [{ type: 'identify', messageId: 'wb-x', userId: 'wb-x', traits: { name: 'X' } }]).set('X-Request-Id', 'wb-req-3').expect(503),
      ];
      for (const [i, res] of answers.entries()) {
        expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/could not be stored; nothing was stored, retry later$/), request_id: `wb-req-${i + 1}` });
        expect(JSON.stringify(res.body)).not.toMatch(/DB::Exception|Too many parts|Code: \d+|parts_to_throw_insert/i);
        expect(JSON.stringify(res.body)).not.toContain(ch.database);
      }
      for (const id of ['wb-req-1', 'wb-req-2', 'wb-req-3']) {
        expect(lines).toContainEqual({ requestId: id, entry: { msg: expect.stringMatching(/→ 503: /), err: expect.objectContaining({ message: expect.stringMatching(/Too many parts/) }) } });
      }
    } finally {
      logged.mockRestore();
      await tooManyParts(ch.tables.events, 3000);
      await tooManyParts(ch.tables.people, 3000);
    }
  });
});
