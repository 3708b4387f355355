import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { signIn, testConfig } from '@hubpulse/testing';

const PAGE = 'https://intranet.example.com';
const OTHER = 'https://elsewhere.example.com';

/**
 * The wire formats of the browser SDKs as they arrive, byte for byte: posthog-js' base64 `data=`
 * forms and gzip-js bodies sent as text/plain with the token inside each event, analytics.js' short
 * paths with the key in the body, RudderStack's beacon with the key in the query; the settings,
 * source config, remote config and flags they fetch first; CORS allowed per browser key and refused
 * otherwise; and a 4xx that names what is wrong. The real SDKs in Chromium are
 * tests/browser/browser-sdks.browser.spec.ts.
 */
describe('browser SDK wire formats (chDB + SQLite + Redis)', () => {
  const config = testConfig({ HUBPULSE_PUBLIC_URL: 'https://hubpulse.example.com' });
  const serverKey = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let ch: ClickHouseService;
  let admin = '';
  let key = '';
  let keyId = '';

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    ch = app.get(ClickHouseService);
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    const made = await request(http).post('/api/ingestion/keys').set('Cookie', admin).send({ name: 'intranet', browser: true }).expect(201);
    ({ key, id: keyId } = made.body as { key: string; id: string });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const stored = async (ids: string[]) =>
    ch.rows<{ event_id: string; type: string; actor_id: string; content_id: string }>(
      `SELECT event_id, type, actor_id, content_id FROM ${ch.tables.events} FINAL WHERE event_id IN {ids:Array(String)} ORDER BY event_id`,
      { ids },
    );
  const phEvent = (uuid: string, over: Record<string, unknown> = {}) => ({
    event: '$pageview',
    uuid,
    timestamp: '2026-12-01T09:00:00.000Z',
    properties: { token: key, distinct_id: 'dev-1', $is_identified: false, $pathname: '/news/1', ...over },
  });

  it('lets an admin set the origins of a browser key, naming what is wrong', async () => {
    const patch = (id: string, body: object) => request(http).patch(`/api/ingestion/keys/${id}`).set('Cookie', admin).send(body);
    expect((await patch(keyId, { allowed_origins: ['intranet.example.com'] }).expect(400)).body.message).toEqual([
      expect.stringMatching(/^allowed_origins\.0: "intranet\.example\.com" is not a web origin/),
    ]);
    expect((await patch(keyId, { allowed_origins: ['https://intranet.example.com/news'] }).expect(400)).body.message[0]).toMatch(/^allowed_origins\.0: /);
    expect((await patch(keyId, { origins: [] }).expect(400)).body.message).toContain('unknown field(s) origins');
    await patch('no-such-key', { allowed_origins: [] }).expect(404);
    const keys = (await request(http).get('/api/ingestion/keys').set('Cookie', admin).expect(200)).body.keys as { id: string; name: string }[];
    const server = keys.find((k) => k.name === 'bootstrap')!;
    expect((await patch(server.id, { allowed_origins: [PAGE] }).expect(400)).body.message).toEqual([expect.stringMatching(/^allowed_origins: only a browser key can be allowed web origins/)]);
    const done = await patch(keyId, { allowed_origins: [`${PAGE}/`, PAGE] }).expect(200);
    expect(done.body).toMatchObject({ id: keyId, browser: true, allowed_origins: [PAGE] });
    const audit = await request(http).get('/api/audit?action=write_key.update').set('Cookie', admin).expect(200);
    expect((audit.body as object[])[0]).toMatchObject({ actor: 'admin@test.local', action: 'write_key.update', target: `write_key:${keyId}` });
  });

  it('answers CORS preflights for allowed origins only, and refuses requests from origins the key does not allow', async () => {
    const ok = await request(http).options('/i/v0/e/').set('Origin', PAGE).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type, sentat').expect(204);
    expect(ok.headers).toMatchObject({ 'access-control-allow-origin': PAGE, 'access-control-allow-headers': 'content-type, sentat', 'access-control-allow-methods': 'GET, POST, OPTIONS' });
    const refused = await request(http).options('/v1/t').set('Origin', OTHER).set('Access-Control-Request-Method', 'POST').expect(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.body.message).toMatch(/^Origin: https:\/\/elsewhere\.example\.com is not allowed by any browser write key/);

    const other = await request(http).post('/v1/t').set('Origin', OTHER).set('Content-Type', 'text/plain').send(JSON.stringify({ writeKey: key, type: 'track', event: 'Post Created', messageId: 'w-cors-1', anonymousId: 'a' })).expect(403);
    expect(other.body.message).toMatch(/^Origin: https:\/\/elsewhere\.example\.com is not an allowed origin of this browser write key/);
    // A server key (no origins) is refused from every page.
    const server = await request(http).post('/v1/batch').set('Origin', PAGE).set('Authorization', `Bearer ${serverKey}`).send({ batch: [] }).expect(403);
    expect(server.body.message).toMatch(/^Origin: this write key is not a browser key/);
    // This site's own pages (the API docs' "try it out") are not another origin.
    await request(http).post('/v1/batch').set('Origin', 'https://hubpulse.example.com').set('Authorization', `Bearer ${serverKey}`).send({ batch: [{ type: 'page', messageId: 'w-own-1', userId: 'p1' }] }).expect(200);
    expect(await stored(['w-cors-1'])).toEqual([]);
  });

  it('takes posthog-js bodies: a base64 data= form, gzip-js as text/plain, the token in each event; a beacon duplicate counts once', async () => {
    const form = `data=${encodeURIComponent(Buffer.from(JSON.stringify([phEvent('w-ph-1')])).toString('base64'))}`;
    const a = await request(http).post('/e/?compression=base64').set('Origin', PAGE).set('Content-Type', 'application/x-www-form-urlencoded').send(form).expect(200);
    expect(a.headers['access-control-allow-origin']).toBe(PAGE);
    expect(a.body).toEqual({ status: 1, accepted: 1, rejected: [] });

    const gz = gzipSync(JSON.stringify([phEvent('w-ph-2', { distinct_id: 'p0042', $is_identified: true }), { event: '$identify', uuid: 'w-ph-3', properties: { token: key, distinct_id: 'p0042', $anon_distinct_id: 'dev-1' }, $set: {} }]));
    const post = () => request(http).post('/i/v0/e/?compression=gzip-js&ver=1.449.2').set('Origin', PAGE).set('Content-Type', 'text/plain').send(gz);
    expect((await post().expect(200)).body).toEqual({ status: 1, accepted: 2, rejected: [] });
    await post().expect(200); // the same batch again, as a sendBeacon on unload may repeat it
    expect(await stored(['w-ph-1', 'w-ph-2', 'w-ph-3'])).toEqual([
      { event_id: 'w-ph-1', type: 'view', actor_id: 'anon:dev-1', content_id: '/news/1' },
      { event_id: 'w-ph-2', type: 'view', actor_id: 'p0042', content_id: '/news/1' },
    ]);
  });

  it("takes analytics.js' short paths and batches (key in the body, text/plain) and RudderStack's beacon (key in the query)", async () => {
    const t = await request(http)
      .post('/v1/t')
      .set('Origin', PAGE)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ writeKey: key, type: 'track', event: 'Reaction Added', messageId: 'w-seg-1', anonymousId: 'anon-7', userId: 'p0042', properties: { content_id: 'post-1' }, timestamp: '2026-12-01T09:00:00.000Z' }))
      .expect(200);
    expect(t.body).toEqual({ success: true, accepted: 1, rejected: [] });
    const b = { writeKey: key, batch: [{ type: 'page', messageId: 'w-seg-2', anonymousId: 'anon-7', properties: { path: '/news/2' }, timestamp: '2026-12-01T09:00:01.000Z' }] };
    await request(http).post('/v1/b').set('Origin', PAGE).set('Content-Type', 'text/plain').send(JSON.stringify(b)).expect(200);
    const beacon = { batch: [{ type: 'track', event: 'Comment Added', messageId: 'w-rs-1', anonymousId: 'rs-anon', properties: { content_id: 'post-3' }, originalTimestamp: '2026-12-01T09:00:02.000Z' }] };
    const r = await request(http).post(`/beacon/v1/batch?writeKey=${encodeURIComponent(key)}`).set('Origin', PAGE).set('Content-Type', 'text/plain;charset=UTF-8').send(JSON.stringify(beacon)).expect(200);
    expect(r.body).toEqual({ success: true, accepted: 1, rejected: [] });
    expect(await stored(['w-seg-1', 'w-seg-2', 'w-rs-1'])).toEqual([
      { event_id: 'w-rs-1', type: 'comment', actor_id: 'anon:rs-anon', content_id: 'post-3' },
      { event_id: 'w-seg-1', type: 'react', actor_id: 'p0042', content_id: 'post-1' },
      { event_id: 'w-seg-2', type: 'view', actor_id: 'anon:anon-7', content_id: '/news/2' },
    ]);
  });

  it('answers the settings, source config, remote config and flags the SDKs fetch first', async () => {
    const settings = await request(http).get(`/v1/projects/${key}/settings`).set('Origin', PAGE).expect(200);
    expect(settings.headers['access-control-allow-origin']).toBe(PAGE);
    expect(settings.body.integrations['Segment.io']).toMatchObject({ apiKey: key, apiHost: 'hubpulse.example.com/v1', protocol: 'https' });
    expect(settings.body.remotePlugins).toEqual([]);
    expect((await request(http).get('/v1/projects/hp_wk_nope/settings').expect(404)).body.message).toMatch(/^writeKey: no active write key/);

    const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    const source = await request(http).get(`/sourceConfig/?p=npm&v=3.34.1&writeKey=${key}`).set('Origin', PAGE).set('Authorization', basic).expect(200);
    expect(source.body.source).toMatchObject({ id: keyId, enabled: true, destinations: [] });
    expect((await request(http).get('/sourceConfig/').expect(401)).body.message).toMatch(/^Authorization: missing/);

    const remote = await request(http).get(`/array/${key}/config`).set('Origin', PAGE).expect(200);
    expect(remote.body).toMatchObject({ token: key, supportedCompression: ['gzip-js'], hasFeatureFlags: false, sessionRecording: false });
    const script = await request(http).get(`/array/${key}/config.js`).expect(200);
    expect(script.headers['content-type']).toMatch(/^application\/javascript/);
    expect(script.text).toContain(`window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(key)}]=`);
    const flagsBody = `data=${encodeURIComponent(Buffer.from(JSON.stringify({ token: key, distinct_id: 'dev-1' })).toString('base64'))}`;
    const flags = await request(http).post('/flags/?v=2&compression=base64').set('Origin', PAGE).set('Content-Type', 'application/x-www-form-urlencoded').send(flagsBody).expect(200);
    expect(flags.body).toMatchObject({ flags: {}, featureFlags: {}, errorsWhileComputingFlags: false });
    // documented beside the other routes
    const doc = (await request(http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/projects/{writeKey}/settings', '/sourceConfig', '/beacon/v1/batch', '/array/{token}/config', '/flags', '/i/v0/e/']));
    expect(doc.paths['/api/ingestion/keys/{id}'].patch).toBeDefined();
  });

  it('answers a 4xx naming what is wrong', async () => {
    const post = (path: string, body: string | Buffer, type = 'text/plain') => request(http).post(path).set('Origin', PAGE).set('Content-Type', type).send(body);
    const missing = await post('/i/v0/e/', JSON.stringify([{ event: '$pageview', uuid: 'x', properties: { distinct_id: 'd' } }])).expect(401);
    expect(missing.body.message).toMatch(/^api_key: missing/);
    // the page may read why (its origin is allowed by a browser key), so the SDK sees the 401, not a CORS failure
    expect(missing.headers['access-control-allow-origin']).toBe(PAGE);
    const elsewhere = await request(http).post('/i/v0/e/').set('Origin', OTHER).set('Content-Type', 'text/plain').send('[]').expect(401);
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
    expect((await post('/e/?compression=base64', 'data=bm90IGpzb24=', 'application/x-www-form-urlencoded').expect(400)).body.message).toEqual([expect.stringMatching(/^body: not valid JSON/)]);
    expect((await post('/v1/p', JSON.stringify({ type: 'page', messageId: 'x', anonymousId: 'a' })).expect(401)).body.message).toMatch(/^Authorization: missing; .*writeKey in the body/);
    expect((await post('/beacon/v1/batch?writeKey=hp_wk_unknown_key', JSON.stringify({ batch: [] })).expect(401)).body.message).toBe('Authorization: unknown or revoked write key');
    const partly = await post('/v1/b', JSON.stringify({ writeKey: key, batch: [{ type: 'track', event: 'Post Created', anonymousId: 'a' }] })).expect(200);
    expect(partly.body.rejected).toEqual([{ index: 0, errors: ['messageId: is required'] }]);
    // Errors carry CORS headers for an allowed origin, so the page's SDK can read them.
    expect(partly.headers['access-control-allow-origin']).toBe(PAGE);
  });
});
