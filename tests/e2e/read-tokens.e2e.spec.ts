import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AuditLogEntryDto, ReadTokenAdminListDto, ReadTokenCreatedDto, ReadTokenListDto } from '@hubpulse/contracts';
import { DATA_SOURCE, ReadTokenEntity } from '@hubpulse/database';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { RELATIONAL_STORES, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * Personal read tokens (issue 14) end to end on chDB + SQLite / PostgreSQL + Redis: made by a
 * signed-in user and shown once, listed without the secret, revoked by the owner or an admin; a token
 * opens the GET routes its owner's role may read — re-checked at each use — and nothing else; an
 * expired, revoked or unknown token and a deactivated owner get 401; every use is in the audit log.
 */
describe.each(RELATIONAL_STORES)('read tokens (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let analyst: string;
  let analystId: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const create = async (cookie: string, body: Record<string, unknown>) => (await request(http).post('/api/me/tokens').set('Cookie', cookie).send(body).expect(201)).body as ReadTokenCreatedDto;
  const own = async (cookie: string) => ((await request(http).get('/api/me/tokens').set('Cookie', cookie).expect(200)).body as ReadTokenListDto).tokens;
  const audit = async (query: Record<string, string | number>) => (await request(http).get('/api/audit').query(query).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[];
  /** The uses of a token, newest first, once `count` of them are recorded (each is written as its answer is sent). */
  const uses = (id: string, count: number) =>
    waitFor(async () => {
      const found = await audit({ action: 'read_token.use', target: `read_token:${id}`, limit: 1000 });
      return found.length >= count ? found : null;
    }, `${count} recorded uses of read token ${id}`);

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    app = await createApiApp(testConfig(r.env), { logger: ['error'] });
    http = app.getHttpServer();
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    analystId = (await app.get(AuthService).createUser({ email: 'ana.lyst@corp.example', password: 'an analyst reads numbers', name: 'Ana Lyst', role: 'analyst' })).id;
    analyst = await signIn(http, 'ana.lyst@corp.example', 'an analyst reads numbers');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('creates a token shown once, lists it without the secret, and answers 400 naming each bad field', async () => {
    const before = Date.now();
    const made = await create(analyst, { name: 'Quarterly notebook', expires_in_days: 30 });
    expect(made.token).toMatch(/^hp_rt_[A-Za-z0-9_-]{32}$/);
    expect(made).toMatchObject({ name: 'Quarterly notebook', prefix: made.token.slice(0, 12), last_used_at: null, revoked_at: null, status: 'active' });
    const days = (Date.parse(made.expires_at) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    const defaulted = await create(analyst, { name: 'Default expiry' });
    expect((Date.parse(defaulted.expires_at) - Date.parse(defaulted.created_at)) / 86_400_000).toBe(90);

    const listed = await own(analyst);
    expect(listed.map((t) => t.name)).toEqual(['Default expiry', 'Quarterly notebook']);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(await own(admin)).toEqual([]); // someone else's are not yours

    const bad = await request(http).post('/api/me/tokens').set('Cookie', analyst).send({ name: ' ', expires_in_days: 400, scope: 'all' }).expect(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['name: must not be empty', 'expires_in_days: must be at most 365 days (a year)', 'unknown field(s) scope']));
    await request(http).post('/api/me/tokens').set('Cookie', analyst).send({ name: 'x', expires_in_days: 1.5 }).expect(400);
    await request(http).post('/api/me/tokens').send({ name: 'anonymous' }).expect(401);

    expect((await audit({ action: 'read_token.create', target: `read_token:${made.id}` }))[0]).toMatchObject({ actor: 'ana.lyst@corp.example', details: { name: 'Quarterly notebook', expires_at: made.expires_at } });
    expect(JSON.stringify(await audit({ action: 'read_token.', limit: 1000 }))).not.toContain(made.token);
  });

  it('opens the GET routes of its owner’s role as the owner, HEAD too, and nothing an analyst may not read', async () => {
    const { id, token } = await create(analyst, { name: 'BI tool' });
    expect((await request(http).get('/api/auth/me').set(bearer(token)).expect(200)).body.user).toMatchObject({ id: analystId, email: 'ana.lyst@corp.example', role: 'analyst' });
    await request(http).get('/api/overview').set(bearer(token)).expect(200);
    await request(http).get('/api/goals').set(bearer(token)).expect(200);
    await request(http).head('/api/engagement/models').set(bearer(token)).expect(200);
    // what an analyst's session may not read, the analyst's token may not either
    expect((await request(http).get('/api/audit').set(bearer(token)).expect(403)).body.message).toBe('This needs the role admin; the owner of this read token is analyst');
    await request(http).get('/api/users').set(bearer(token)).expect(403);
    await request(http).get('/api/segments/people').set(bearer(token)).expect(403);
    await request(http).get('/api/engagement/people').set(bearer(token)).expect(403);

    const recorded = await uses(id, 8);
    expect(recorded.map((e) => [e.details?.method, e.details?.path, e.details?.status]).reverse()).toEqual([
      ['GET', '/api/auth/me', 200],
      ['GET', '/api/overview', 200],
      ['GET', '/api/goals', 200],
      ['HEAD', '/api/engagement/models', 200],
      ['GET', '/api/audit', 403],
      ['GET', '/api/users', 403],
      ['GET', '/api/segments/people', 403],
      ['GET', '/api/engagement/people', 403],
    ]);
    expect(recorded.every((e) => e.actor === 'ana.lyst@corp.example')).toBe(true);
    const listed = (await own(analyst)).find((t) => t.id === id)!;
    expect(listed.last_used_at).not.toBeNull();
  });

  it('refuses every state-changing method, token management, and ingestion — also beside a session cookie', async () => {
    const { id, token } = await create(admin, { name: 'admin reads' });
    await request(http).get('/api/audit').set(bearer(token)).expect(200); // an admin's token reads admin routes
    const post = await request(http).post('/api/goals').set(bearer(token)).send({ name: 'x' }).expect(403);
    expect(post.body.message).toBe('A read token opens GET routes only; POST needs a signed-in session');
    await request(http).put('/api/me/password').set(bearer(token)).send({ current_password: 'correct horse battery', new_password: 'a brand new passphrase' }).expect(403);
    await request(http).patch(`/api/users/${analystId}`).set(bearer(token)).send({ active: false }).expect(403);
    await request(http).delete(`/api/me/tokens/${id}`).set(bearer(token)).expect(403);
    await request(http).post('/api/me/tokens').set(bearer(token)).send({ name: 'a token making tokens' }).expect(403);
    expect((await request(http).get('/api/me/tokens').set(bearer(token)).expect(403)).body.message).toBe('A read token cannot list, create or revoke tokens; sign in to manage them');
    await request(http).get('/api/read-tokens').set(bearer(token)).expect(403);
    // a session cookie sent along does not widen it
    await request(http).post('/api/goals').set(bearer(token)).set('Cookie', admin).send({ name: 'x' }).expect(403);
    // a read token is no write key
    await request(http).post('/v1/events').set(bearer(token)).send({ events: [] }).expect(401);
    await request(http).post('/api/imports?kind=people&filename=p.ndjson').set(bearer(token)).set('Content-Type', 'application/x-ndjson').send('{}\n').expect(403);

    expect(await own(analyst)).not.toHaveLength(0);
    expect((await own(admin)).find((t) => t.id === id)).toMatchObject({ status: 'active', revoked_at: null });
    expect((await audit({ action: 'user.' })).filter((e) => e.action === 'user.deactivate')).toEqual([]);
    const statuses = (await uses(id, 9)).map((e) => `${e.details?.method} ${e.details?.path} ${e.details?.status}`);
    expect(statuses).toEqual(expect.arrayContaining(['POST /api/goals 403', 'PATCH /api/users/' + analystId + ' 403', 'GET /api/me/tokens 403']));
  });

  it('answers 401 to unknown, expired and revoked tokens and to a deactivated owner, and follows a role change at once', async () => {
    await request(http).get('/api/overview').set(bearer('hp_rt_not-a-token-anyone-made')).expect(401);

    const expiring = await create(analyst, { name: 'expires', expires_in_days: 1 });
    await request(http).get('/api/overview').set(bearer(expiring.token)).expect(200);
    await app.get<DataSource>(DATA_SOURCE).getRepository(ReadTokenEntity).update({ id: expiring.id }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await request(http).get('/api/overview').set(bearer(expiring.token)).expect(401)).body.message).toMatch(/^Authorization: this read token expired at /);
    expect((await own(analyst)).find((t) => t.id === expiring.id)?.status).toBe('expired');

    const revoked = await create(analyst, { name: 'revoked by its owner' });
    await request(http).delete(`/api/me/tokens/${revoked.id}`).set('Cookie', admin).expect(404); // not the admin's own
    await request(http).delete(`/api/me/tokens/${revoked.id}`).set('Cookie', analyst).expect(204);
    expect((await request(http).get('/api/overview').set(bearer(revoked.token)).expect(401)).body.message).toBe('Authorization: this read token was revoked');
    expect((await own(analyst)).find((t) => t.id === revoked.id)).toMatchObject({ status: 'revoked', revoked_at: expect.any(String) });
    expect((await audit({ action: 'read_token.revoke', target: `read_token:${revoked.id}` }))[0]).toMatchObject({ actor: 'ana.lyst@corp.example', details: { name: 'revoked by its owner' } });
    await request(http).delete(`/api/me/tokens/not-an-id`).set('Cookie', analyst).expect(400);

    const live = await create(analyst, { name: 'follows the owner' });
    await request(http).get('/api/audit').set(bearer(live.token)).expect(403);
    await request(http).patch(`/api/users/${analystId}`).set('Cookie', admin).send({ role: 'admin' }).expect(200);
    await request(http).get('/api/audit').set(bearer(live.token)).expect(200); // the new role, at the next request
    await request(http).patch(`/api/users/${analystId}`).set('Cookie', admin).send({ role: 'analyst' }).expect(200);
    await request(http).get('/api/audit').set(bearer(live.token)).expect(403);
    await request(http).patch(`/api/users/${analystId}`).set('Cookie', admin).send({ active: false }).expect(200);
    expect((await request(http).get('/api/overview').set(bearer(live.token)).expect(401)).body.message).toBe('Authorization: the owner of this read token is deactivated');
    await request(http).patch(`/api/users/${analystId}`).set('Cookie', admin).send({ active: true }).expect(200);
    await request(http).get('/api/overview').set(bearer(live.token)).expect(200);
    analyst = await signIn(http, 'ana.lyst@corp.example', 'an analyst reads numbers'); // deactivation ended the session, not the token

    const liveUses = (await uses(live.id, 5)).map((e) => `${e.details?.path} ${e.details?.status}`).reverse();
    expect(liveUses).toEqual(['/api/audit 403', '/api/audit 200', '/api/audit 403', '/api/overview 401', '/api/overview 200']);
    expect((await uses(revoked.id, 1)).map((e) => e.details?.status)).toEqual([401]);
  });

  it('lets admins list everyone’s tokens with their owner and revoke any of them; others get 403', async () => {
    const made = await create(analyst, { name: 'an admin will revoke this' });
    await request(http).get('/api/read-tokens').set('Cookie', analyst).expect(403);
    await request(http).delete(`/api/read-tokens/${made.id}`).set('Cookie', analyst).expect(403);
    const all = ((await request(http).get('/api/read-tokens').set('Cookie', admin).expect(200)).body as ReadTokenAdminListDto).tokens;
    expect(all.find((t) => t.id === made.id)).toMatchObject({ name: 'an admin will revoke this', owner: { id: analystId, email: 'ana.lyst@corp.example', role: 'analyst', active: true } });
    expect(JSON.stringify(all)).not.toContain(made.token);
    await request(http).delete(`/api/read-tokens/${made.id}`).set('Cookie', admin).expect(204);
    await request(http).delete(`/api/read-tokens/${made.id}`).set('Cookie', admin).expect(204); // again: nothing changes, nothing recorded
    await request(http).delete('/api/read-tokens/00000000-0000-4000-8000-000000000000').set('Cookie', admin).expect(404);
    await request(http).get('/api/overview').set(bearer(made.token)).expect(401);
    expect(await audit({ action: 'read_token.revoke', target: `read_token:${made.id}` })).toEqual([
      expect.objectContaining({ actor: 'admin@test.local', details: { name: 'an admin will revoke this', owner: 'ana.lyst@corp.example' } }),
    ]);
  });

  it('documents its routes, the create body and the read-token scheme in the OpenAPI description', async () => {
    const doc = (await request(http).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { securitySchemes: Record<string, { scheme?: string; description?: string }> };
    };
    expect(doc.paths['/api/me/tokens'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.paths['/api/me/tokens']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/me/tokens/{id}'])).toEqual(['delete']);
    expect(Object.keys(doc.paths['/api/read-tokens'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/read-tokens/{id}'])).toEqual(['delete']);
    expect(doc.components.securitySchemes['read-token']).toMatchObject({ scheme: 'bearer', description: expect.stringContaining('hp_rt_') });
  });
});
