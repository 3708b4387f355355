import type { INestApplication } from '@nestjs/common';
import { Analytics } from '@segment/analytics-node';
import { PostHog } from 'posthog-node';
import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ClickHouseService } from '@hubpulse/clickhouse';
import type { IngestionSourcesResponse } from '@hubpulse/contracts';
import { signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * The real SDKs, unchanged, pointed at a local Hubpulse: @segment/analytics-node (the Segment spec,
 * also RudderStack's) and posthog-node. Asserts on what lands in ClickHouse and the directory.
 */
describe('real analytics SDKs deliver into Hubpulse unchanged', () => {
  const config = testConfig({ HUBPULSE_RATE_LIMIT_EVENTS: '1000' });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let url: string;
  let ch: ClickHouseService;
  let cookie: string;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    ch = app.get(ClickHouseService);
    cookie = await signIn(app.getHttpServer(), 'admin@test.local', 'correct horse battery');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const events = (where: string) =>
    ch.rows<{ event_id: string; type: string; actor_id: string; channel: string; purpose: string; content_id: string; target_actor_id: string; source: string; properties: string }>(
      `SELECT event_id, type, actor_id, channel, purpose, content_id, target_actor_id, source, properties FROM ${ch.tables.events} FINAL WHERE ${where} ORDER BY event_id`,
    );
  const person = async (id: string) => (await ch.rows<Record<string, unknown>>(`SELECT * FROM ${ch.tables.people} FINAL WHERE person_id = {id:String}`, { id }))[0];

  it('@segment/analytics-node: track, page, identify and group', async () => {
    const analytics = new Analytics({ writeKey: key, host: url, flushAt: 50, flushInterval: 200, maxRetries: 2 });
    const failures: unknown[] = [];
    analytics.on('error', (e) => failures.push(e));
    analytics.identify({ userId: 'seg-1', traits: { name: 'Ada Lovelace', email: 'ada@corp.example', department: 'Engineering', title: 'Engineer', manager: 'seg-boss' } });
    analytics.group({ userId: 'seg-1', groupId: 'platform', traits: { type: 'team', name: 'Platform' } });
    analytics.track({ userId: 'seg-1', event: 'Post Created', messageId: 'seg-m1', properties: { content_id: 'post-9', channel: 'microblog', purpose: 'engagement', words: 120 } });
    analytics.track({ userId: 'seg-2', event: 'Comment Added', messageId: 'seg-m2', properties: { contentId: 'post-9', channel: 'microblog', targetActorId: 'seg-1' } });
    analytics.track({ userId: 'seg-2', event: 'Document Shared', messageId: 'seg-m3', properties: { content_id: 'doc-1' } });
    analytics.track({ userId: 'seg-2', event: 'Something Unmapped', messageId: 'seg-m4' });
    analytics.page({ userId: 'seg-3', name: 'CEO blog: Q3', messageId: 'seg-m5', properties: { path: '/ceo/q3', channel: 'ceo_blog', purpose: 'vision' } });
    await analytics.closeAndFlush();
    expect(failures).toEqual([]);

    const rows = await events("source = 'segment'");
    expect(rows.map((r) => [r.event_id, r.type, r.actor_id, r.channel, r.purpose, r.content_id, r.target_actor_id])).toEqual([
      ['seg-m1', 'post', 'seg-1', 'microblog', 'engagement', 'post-9', ''],
      ['seg-m2', 'comment', 'seg-2', 'microblog', '', 'post-9', 'seg-1'],
      ['seg-m3', 'doc_share', 'seg-2', 'documents', 'productivity', 'doc-1', ''], // channel/purpose from the mapping
      ['seg-m5', 'view', 'seg-3', 'ceo_blog', 'vision', '/ceo/q3', ''],
    ]);
    expect(JSON.parse(rows[0].properties)).toEqual({ event: 'Post Created', words: 120 });
    expect(await person('seg-1')).toMatchObject({ name: 'Ada Lovelace', email: 'ada@corp.example', department: 'Engineering', title: 'Engineer', manager_id: 'seg-boss', attributes: '{"team":"Platform"}' });
  });

  it('posthog-node: capture (gzip), $identify with $set', async () => {
    const posthog = new PostHog(key, { host: url, flushAt: 50, flushInterval: 0 });
    posthog.identify({ distinctId: 'ph-1', properties: { $set: { name: 'Grace Hopper', department: 'Operations', location: 'Arlington' } } });
    posthog.capture({ distinctId: 'ph-1', event: '$pageview', uuid: '0190a3c1-0000-7000-8000-000000000001', properties: { $current_url: 'https://hub/news/1', channel: 'newsletter', purpose: 'inform' } });
    posthog.capture({ distinctId: 'ph-2', event: 'Question Answered', uuid: '0190a3c1-0000-7000-8000-000000000002', properties: { content_id: 'q-7', target_actor_id: 'ph-1' } });
    posthog.capture({ distinctId: 'ph-2', event: 'not mapped', uuid: '0190a3c1-0000-7000-8000-000000000003' });
    await posthog.shutdown();

    const rows = await events("source = 'posthog'");
    expect(rows.map((r) => [r.event_id.slice(-1), r.type, r.actor_id, r.channel, r.purpose, r.content_id, r.target_actor_id])).toEqual([
      ['1', 'view', 'ph-1', 'newsletter', 'inform', 'https://hub/news/1', ''],
      ['2', 'answer', 'ph-2', 'qa', '', 'q-7', 'ph-1'],
    ]);
    expect(await person('ph-1')).toMatchObject({ name: 'Grace Hopper', department: 'Operations', location: 'Arlington' });
  });

  it('counts an SDK retry once and reports unmapped events by reason on the Data sources API', async () => {
    const body = { batch: [{ type: 'track', userId: 'seg-9', event: 'Post Created', messageId: 'seg-retry', timestamp: '2026-11-01T10:00:00Z' }] };
    const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    for (let i = 0; i < 3; i++) await request(app.getHttpServer()).post('/v1/batch').set('Authorization', basic).send(body).expect(200);
    expect(await events("event_id = 'seg-retry'")).toHaveLength(1);

    const res = await request(app.getHttpServer()).get('/api/ingestion/sources?window=60').set('Cookie', cookie).expect(200);
    const sources = (res.body as IngestionSourcesResponse).sources;
    const seg = sources.find((s) => s.format === 'segment')!;
    expect(seg).toMatchObject({ key_name: 'bootstrap', accepted: 5, rejected: 1 });
    expect(seg.rejects_by_reason).toEqual([{ reason: 'event: no mapping for "Something Unmapped" (add one under Admin → Event mappings)', count: 1 }]);
    expect(seg.last_event_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(seg.per_minute.reduce((s, m) => s + m.accepted, 0)).toBe(5);
    expect(sources.find((s) => s.format === 'posthog')).toMatchObject({ accepted: 2, rejected: 1 });
  });

  it('takes keys in the body, gzip without a header, a mislabelled content type, and says what is missing', async () => {
    const http = app.getHttpServer();
    const ph = { api_key: key, batch: [{ event: '$pageview', distinct_id: 'ph-3', uuid: 'ph-gz-1', timestamp: '2026-11-01T10:00:00Z', properties: {} }] };
    await request(http).post('/batch/?compression=gzip-js').set('Content-Type', 'text/plain').send(gzipSync(JSON.stringify(ph))).expect(200);
    await request(http).post('/v1/track').set('Content-Type', 'text/plain').send(JSON.stringify({ writeKey: key, userId: 'seg-4', event: 'Reaction Added', messageId: 'seg-body-key' })).expect(200);
    expect(await events("event_id IN ('ph-gz-1', 'seg-body-key')")).toHaveLength(2);

    expect((await request(http).post('/v1/batch').send({ batch: [] }).expect(401)).body.message).toMatch(/HTTP Basic/);
    expect((await request(http).post('/e/').send({ event: 'x' }).expect(401)).body.message).toMatch(/api_key: missing/);
    const noId = await request(http).post('/v1/batch').set('Authorization', `Bearer ${key}`).send({ batch: [{ type: 'track', userId: 'u', event: 'Post Created' }] }).expect(200);
    expect(noId.body).toMatchObject({ success: true, accepted: 0, rejected: [{ index: 0, errors: ['messageId: is required'] }] });
  });

  it('answers 429 with Retry-After when a key exceeds its rate, storing nothing of that request', async () => {
    const http = app.getHttpServer();
    // rate 1000/s, burst 2000: a 2,500-event request cannot fit
    const big = { events: Array.from({ length: 2500 }, (_, i) => ({ event_id: `rl-${i}`, type: 'view', actor_id: 'p', occurred_at: '2026-11-01T10:00:00Z' })) };
    const res = await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send(big).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.body.message).toMatch(/rate limit/);
    expect(await events("event_id LIKE 'rl-%'")).toHaveLength(0);
  });

  it('lets admins edit the mapping table, with errors naming the row', async () => {
    const http = app.getHttpServer();
    const current = (await request(http).get('/api/ingestion/mappings').set('Cookie', cookie).expect(200)).body.mappings as unknown[];
    const bad = await request(http).put('/api/ingestion/mappings').set('Cookie', cookie).send({ mappings: [...current, { source: 'segment', event: 'Kudos Sent', type: 'kudos', channel: null, purpose: null }] }).expect(400);
    expect(bad.body.message[0]).toMatch(new RegExp(`^mappings\\.${current.length}\\.type: must be one of`));
    await request(http).put('/api/ingestion/mappings').set('Cookie', cookie).send({ mappings: [...current, { source: 'segment', event: 'Kudos Sent', type: 'react', channel: 'microblog', purpose: 'engagement' }] }).expect(200);
    await request(http).post('/v1/track').set('Authorization', `Bearer ${key}`).send({ userId: 'seg-5', event: 'Kudos Sent', messageId: 'seg-kudos' }).expect(200);
    expect((await events("event_id = 'seg-kudos'"))[0]).toMatchObject({ type: 'react', channel: 'microblog' });
    await waitFor(async () => true, 'noop');
  });

  it('lets admins create, list and revoke write keys; a revoked key is refused at once', async () => {
    const http = app.getHttpServer();
    const created = await request(http).post('/api/ingestion/keys').set('Cookie', cookie).send({ name: 'intranet CMS' }).expect(201);
    expect(created.body.key).toMatch(/^hp_wk_/);
    expect(created.body).toMatchObject({ scopes: ['events'], browser: false }); // without scopes, the least
    const newKey = created.body.key as string;
    await request(http).post('/v1/events').set('Authorization', `Bearer ${newKey}`).send({ events: [{ event_id: 'k-1', type: 'view', actor_id: 'p', occurred_at: '2026-11-01T10:00:00Z' }] }).expect(200);
    const list = await request(http).get('/api/ingestion/keys').set('Cookie', cookie).expect(200);
    expect(list.body.keys.map((k: { name: string }) => k.name)).toEqual(['intranet CMS', 'bootstrap']);
    expect(JSON.stringify(list.body)).not.toContain(newKey);
    await request(http).delete(`/api/ingestion/keys/${created.body.id}`).set('Cookie', cookie).expect(204);
    await request(http).post('/v1/events').set('Authorization', `Bearer ${newKey}`).send({ events: [{ event_id: 'k-2', type: 'view', actor_id: 'p', occurred_at: '2026-11-01T10:00:00Z' }] }).expect(401);
    await request(http).delete('/api/ingestion/keys/nope').set('Cookie', cookie).expect(404);
    expect((await request(http).post('/api/ingestion/keys').set('Cookie', cookie).send({}).expect(400)).body.message).toEqual(['name: is required']);
    // a write key opens nothing of the admin API
    await request(http).get('/api/ingestion/keys').set('Authorization', `Bearer ${key}`).expect(401);
  });
});
