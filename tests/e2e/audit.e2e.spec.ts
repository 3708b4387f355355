import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import type { AuditFacetsDto, AuditLogEntryDto, GoalDetailDto, InviteCreatedDto, ProgrammeDto, SegmentSavedDto } from '@hubpulse/contracts';
import { AUDIT_KEY, type AuditMeta } from '../../apps/api/src/audit/audit.decorator';
import { createApiApp } from '../../apps/api/src/app-factory';
import { RELATIONAL_STORES, signIn, testConfig } from '@hubpulse/testing';

const WRITES = new Set([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);

/** Every state-changing Nest route of the running app with its audit decision (undefined = none). */
function writeRoutes(app: INestApplication): { route: string; meta: AuditMeta | undefined }[] {
  const out: { route: string; meta: AuditMeta | undefined }[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const proto = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!proto) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = (proto as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined || !WRITES.has(method)) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        out.push({ route: `${RequestMethod[method]} /${[base, path].filter((p) => p && p !== '/').join('/')}`, meta: Reflect.getMetadata(AUDIT_KEY, handler) as AuditMeta | undefined });
      }
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The audit log end to end on chDB + SQLite / PostgreSQL: every administrative change is recorded
 * with who, what and the target (secrets never), a refused request is not, and the log reads back
 * filtered, paged and exported as CSV — for admins only.
 */
describe.each(RELATIONAL_STORES)('audit log (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let leader: string;

  const audit = async (query: Record<string, string | number> = {}, cookie = admin, status = 200) => (await request(http).get('/api/audit').query(query).set('Cookie', cookie).expect(status)).body as AuditLogEntryDto[];
  const latest = async (action: string) => (await audit({ action, limit: 1 }))[0];

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    app = await createApiApp(testConfig(r.env), { logger: ['error'] });
    http = app.getHttpServer();
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    const invite = (await request(http).post('/api/users/invites').set('Cookie', admin).send({ email: 'Lena_Leader@corp.example', role: 'leader' }).expect(201)).body as InviteCreatedDto;
    const token = invite.invite.url!.slice(invite.invite.url!.lastIndexOf('/') + 1);
    const accepted = await request(http).post(`/api/invites/${token}/accept`).send({ password: 'a long enough leader passphrase' }).expect(200);
    leader = (accepted.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('has an audit decision on every state-changing route', () => {
    const routes = writeRoutes(app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !r.meta).map((r) => r.route)).toEqual([]);
    // The decisions read as a list an auditor can check: what is recorded, by whom, and what is not and why.
    const byKind = (kind: AuditMeta['kind']) => routes.filter((r) => r.meta?.kind === kind).map((r) => r.route);
    expect(byKind('none')).toEqual([
      'DELETE /api/me/sessions',
      'DELETE /api/me/sessions/:id',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/segments/preview',
    ]);
    expect(byKind('service')).toEqual(expect.arrayContaining(['PATCH /api/users/:id', 'POST /api/ingestion/keys', 'DELETE /api/ingestion/keys/:id', 'POST /api/invites/:token/accept']));
  });

  it('records goals, KPI values and links with who, the target and what was sent; a refused change is not recorded', async () => {
    const goalBody = { name: 'Grow Sales revenue', metric: 'revenue', scope: 'department', scope_value: 'Sales', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 160, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31' };
    const goal = (await request(http).post('/api/goals').set('Cookie', leader).send(goalBody).expect(201)).body as GoalDetailDto;
    expect(await latest('goal.create')).toMatchObject({ actor: 'lena_leader@corp.example', target: `goal:${goal.id}`, details: { name: 'Grow Sales revenue', metric: 'revenue', baseline: 100, target: 160 } });

    await request(http).put(`/api/goals/${goal.id}`).set('Cookie', leader).send({ target: 'lots' }).expect(400);
    await request(http).put(`/api/goals/${goal.id}`).set('Cookie', leader).send({ target: 170 }).expect(200);
    const updates = await audit({ action: 'goal.update' });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ target: `goal:${goal.id}`, details: { name: 'Grow Sales revenue', target: 170 } });

    await request(http).post(`/api/goals/${goal.id}/values`).set('Cookie', leader).send({ values: [{ period: '2026-01', value: 101 }, { period: '2026-02', value: 104 }] }).expect(201);
    expect((await latest('kpi.values.set')).details).toEqual({ periods: '2026-01, 2026-02', created: 2, updated: 0, unchanged: 0 });
    await request(http).put(`/api/goals/${goal.id}/values/2026-03`).set('Cookie', leader).send({ value: 107, note: 'restated' }).expect(200);
    expect((await latest('kpi.value.set')).details).toEqual({ period: '2026-03', value: 107, note: 'restated' });
    await request(http).delete(`/api/goals/${goal.id}/values/2026-03`).set('Cookie', leader).expect(204);
    expect((await latest('kpi.value.delete')).details).toEqual({ period: '2026-03' });
    await request(http).post(`/api/goals/${goal.id}/values/import?filename=kpi.csv`).set('Cookie', leader).set('Content-Type', 'text/csv').send('period,value,note\n2026-04,110,\n2026-05,oops,\n').expect(200);
    expect((await latest('kpi.values.import')).details).toMatchObject({ filename: 'kpi.csv', rows: 2, stored: 1 });

    const link = (await request(http).post(`/api/goals/${goal.id}/links`).set('Cookie', leader).send({ kind: 'scope', scope: 'organisation', hypothesis: 'Everyone reads more, sells more' }).expect(201)).body as { id: string };
    expect((await latest('goal.link.create')).details).toMatchObject({ link_id: link.id, kind: 'scope', scope: 'organisation', hypothesis: 'Everyone reads more, sells more' });
    await request(http).delete(`/api/goals/${goal.id}/links/${link.id}`).set('Cookie', leader).expect(204);
    expect(await latest('goal.link.delete')).toMatchObject({ target: `goal:${goal.id}`, details: { link_id: link.id } });
    await request(http).delete(`/api/goals/${goal.id}`).set('Cookie', admin).expect(204);
    expect(await latest('goal.delete')).toMatchObject({ actor: 'admin@test.local', target: `goal:${goal.id}` });
  });

  it('records segments, programmes, the scoring model, event mappings, imports and the directory', async () => {
    const saved = (await request(http).post('/api/segments').set('Cookie', admin).send({ name: 'Berlin', rule: { kind: 'attribute', field: 'location', op: 'in', values: ['Berlin'] } }).expect(201)).body as SegmentSavedDto;
    const seg = saved.segment.id;
    expect(await latest('segment.create')).toMatchObject({ target: `segment:${seg}`, details: { name: 'Berlin', rule: { kind: 'attribute', field: 'location', op: 'in', values: ['Berlin'] } } });
    await request(http).post('/api/segments/preview').set('Cookie', admin).send({ rule: { kind: 'attribute', field: 'location', op: 'in', values: ['Paris'] } }).expect(200);
    expect(await audit({ action: 'segment.preview' })).toEqual([]);
    await request(http).put(`/api/segments/${seg}`).set('Cookie', admin).send({ description: 'Berlin office' }).expect(200);
    expect((await latest('segment.update')).details).toEqual({ name: 'Berlin', description: 'Berlin office' });

    const measure = { metric: 'read_rate', target: 0.5, from: '2026-03-01', to: '2026-03-31' };
    const programme = (await request(http).post('/api/programmes').set('Cookie', admin).send({ name: 'Berlin push', segment_id: seg, channels: ['blog'], tactic: { kind: 'leader_led' }, content: { purposes: ['inform'] }, measure }).expect(201)).body as ProgrammeDto;
    expect(await latest('programme.create')).toMatchObject({ target: `programme:${programme.id}`, details: { name: 'Berlin push', segment_id: seg } });
    await request(http).delete(`/api/programmes/${programme.id}`).set('Cookie', admin).expect(204);
    expect(await latest('programme.delete')).toMatchObject({ target: `programme:${programme.id}` });
    await request(http).delete(`/api/segments/${seg}`).set('Cookie', admin).expect(200);
    expect(await latest('segment.archive')).toMatchObject({ target: `segment:${seg}` });

    const model = (await request(http).get('/api/engagement/models').set('Cookie', admin).expect(200)).body[0];
    const created = (await request(http).post('/api/engagement/models').set('Cookie', admin).send({ weights: model.weights, half_lives: model.half_lives, daily_caps: {}, lookback_days: 60, note: 'shorter memory' }).expect(201)).body;
    expect(await latest('scoring_model.create')).toMatchObject({ target: `scoring_model:v${created.model.version}`, details: { lookback_days: 60, note: 'shorter memory', job_id: created.job_id, weights: model.weights } });

    const mappings = (await request(http).get('/api/ingestion/mappings').set('Cookie', admin).expect(200)).body.mappings as unknown[];
    await request(http).put('/api/ingestion/mappings').set('Cookie', admin).send({ mappings }).expect(200);
    expect(await latest('event_mappings.replace')).toMatchObject({ target: 'event_mappings', details: { mappings: expect.anything() } });

    const upload = await request(http).post('/api/imports?kind=people&filename=people.ndjson').set('Cookie', admin).set('Content-Type', 'application/x-ndjson').send('{"person_id":"p1","name":"Ann","department":"Sales","location":"Berlin"}\n').expect(202);
    expect(await latest('import.upload')).toMatchObject({ target: `import:${upload.body.import.id}`, details: { kind: 'people', filename: 'people.ndjson' } });

    const key = (await request(http).post('/api/ingestion/keys').set('Cookie', admin).send({ name: 'HR sync', scopes: ['events', 'directory'] }).expect(201)).body as { id: string; key: string };
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key.key}`).send({ people: [{ person_id: 'p2', name: 'Ben', department: 'Sales', location: 'Paris' }] }).expect(200);
    expect(await latest('directory.people.upsert')).toMatchObject({ actor: `write_key:${key.id}`, target: 'directory:people', details: { people: 1, upserted: 1 } });
  });

  it('never records a secret', async () => {
    const invite = (await request(http).post('/api/users/invites').set('Cookie', admin).send({ email: 'new.analyst@corp.example', role: 'analyst' }).expect(201)).body as InviteCreatedDto;
    const token = invite.invite.url!.slice(invite.invite.url!.lastIndexOf('/') + 1);
    await request(http).post(`/api/invites/${token}/accept`).send({ password: 'my very secret passphrase' }).expect(200);
    expect(await latest('user.invite.accept')).toMatchObject({ actor: 'new.analyst@corp.example', target: `user:${invite.user.id}`, details: { role: 'analyst' } });
    const everything = JSON.stringify(await audit({ limit: 1000 }));
    expect(everything).not.toContain('my very secret passphrase');
    expect(everything).not.toContain('a long enough leader passphrase');
    expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/hp_wk_[A-Za-z0-9]{20}/);
  });

  it('filters by action family, actor (part, any case, LIKE characters literal), target and days; pages on without gaps', async () => {
    const goals = await audit({ action: 'goal.' });
    expect(new Set(goals.map((e) => e.action))).toEqual(new Set(['goal.create', 'goal.update', 'goal.delete', 'goal.link.create', 'goal.link.delete']));
    expect((await audit({ actor: 'LENA_' })).every((e) => e.actor === 'lena_leader@corp.example')).toBe(true);
    expect((await audit({ actor: 'LENA_' })).length).toBeGreaterThan(5);
    expect(await audit({ actor: 'lena%' })).toEqual([]);
    expect((await audit({ actor: 'write_key:' })).map((e) => e.action)).toEqual(['directory.people.upsert']);
    const today = new Date().toISOString().slice(0, 10);
    const all = await audit({ limit: 1000 });
    expect(await audit({ from: today, to: today, limit: 1000 })).toEqual(all);
    expect(await audit({ to: '2020-01-01' })).toEqual([]);
    const one = all.find((e) => e.action === 'goal.delete')!;
    expect((await audit({ target: one.target })).map((e) => e.target)).toEqual(expect.arrayContaining([one.target]));

    // Newest first; pages of 4 joined give the whole log in the same order, once each.
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    const paged: AuditLogEntryDto[] = [];
    for (let before: string | undefined; ; ) {
      const page = await audit({ limit: 4, ...(before ? { before } : {}) });
      paged.push(...page);
      if (page.length < 4) break;
      before = page[page.length - 1].id;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));

    const facets = (await request(http).get('/api/audit/facets').set('Cookie', admin).expect(200)).body as AuditFacetsDto;
    expect(facets.actions).toEqual(expect.arrayContaining(['goal.create', 'segment.create', 'import.upload', 'user.invite']));
    expect(facets.actors).toEqual(expect.arrayContaining(['admin@test.local', 'lena_leader@corp.example']));
  });

  it('names each bad filter in a 400', async () => {
    const bad = async (query: Record<string, string>) => (await request(http).get('/api/audit').query(query).set('Cookie', admin).expect(400)).body.message as string[];
    expect(await bad({ from: '2026-13-01' })).toEqual(['from: must be a day YYYY-MM-DD']);
    expect(await bad({ from: '2026-03-02', to: '2026-03-01' })).toEqual(['from: must not be after to']);
    expect(await bad({ before: 'yesterday' })).toEqual(['before: must be the id of an audit entry']);
    expect(await bad({ limit: '0' })).toEqual(['limit: must be at least 1']);
    expect((await bad({ who: 'me' }))[0]).toMatch(/unknown parameter\(s\) who/);
    expect((await request(http).get('/api/audit/export.csv').query({ to: 'never' }).set('Cookie', admin).expect(400)).body.message).toEqual(['to: must be a day YYYY-MM-DD']);
  });

  it('exports every matching entry as CSV, the export itself recorded first', async () => {
    const res = await request(http).get('/api/audit/export.csv').query({ action: 'goal.' }).set('Cookie', admin).expect(200).expect('Content-Type', /text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="hubpulse-audit-log-\d{4}-\d\d-\d\dT\d{4}Z\.csv"$/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,actor,action,action_label,target,details');
    expect(lines).toHaveLength(1 + (await audit({ action: 'goal.' })).length);
    expect(lines.find((l) => l.includes(',goal.create,'))).toMatch(/^\S+Z,lena_leader@corp\.example,goal\.create,Created a goal,goal:[0-9a-f-]+,"\{""name"":""Grow Sales revenue""/);
    expect(await latest('audit.export')).toMatchObject({ actor: 'admin@test.local', target: 'audit_log', details: { action: 'goal.', format: 'csv' } });
    const everything = await request(http).get('/api/audit/export.csv').set('Cookie', admin).expect(200);
    expect(everything.text.trimEnd().split('\r\n')).toHaveLength(1 + (await audit({ limit: 1000 })).length);
  });

  it('is for admins only', async () => {
    await audit({}, leader, 403);
    await request(http).get('/api/audit/facets').set('Cookie', leader).expect(403);
    await request(http).get('/api/audit/export.csv').set('Cookie', leader).expect(403);
    await request(http).get('/api/audit').expect(401);
  });
});
