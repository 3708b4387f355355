import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ClickHouseService } from '@hubpulse/clickhouse';
import type { OverviewResponse } from '@hubpulse/contracts';
import { hubEvent, testConfig, waitFor } from '@hubpulse/testing';

/** A one-off HTTP POST without keep-alive (leaves no socket open behind the test). */
function rawPost(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': String(body.length) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Boots the whole API in process with inline workers on real engines (chDB, SQLite, Redis),
 * ingests over HTTP, waits for the score job, and reads what a dashboard user would see.
 */
describe('API end to end (chDB + SQLite + Redis, inline workers)', () => {
  const config = testConfig({ HUBPULSE_MAX_BODY_BYTES: String(64 * 1024) });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let cookie: string;
  let ch: ClickHouseService;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    ch = app.get(ClickHouseService);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const countEvents = async (where = '1') => {
    const [r] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.events} FINAL WHERE ${where}`);
    return Number(r.n);
  };

  it('reports health of all three stores', async () => {
    const res = await request(http).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', clickhouse: 'ok', database: 'ok', redis: 'ok' });
    expect((await request(http).get('/api/health/ready').expect(200)).body).toEqual(res.body);
    expect((await request(http).get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('signs in with the bootstrap admin and guards /api', async () => {
    await request(http).get('/api/overview').expect(401);
    await request(http).post('/api/auth/login').send({ email: 'admin@test.local', password: 'wrong' }).expect(401);
    const bad = await request(http).post('/api/auth/login').send({ email: 'admin@test.local' }).expect(400);
    expect(bad.body.message).toEqual(['password: is required']);
    const res = await request(http).post('/api/auth/login').send({ email: 'ADMIN@test.local', password: 'correct horse battery' }).expect(200);
    expect(res.body.user).toMatchObject({ email: 'admin@test.local', role: 'admin' });
    const setCookie = res.headers['set-cookie'] as unknown as string[];
    expect(setCookie[0]).toMatch(/hp_session=.+HttpOnly/);
    cookie = setCookie[0].split(';')[0];
    await request(http).get('/api/auth/me').set('Cookie', cookie).expect(200);
  });

  it('rejects bad keys and bad bodies with a clear 4xx', async () => {
    const body = { events: [hubEvent()] };
    expect((await request(http).post('/v1/events').send(body).expect(401)).body.message).toMatch(/Authorization: missing/);
    expect((await request(http).post('/v1/events').set('Authorization', 'Bearer nope').send(body).expect(401)).body.message).toMatch(/unknown or revoked/);
    // a write key opens ingestion only
    await request(http).get('/api/overview').set('Authorization', `Bearer ${key}`).expect(401);

    const auth = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const malformed = await request(http).post('/v1/events').set(auth).send('{"events": [').expect(400);
    expect(malformed.body.message[0]).toMatch(/^body: not valid JSON/);
    expect(malformed.body.request_id).toBeTruthy();
    expect((await request(http).post('/v1/events').set(auth).send({ events: 'x' }).expect(400)).body.message[0]).toMatch(/^events: /);
    expect((await request(http).post('/v1/events').set(auth).send({ events: [] }).expect(400)).body.message[0]).toMatch(/at least one event/);
    const huge = { events: Array.from({ length: 800 }, (_, i) => hubEvent({ event_id: `big-${i}`, properties: { pad: 'x'.repeat(100) } })) };
    expect((await request(http).post('/v1/events').set(auth).send(huge).expect(413)).body.message[0]).toMatch(/larger than the limit/);
    expect(await countEvents("event_id LIKE 'big-%'")).toBe(0);
  });

  it('stores valid events of a batch and names what is wrong with the others', async () => {
    const res = await request(http)
      .post('/v1/events')
      .set('Authorization', `Bearer ${key}`)
      .send({ events: [hubEvent({ event_id: 'mix-1' }), hubEvent({ event_id: 'mix-2', type: 'like' }), hubEvent({ event_id: 'mix-3', occurred_at: 5 })] })
      .expect(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected).toEqual([
      { index: 1, errors: [expect.stringMatching(/^type: must be one of/)] },
      { index: 2, errors: [expect.stringMatching(/^occurred_at: /)] },
    ]);
    expect(await countEvents("event_id LIKE 'mix-%'")).toBe(1);
  });

  it('counts an event sent twice once, also across concurrent requests and gzip bodies', async () => {
    const batch = { events: [hubEvent({ event_id: 'dup-1' }), hubEvent({ event_id: 'dup-2', type: 'post' })] };
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send(batch).expect(200);
    await Promise.all(
      Array.from({ length: 5 }, () => request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send(batch).expect(200)),
    );
    // a real HTTP client (supertest re-encodes binary bodies)
    await app.listen(0, '127.0.0.1');
    const gz = await rawPost(`${await app.getUrl()}/v1/events`.replace('[::1]', '127.0.0.1'), gzipSync(JSON.stringify(batch)), {
      Authorization: `Bearer ${key}`,
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(gz.status).toBe(200);
    const notGzip = await request(http).post('/v1/events').set({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).send('{"events":[]}').expect(400);
    expect(notGzip.body.message[0]).toMatch(/^body: could not be decoded/);
    expect(await countEvents("event_id LIKE 'dup-%'")).toBe(2);
    const [r] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.events} FINAL WHERE event_id = 'dup-2' AND type = 'post'`);
    expect(Number(r.n)).toBe(1);
  });

  it('ingests people and activity, computes scores in the worker, and shows the overview with privacy', async () => {
    const people = Array.from({ length: 12 }, (_, i) => ({
      person_id: `p${i + 1}`,
      name: `Person ${i + 1}`,
      email: `p${i + 1}@corp.example`,
      department: i < 9 ? 'Sales' : 'Legal',
      location: 'Berlin',
      title: 'Specialist',
      manager_id: i === 0 ? null : 'p1',
      hired_at: '2020-01-15',
      is_leader: i === 0,
    }));
    expect((await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200)).body).toEqual({ upserted: 12 });
    const bad = await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people: [{ person_id: 'x', name: 'X', email: 'not-an-email' }] }).expect(400);
    expect(bad.body.message[0]).toMatch(/^people\.0\.email: /);
    await request(http)
      .put('/v1/content')
      .set('Authorization', `Bearer ${key}`)
      .send({ content: [{ content_id: 'c1', channel: 'blog', purpose: 'inform', author_id: 'p1', title: 'Q3 plan', published_at: '2026-03-01T08:00:00Z' }] })
      .expect(200);

    // 9 Sales people view the blog on 2026-03-02..03; 3 Legal people comment on the CEO blog.
    const events = [
      ...people.slice(0, 9).flatMap((p, i) => [
        hubEvent({ event_id: `s-${i}-a`, actor_id: p.person_id, occurred_at: '2026-03-02T09:00:00Z' }),
        hubEvent({ event_id: `s-${i}-b`, actor_id: p.person_id, occurred_at: '2026-03-03T09:00:00Z' }),
      ]),
      ...people.slice(9).map((p, i) =>
        hubEvent({ event_id: `l-${i}`, type: 'comment', actor_id: p.person_id, channel: 'ceo_blog', purpose: 'vision', target_actor_id: 'p1', occurred_at: '2026-03-03T11:00:00Z' }),
      ),
    ];
    const res = await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    expect(res.body).toEqual({ accepted: 21, rejected: [] });

    // The debounced score job runs in the inline worker.
    await waitFor(async () => {
      const [r] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.engagement_scores} FINAL WHERE day = '2026-03-03'`);
      return Number(r.n) >= 12;
    }, 'scores for 2026-03-03', 30_000);

    const ov = (await request(http).get('/api/overview?from=2026-03-01&to=2026-03-03').set('Cookie', cookie).expect(200)).body as OverviewResponse;
    expect(ov.range).toEqual({ from: '2026-03-01', to: '2026-03-03' });
    expect(ov.min_group_size).toBe(5);
    // Issue 11: nobody acted on 2026-03-01, which adds nothing to the event count (a sum over days
    // needs k people on every day somebody acted); all 12 of the directory were active, so "12 of 12"
    // would say each of them was (a share needs k inactive too).
    expect(ov.totals).toEqual({ events: 24, events_hidden: null, people: 12, active_people: null, active_people_hidden: 'complement', suppressed: true });
    // 03-02..03-03: ≥ 5 people acted each day. 21 here + dup-1, dup-2, mix-1 (2026-03-02) from earlier tests
    const ov2 = (await request(http).get('/api/overview?from=2026-03-02&to=2026-03-03').set('Cookie', cookie).expect(200)).body as OverviewResponse;
    expect(ov2.totals).toMatchObject({ events: 24, events_hidden: null });
    const blog = ov2.by_channel.find((c) => c.channel === 'blog')!;
    const ceo = ov2.by_channel.find((c) => c.channel === 'ceo_blog')!;
    // ceo_blog: 3 people < 5, and nobody on 03-02: hidden; total − blog would be its 3 events, so the
    // blog's 21 are hidden with it (complementary) — the total of both stays.
    expect(blog).toMatchObject({ events: null, events_hidden: 'complementary', active_people: null, active_people_hidden: 'complement' }); // 9 of 12: 3 left out
    expect(ceo).toMatchObject({ channel: 'ceo_blog', events: null, events_hidden: 'period', active_people: null, active_people_hidden: 'numerator' });
    expect(ov2.by_channel.filter((c) => c.events === null).length).not.toBe(1);
    // The engagement index: the share of the directory active in the 7 days ending that day — all 12
    // people of the directory acted on 03-02 or 03-03, which is hidden (no k people left out).
    const day3 = ov.engagement.find((e) => e.day === '2026-03-03')!;
    expect(day3).toEqual({ day: '2026-03-03', index: null, people: null, hidden_reason: 'complement' });
    // nobody acted in the week up to 2026-03-01: no point rather than a fake zero
    expect(ov.engagement.find((e) => e.day === '2026-03-01')).toBeUndefined();

    const badRange = await request(http).get('/api/overview?from=2026-03-05&to=2026-03-01').set('Cookie', cookie).expect(400);
    expect(badRange.body.message[0]).toMatch(/^from: must not be after to/);
    expect((await request(http).get('/api/overview?from=March').set('Cookie', cookie).expect(400)).body.message[0]).toMatch(/^from: must be a date/);
  });

  it('answers 503 with Retry-After when ClickHouse refuses the insert, keeping nothing of the batch', async () => {
    // "Too many parts" is how a struggling ClickHouse refuses inserts; force it for the events table.
    await ch.client.command({ query: `ALTER TABLE ${ch.tables.events} MODIFY SETTING parts_to_throw_insert = 1, parts_to_delay_insert = 1` });
    const batch = { events: Array.from({ length: 50 }, (_, i) => hubEvent({ event_id: `down-${i}` })) };
    try {
      const res = await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send(batch).expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.message).toMatch(/nothing was stored, retry later/);
      expect(await countEvents("event_id LIKE 'down-%'")).toBe(0);
    } finally {
      await ch.client.command({ query: `ALTER TABLE ${ch.tables.events} MODIFY SETTING parts_to_throw_insert = 3000, parts_to_delay_insert = 1000` });
    }
    // the SDK's retry after Retry-After succeeds, and the batch is there exactly once
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send(batch).expect(200);
    expect(await countEvents("event_id LIKE 'down-%'")).toBe(50);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(http).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/events', '/v1/people', '/v1/content', '/api/overview', '/api/health', '/api/auth/login']));
  });

  it('logs out', async () => {
    await request(http).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await request(http).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });
});
