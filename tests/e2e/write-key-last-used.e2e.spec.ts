import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { WriteKeyDto } from '@hubpulse/contracts';
import { WriteKeysRepository } from '@hubpulse/database';
import { createApiApp } from '../../apps/api/src/app-factory';
import { RELATIONAL_STORES, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * "Last used" of write keys (issue 13): set when a key authenticates an ingestion request, written
 * at most once a minute per key (never a database write per request), and a revoked key refused as
 * before. The API in process on chDB, SQLite or PostgreSQL, and Redis. Writes are counted by a spy
 * that calls through to the real repository (the rows are read back from the store as well).
 */
describe.each(RELATIONAL_STORES)('write key last used (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let repo: WriteKeysRepository;
  let markUsed: jest.SpyInstance;

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    app = await createApiApp(testConfig({ ...r.env, HUBPULSE_RATE_LIMIT_EVENTS: '0' }), { logger: ['error'] });
    http = app.getHttpServer();
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    repo = app.get(WriteKeysRepository);
    markUsed = jest.spyOn(repo, 'markUsed');
  }, 120_000);

  afterAll(async () => {
    markUsed?.mockRestore();
    await app?.close();
    await drop?.();
  });

  const listed = async (id: string) => ((await request(http).get('/api/ingestion/keys').set('Cookie', admin).expect(200)).body.keys as WriteKeyDto[]).find((k) => k.id === id)!;
  const writesFor = (id: string) => markUsed.mock.calls.filter((c) => c[0] === id).length;
  const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const batch = (key: string, messageId: string) =>
    request(http)
      .post('/v1/batch')
      .set('Authorization', basic(key))
      .send({ batch: [{ type: 'track', userId: 'lu-person', event: 'Page Viewed', messageId, timestamp: new Date().toISOString() }] });

  it('starts at null, is set by a /v1/batch, and is not written again within the minute', async () => {
    const made = (await request(http).post('/api/ingestion/keys').set('Cookie', admin).send({ name: 'last-used CMS' }).expect(201)).body as { id: string; key: string };
    expect(await listed(made.id)).toMatchObject({ name: 'last-used CMS', last_used_at: null });
    expect(await repo.find(made.id)).toMatchObject({ lastUsedAt: null });

    const before = new Date().toISOString();
    await batch(made.key, 'lu-1').expect(200);
    const after = new Date().toISOString();
    // the write runs off the request's path: wait for it to land
    const first = await waitFor(async () => (await repo.find(made.id))?.lastUsedAt, 'the last use stored');
    expect(first >= before && first <= after).toBe(true);
    expect((await listed(made.id)).last_used_at).toBe(first);
    expect(writesFor(made.id)).toBe(1);

    // more requests within the minute, through the fast path and the Segment and native routes: no write
    await batch(made.key, 'lu-2').expect(200);
    await request(http).post('/v1/track').set('Authorization', basic(made.key)).send({ userId: 'lu-person', event: 'Page Viewed', messageId: 'lu-3' }).expect(200);
    await request(http)
      .post('/v1/events')
      .set('Authorization', `Bearer ${made.key}`)
      .send({ events: [{ event_id: 'lu-4', type: 'view', actor_id: 'lu-person', occurred_at: new Date().toISOString() }] })
      .expect(200);
    expect(writesFor(made.id)).toBe(1);
    expect((await repo.find(made.id))?.lastUsedAt).toBe(first);
    expect((await listed(made.id)).last_used_at).toBe(first);

    // a revoked key is refused as before, and its refusal is no use
    await request(http).delete(`/api/ingestion/keys/${made.id}`).set('Cookie', admin).expect(204);
    expect((await batch(made.key, 'lu-5').expect(401)).body.message).toBe('Authorization: unknown or revoked write key');
    expect(writesFor(made.id)).toBe(1);
    expect(await listed(made.id)).toMatchObject({ last_used_at: first, revoked_at: expect.any(String) });
  });

  it('is set by a directory write (the Nest write-key guard) too, and left alone for an unknown key', async () => {
    const made = (await request(http).post('/api/ingestion/keys').set('Cookie', admin).send({ name: 'HR sync', scopes: ['events', 'directory'] }).expect(201)).body as { id: string; key: string };
    await request(http)
      .put('/v1/people')
      .set('Authorization', `Bearer ${made.key}`)
      .send({ people: [{ person_id: 'lu-hr-1', name: 'Ada', department: 'Legal' }] })
      .expect(200);
    await waitFor(async () => (await listed(made.id)).last_used_at, 'the last use listed');
    expect(writesFor(made.id)).toBe(1);

    const calls = markUsed.mock.calls.length;
    await request(http).post('/v1/events').set('Authorization', 'Bearer hp_wk_not_a_key').send({ events: [] }).expect(401);
    expect(markUsed.mock.calls.length).toBe(calls);
  });
});
