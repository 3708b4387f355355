import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AuditLogEntryDto, GlossaryDto, SavedViewDto } from '@hubpulse/contracts';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { RELATIONAL_STORES, signIn, testConfig } from '@hubpulse/testing';

/**
 * Saved views (issue 14) end to end on chDB + SQLite / PostgreSQL: create, list, rename, share,
 * change and delete; who sees and opens a shared view (page access from contracts, the table behind
 * the dashboard's gates); 400s naming each bad field; every change in the audit log.
 */
describe.each(RELATIONAL_STORES)('saved views (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let leader: string;
  let planner: string;
  let analyst: string;

  const list = async (cookie: string) => (await request(http).get('/api/saved-views').set('Cookie', cookie).expect(200)).body as SavedViewDto[];
  const create = async (cookie: string, body: Record<string, unknown>) => (await request(http).post('/api/saved-views').set('Cookie', cookie).send(body).expect(201)).body as SavedViewDto;
  const latest = async (action: string) => ((await request(http).get('/api/audit').query({ action, limit: 1 }).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[])[0];

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    app = await createApiApp(testConfig(r.env), { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'leader@test.local', password: 'leader password 1', name: 'Lee', role: 'leader' });
    await auth.createUser({ email: 'planner@test.local', password: 'planner password 1', name: 'Pia', role: 'planner' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana', role: 'analyst' });
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    leader = await signIn(http, 'leader@test.local', 'leader password 1');
    planner = await signIn(http, 'planner@test.local', 'planner password 1');
    analyst = await signIn(http, 'analyst@test.local', 'analyst password 1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('creates, lists, renames, changes the state of and deletes an own view, each change audited', async () => {
    const v = await create(analyst, { name: ' Departments, 180 days ', path: '/engagement', query: '?by=department&days=180' });
    expect(v).toMatchObject({ name: 'Departments, 180 days', path: '/engagement', query: 'by=department&days=180', shared: false, page_label: 'Engagement → scores', mine: true, can_delete: true });
    expect(v.owner).toMatchObject({ email: 'analyst@test.local', name: 'Ana' });
    expect(await latest('saved_view.create')).toMatchObject({ actor: 'analyst@test.local', target: `saved_view:${v.id}`, details: { name: 'Departments, 180 days', path: '/engagement', query: 'by=department&days=180', shared: false } });

    expect((await list(analyst)).map((x) => x.id)).toContain(v.id);
    expect((await list(leader)).map((x) => x.id)).not.toContain(v.id); // private

    const renamed = (await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', analyst).send({ name: 'Departments' }).expect(200)).body as SavedViewDto;
    expect(renamed).toMatchObject({ name: 'Departments', query: 'by=department&days=180' });
    expect(renamed.updated_at >= v.updated_at).toBe(true);
    const moved = (await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', analyst).send({ path: '/engagement/purposes', query: 'weeks=26' }).expect(200)).body as SavedViewDto;
    expect(moved).toMatchObject({ name: 'Departments', path: '/engagement/purposes', query: 'weeks=26', page_label: 'Engagement → purposes' });
    expect(await latest('saved_view.update')).toMatchObject({ actor: 'analyst@test.local', target: `saved_view:${v.id}`, details: { path: '/engagement/purposes', query: 'weeks=26' } });

    await request(http).delete(`/api/saved-views/${v.id}`).set('Cookie', analyst).expect(204);
    expect(await latest('saved_view.delete')).toMatchObject({ actor: 'analyst@test.local', target: `saved_view:${v.id}` });
    expect((await request(http).get(`/api/saved-views/${v.id}`).set('Cookie', analyst).expect(404)).body.message).toBe(`id: no saved view ${v.id} (it was deleted, or it is private to its owner)`);
  });

  it('shares a view with the roles that may open its page, and only its owner changes it', async () => {
    const v = await create(planner, { name: 'Weekly scores', path: '/engagement', query: 'by=location&days=90' });
    // private: not found for anyone else, admins included, so its existence is not revealed
    await request(http).get(`/api/saved-views/${v.id}`).set('Cookie', leader).expect(404);
    await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', leader).send({ name: 'mine now' }).expect(404);

    await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', planner).send({ shared: true }).expect(200);
    for (const cookie of [leader, analyst, admin]) {
      const seen = (await list(cookie)).find((x) => x.id === v.id);
      expect(seen).toMatchObject({ shared: true, mine: false, owner: { email: 'planner@test.local' } });
      const opened = (await request(http).get(`/api/saved-views/${v.id}`).set('Cookie', cookie).expect(200)).body as SavedViewDto;
      expect(opened).toMatchObject({ path: '/engagement', query: 'by=location&days=90' });
    }
    expect((await list(admin)).find((x) => x.id === v.id)?.can_delete).toBe(true);
    expect((await list(leader)).find((x) => x.id === v.id)?.can_delete).toBe(false);

    // others may see but not change or delete it
    expect((await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', leader).send({ name: 'Hijacked' }).expect(403)).body.message).toBe('Only its owner (planner@test.local) can change the saved view "Weekly scores"');
    expect((await request(http).delete(`/api/saved-views/${v.id}`).set('Cookie', analyst).expect(403)).body.message).toBe('Only its owner (planner@test.local) or an admin can delete the saved view "Weekly scores"');
    expect((await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', admin).send({ shared: false }).expect(403)).body.message).toContain('Only its owner');

    // unshared again: gone from the others' lists
    await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', planner).send({ shared: false }).expect(200);
    expect((await list(leader)).map((x) => x.id)).not.toContain(v.id);

    // an admin may delete another user's view (shared or not)
    await request(http).delete(`/api/saved-views/${v.id}`).set('Cookie', admin).expect(204);
    expect((await list(planner)).map((x) => x.id)).not.toContain(v.id);
    expect(await latest('saved_view.delete')).toMatchObject({ actor: 'admin@test.local', target: `saved_view:${v.id}` });
  });

  it("keeps a shared view of a page a role may not open out of that role's list, and says why when opened", async () => {
    const audit = await create(admin, { name: 'Key changes', path: '/admin/audit', query: 'action=write_key.', shared: true });
    const editor = await create(planner, { name: 'New segment', path: '/audiences/segments/new', shared: true });

    expect((await list(leader)).map((x) => x.id)).not.toEqual(expect.arrayContaining([audit.id]));
    expect((await list(analyst)).map((x) => x.id)).not.toContain(editor.id);
    expect((await list(admin)).map((x) => x.id)).toEqual(expect.arrayContaining([audit.id, editor.id]));

    expect((await request(http).get(`/api/saved-views/${audit.id}`).set('Cookie', leader).expect(403)).body.message).toBe(
      'Your role (Leadership) cannot see this view: it opens Admin → audit log, which is for Admin',
    );
    expect((await request(http).get(`/api/saved-views/${editor.id}`).set('Cookie', analyst).expect(403)).body.message).toBe(
      'Your role (Analyst) cannot see this view: it opens Audiences → new segment, which is for Admin or Comms planner',
    );
    await request(http).get(`/api/saved-views/${editor.id}`).set('Cookie', admin).expect(200);
  });

  it('refuses a page the caller cannot open, and bad bodies with a 400 naming each field', async () => {
    expect((await request(http).post('/api/saved-views').set('Cookie', leader).send({ name: 'Keys', path: '/admin/write-keys' }).expect(400)).body.message).toEqual([
      'path: your role (Leadership) cannot open Admin → write keys',
    ]);
    const bad = (await request(http).post('/api/saved-views').set('Cookie', analyst).send({ name: '', path: '/nowhere', query: 42, shared: 'yes', owner: 'x' }).expect(400)).body.message as string[];
    expect(bad).toEqual(expect.arrayContaining(['name: must not be empty', 'path: is not a dashboard page', 'query: must be text', 'shared: must be true or false']));
    expect(bad.some((m) => m.includes('unknown field(s) owner'))).toBe(true);
    expect((await request(http).post('/api/saved-views').set('Cookie', analyst).send({ name: 'x', path: '/engagement?days=30' }).expect(400)).body.message).toEqual([
      'path: must be a path starting with / (the query string goes in query)',
    ]);
    expect((await request(http).post('/api/saved-views').set('Cookie', analyst).send({ name: 'x'.repeat(121), path: '/overview', query: 'a'.repeat(2001) }).expect(400)).body.message).toEqual([
      'name: must be at most 120 characters',
      'query: must be at most 2000 characters',
    ]);
    const v = await create(analyst, { name: 'Overview', path: '/overview' });
    expect((await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', analyst).send({}).expect(400)).body.message).toEqual(['give name, path, query and/or shared']);
    expect((await request(http).patch(`/api/saved-views/${v.id}`).set('Cookie', analyst).send({ path: '/admin/people' }).expect(400)).body.message).toEqual([
      'path: your role (Analyst) cannot open Admin → people & access',
    ]);
    await request(http).get('/api/saved-views/x').expect(401);
  });

  it('serves the glossary to every role with the minimum group size filled in', async () => {
    const g = (await request(http).get('/api/glossary').set('Cookie', analyst).expect(200)).body as GlossaryDto;
    expect(g.min_group_size).toBe(5);
    expect(g.groups.map((x) => x.id)).toEqual(expect.arrayContaining(['overview', 'scores', 'purposes', 'strategy', 'privacy']));
    expect(g.groups.find((x) => x.id === 'privacy')!.entries[0].definition).toBe('Hidden to protect privacy: fewer than 5 people are behind this number.');
    await request(http).get('/api/glossary').expect(401);
  });
});
