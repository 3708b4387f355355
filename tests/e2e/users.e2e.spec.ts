import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { IsNull, type DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app-factory';
import type { InviteCreatedDto, UserDto } from '@hubpulse/contracts';
import { DATA_SOURCE, InviteEntity } from '@hubpulse/database';
import { RELATIONAL_STORES, signIn, testConfig } from '@hubpulse/testing';

/** Mails a real SMTP server (npm smtp-server, with a login) received, newest last. */
interface Mail {
  to: string;
  text: string;
}

async function startSmtp(user: string, pass: string): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _s, cb) => (auth.username === user && auth.password === pass ? cb(null, { user }) : cb(new Error('bad login'))),
    onData: (stream, session, cb) => {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * People & access end to end: invites, roles, deactivation, one-time links, own password and
 * sessions, on chDB + SQLite / PostgreSQL + Redis. The PostgreSQL run sends its links through a real
 * SMTP server (with a login); the SQLite run has no mail, so links come back in the answer.
 */
describe.each(RELATIONAL_STORES)('people & access (chDB + %s + Redis)', (name, relational) => {
  const withMail = name === 'PostgreSQL';
  let drop: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let ds: DataSource;
  let admin: string;

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    if (withMail) smtp = await startSmtp('mailer', 's3cret pass');
    const mail: Record<string, string> = smtp ? { HUBPULSE_SMTP_URL: `smtp://mailer:${encodeURIComponent('s3cret pass')}@127.0.0.1:${smtp.port}`, HUBPULSE_MAIL_FROM: 'Hubpulse <noreply@corp.example>' } : {};
    const config = testConfig({ ...r.env, ...mail, HUBPULSE_PUBLIC_URL: 'https://hubpulse.corp.example/' });
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    ds = app.get(DATA_SOURCE);
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
    await drop?.();
  });

  /** The link of an invite or reset answer: from the answer, or (mail configured) from the mail. */
  function linkOf(answer: { url: string | null; sent_by_mail: boolean }, email: string): string {
    if (!withMail) {
      expect(answer.sent_by_mail).toBe(false);
      return answer.url!;
    }
    expect(answer).toMatchObject({ url: null, sent_by_mail: true });
    const mail = smtp!.mails.filter((m) => m.to === email).at(-1);
    expect(mail).toBeDefined();
    expect(mail!.text).toMatch(/^From: Hubpulse <noreply@corp\.example>/m);
    return /https:\/\/hubpulse\.corp\.example\/invite\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
  }

  async function invite(email: string, role: string, name?: string): Promise<{ user: UserDto; link: string }> {
    const res = await request(http).post('/api/users/invites').set('Cookie', admin).send({ email, role, name }).expect(201);
    const body = res.body as InviteCreatedDto;
    expect(body.user).toMatchObject({ email: email.toLowerCase(), role, status: 'invited', active: true, last_sign_in_at: null });
    return { user: body.user, link: linkOf(body.invite, email.toLowerCase()) };
  }

  async function join(link: string, password: string, name?: string): Promise<string> {
    const res = await request(http).post(`/api/invites/${tokenOf(link)}/accept`).set('User-Agent', 'JoinBrowser/1.0').send({ password, name }).expect(200);
    return cookieOf(res);
  }

  it('invites by email with a role; the one-time link signs the new user in with that role', async () => {
    const { user, link } = await invite('Pia.Planner@corp.example', 'planner');
    expect(link).toMatch(/^https:\/\/hubpulse\.corp\.example\/invite\/[A-Za-z0-9_-]{20,}$/);
    const t = tokenOf(link);
    const info = await request(http).get(`/api/invites/${t}`).expect(200);
    expect(info.body).toMatchObject({ email: 'pia.planner@corp.example', role: 'planner', kind: 'invite' });
    expect(Date.parse(info.body.expires_at) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    // only the hash is stored
    const stored = await ds.getRepository(InviteEntity).findOneByOrFail({ userId: user.id });
    expect(JSON.stringify(stored)).not.toContain(t);

    const cookie = await join(link, 'a long planner password', 'Pia Planner');
    const me = await request(http).get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.user).toMatchObject({ email: 'pia.planner@corp.example', name: 'Pia Planner', role: 'planner' });
    await request(http).get('/api/users').set('Cookie', cookie).expect(403);
    // the link works once
    await request(http).get(`/api/invites/${t}`).expect(410);
    await request(http).post(`/api/invites/${t}/accept`).send({ password: 'another long password' }).expect(410);
    await request(http).get(`/api/invites/${'x'.repeat(32)}`).expect(404);
    // signs in with the chosen password; the list shows the last sign-in
    await signIn(http, 'pia.planner@corp.example', 'a long planner password');
    const list = await request(http).get('/api/users').set('Cookie', admin).expect(200);
    const pia = (list.body.users as UserDto[]).find((u) => u.email === 'pia.planner@corp.example')!;
    expect(pia).toMatchObject({ status: 'active', active: true, role: 'planner' });
    expect(Date.now() - Date.parse(pia.last_sign_in_at!)).toBeLessThan(60_000);
    // the audit log has it
    const audit = await request(http).get('/api/audit').query({ action: 'user.invite' }).set('Cookie', admin).expect(200);
    expect(JSON.stringify(audit.body)).toContain('pia.planner@corp.example');
  });

  it('an invited user cannot sign in before joining; inviting again replaces the link; 409 for an existing account', async () => {
    const first = await invite('ivan@corp.example', 'analyst');
    await request(http).post('/api/auth/login').send({ email: 'ivan@corp.example', password: '' }).expect(400);
    await request(http).post('/api/auth/login').send({ email: 'ivan@corp.example', password: 'anything at all' }).expect(401);
    const second = await invite('ivan@corp.example', 'leader');
    expect(second.user.id).toBe(first.user.id);
    await request(http).get(`/api/invites/${tokenOf(first.link)}`).expect(410);
    await join(second.link, 'ivan the leader pass');
    expect((await request(http).get('/api/auth/me').set('Cookie', await signIn(http, 'ivan@corp.example', 'ivan the leader pass'))).body.user.role).toBe('leader');
    const again = await request(http).post('/api/users/invites').set('Cookie', admin).send({ email: 'IVAN@corp.example', role: 'admin' }).expect(409);
    expect(again.body.message).toMatch(/^email: /);
  });

  it('a role change takes effect on the next request', async () => {
    const { user, link } = await invite('rolf@corp.example', 'analyst');
    const cookie = await join(link, 'rolf rolf rolf rolf');
    await request(http).get('/api/users').set('Cookie', cookie).expect(403);
    const res = await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ role: 'admin' }).expect(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'admin', status: 'active' });
    await request(http).get('/api/users').set('Cookie', cookie).expect(200);
    await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ role: 'analyst' }).expect(200);
    await request(http).get('/api/users').set('Cookie', cookie).expect(403);
    const audit = await request(http).get('/api/audit').query({ action: 'user.role.change', target: `user:${user.id}` }).set('Cookie', admin).expect(200);
    // (entries of the same millisecond have no order, so compare as sets)
    const changes = audit.body.map((e: { details: unknown }) => e.details);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(expect.arrayContaining([
      { email: 'rolf@corp.example', from: 'admin', to: 'analyst' },
      { email: 'rolf@corp.example', from: 'analyst', to: 'admin' },
    ]));
  });

  it('deactivation ends every session at once and refuses sign-in; reactivation lets the user back', async () => {
    const { user, link } = await invite('dora@corp.example', 'leader');
    const first = await join(link, 'dora the explorer');
    const second = await signIn(http, 'dora@corp.example', 'dora the explorer');
    await request(http).get('/api/auth/me').set('Cookie', first).expect(200);
    const resetBefore = linkOf((await request(http).post(`/api/users/${user.id}/password-reset`).set('Cookie', admin).expect(200)).body, 'dora@corp.example');
    const res = await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ active: false }).expect(200);
    expect(res.body).toMatchObject({ active: false, status: 'deactivated' });
    await request(http).get('/api/auth/me').set('Cookie', first).expect(401);
    await request(http).get('/api/auth/me').set('Cookie', second).expect(401);
    await request(http).post('/api/auth/login').send({ email: 'dora@corp.example', password: 'dora the explorer' }).expect(401);
    await request(http).post(`/api/users/${user.id}/password-reset`).set('Cookie', admin).expect(409);
    await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ active: true }).expect(200);
    // a link made before the deactivation does not come back to life with the account
    await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ active: false }).expect(200);
    await request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ active: true }).expect(200);
    await request(http).get(`/api/invites/${tokenOf(resetBefore)}`).expect(410);
    await signIn(http, 'dora@corp.example', 'dora the explorer');
    const audit = await request(http).get('/api/audit').query({ target: `user:${user.id}` }).set('Cookie', admin).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.deactivate', 'user.activate', 'user.invite']));
  });

  it('an admin password reset link works once, ends the old sessions and expires', async () => {
    const { user, link } = await invite('rita@corp.example', 'analyst');
    const old = await join(link, 'rita old password');
    const reset = await request(http).post(`/api/users/${user.id}/password-reset`).set('Cookie', admin).expect(200);
    const resetLink = linkOf(reset.body, 'rita@corp.example');
    expect((await request(http).get(`/api/invites/${tokenOf(resetLink)}`).expect(200)).body).toMatchObject({ kind: 'reset', email: 'rita@corp.example' });
    // the old password still works until the link is used
    await signIn(http, 'rita@corp.example', 'rita old password');
    const fresh = await join(resetLink, 'rita new password');
    await request(http).get('/api/auth/me').set('Cookie', old).expect(401);
    await request(http).get('/api/auth/me').set('Cookie', fresh).expect(200);
    await request(http).post('/api/auth/login').send({ email: 'rita@corp.example', password: 'rita old password' }).expect(401);
    await signIn(http, 'rita@corp.example', 'rita new password');
    await request(http).post(`/api/invites/${tokenOf(resetLink)}/accept`).send({ password: 'rita third password' }).expect(410);
    // an expired link is refused
    const late = await request(http).post(`/api/users/${user.id}/password-reset`).set('Cookie', admin).expect(200);
    const lateLink = linkOf(late.body, 'rita@corp.example');
    await ds.getRepository(InviteEntity).update({ userId: user.id, usedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await request(http).get(`/api/invites/${tokenOf(lateLink)}`).expect(410)).body.message).toMatch(/expired/);
    await request(http).post(`/api/invites/${tokenOf(lateLink)}/accept`).send({ password: 'rita third password' }).expect(410);
    await signIn(http, 'rita@corp.example', 'rita new password');
  });

  it('the last active admin cannot be demoted or deactivated (409 saying why)', async () => {
    const users = (await request(http).get('/api/users').set('Cookie', admin).expect(200)).body.users as UserDto[];
    const boot = users.find((u) => u.email === 'admin@test.local')!;
    expect(users.filter((u) => u.role === 'admin' && u.active).map((u) => u.email)).toEqual(['admin@test.local']);
    const demote = await request(http).patch(`/api/users/${boot.id}`).set('Cookie', admin).send({ role: 'leader' }).expect(409);
    expect(demote.body.message).toMatch(/last active admin/);
    const off = await request(http).patch(`/api/users/${boot.id}`).set('Cookie', admin).send({ active: false }).expect(409);
    expect(off.body.message).toMatch(/^active: .*last active admin/);
    // with a second admin, the first may step down
    const { user, link } = await invite('second.admin@corp.example', 'admin');
    const second = await join(link, 'second admin password');
    await request(http).patch(`/api/users/${boot.id}`).set('Cookie', second).send({ role: 'leader' }).expect(200);
    await request(http).patch(`/api/users/${user.id}`).set('Cookie', second).send({ active: false }).expect(409);
    await request(http).patch(`/api/users/${boot.id}`).set('Cookie', second).send({ role: 'admin' }).expect(200);
    // two admins demoting each other at the same moment: one wins; the other is refused, with a 409
    // (it was still admin when checked) or a 403 (its demotion landed before its own request was let in)
    const [one, two] = await Promise.all([
      request(http).patch(`/api/users/${user.id}`).set('Cookie', admin).send({ role: 'analyst' }),
      request(http).patch(`/api/users/${boot.id}`).set('Cookie', second).send({ role: 'analyst' }),
    ]);
    expect([one.status, two.status].filter((s) => s === 200)).toHaveLength(1);
    expect([403, 409]).toContain(one.status === 200 ? two.status : one.status);
    const admins = ((await request(http).get('/api/users').set('Cookie', one.status === 200 ? admin : second).expect(200)).body.users as UserDto[]).filter((u) => u.role === 'admin' && u.active);
    expect(admins).toHaveLength(1);
    if (two.status === 200) await request(http).patch(`/api/users/${boot.id}`).set('Cookie', second).send({ role: 'admin' }).expect(200);
  });

  it('changes the own password with the current one; other sessions end, this one stays', async () => {
    const { link } = await invite('otto@corp.example', 'analyst');
    const here = await join(link, 'otto first password');
    const elsewhere = await signIn(http, 'otto@corp.example', 'otto first password');
    const wrong = await request(http).put('/api/me/password').set('Cookie', here).send({ current_password: 'nope', new_password: 'otto second password' }).expect(400);
    expect(wrong.body.message).toEqual(['current_password: is not your current password']);
    await request(http).put('/api/me/password').set('Cookie', here).send({ current_password: 'otto first password', new_password: 'otto second password' }).expect(204);
    await request(http).get('/api/auth/me').set('Cookie', here).expect(200);
    await request(http).get('/api/auth/me').set('Cookie', elsewhere).expect(401);
    await request(http).post('/api/auth/login').send({ email: 'otto@corp.example', password: 'otto first password' }).expect(401);
    await signIn(http, 'otto@corp.example', 'otto second password');
  });

  it('lists and ends own sessions', async () => {
    const { link } = await invite('sara@corp.example', 'leader');
    const a = await join(link, 'sara sessions pass');
    const b = cookieOf(await request(http).post('/api/auth/login').set('User-Agent', 'OtherBrowser/2.0').send({ email: 'sara@corp.example', password: 'sara sessions pass' }).expect(200));
    const c = await signIn(http, 'sara@corp.example', 'sara sessions pass');
    const list = (await request(http).get('/api/me/sessions').set('Cookie', a).expect(200)).body.sessions as { id: string; user_agent: string | null; current: boolean; created_at: string; last_seen_at: string | null }[];
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.find((s) => s.current)!.user_agent).toBe('JoinBrowser/1.0');
    const other = list.find((s) => s.user_agent === 'OtherBrowser/2.0')!;
    expect(other.id).toMatch(/^[0-9a-f-]{36}$/);
    // nobody else's sessions show, and nobody can end them
    const adminSessions = (await request(http).get('/api/me/sessions').set('Cookie', admin).expect(200)).body.sessions as { id: string }[];
    expect(adminSessions.map((s) => s.id)).not.toContain(other.id);
    await request(http).delete(`/api/me/sessions/${other.id}`).set('Cookie', admin).expect(404);
    await request(http).get('/api/auth/me').set('Cookie', b).expect(200);
    await request(http).delete(`/api/me/sessions/${other.id}`).set('Cookie', a).expect(204);
    await request(http).get('/api/auth/me').set('Cookie', b).expect(401);
    await request(http).delete('/api/me/sessions').set('Cookie', a).expect(204);
    await request(http).get('/api/auth/me').set('Cookie', c).expect(401);
    await request(http).get('/api/auth/me').set('Cookie', a).expect(200);
    expect((await request(http).get('/api/me/sessions').set('Cookie', a).expect(200)).body.sessions).toHaveLength(1);
  });

  it('audits write key creation and revocation with who did it', async () => {
    const made = await request(http).post('/api/ingestion/keys').set('Cookie', admin).send({ name: 'CMS', scopes: ['events'] }).expect(201);
    await request(http).delete(`/api/ingestion/keys/${made.body.id}`).set('Cookie', admin).expect(204);
    await request(http).delete(`/api/ingestion/keys/${made.body.id}`).set('Cookie', admin).expect(204);
    const audit = await request(http).get('/api/audit').query({ target: `write_key:${made.body.id}` }).set('Cookie', admin).expect(200);
    const entries = audit.body.map((e: { actor: string; action: string; details: unknown }) => [e.actor, e.action, e.details]);
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(expect.arrayContaining([
      ['admin@test.local', 'write_key.revoke', { name: 'CMS' }],
      ['admin@test.local', 'write_key.create', { name: 'CMS', scopes: ['events'], browser: false }],
    ]));
    expect(JSON.stringify(audit.body)).not.toContain(made.body.key);
  });

  it('documents every route, with its body schema, in the OpenAPI description', async () => {
    const doc = (await request(http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const routes: [string, string, boolean][] = [
      ['/api/users', 'get', false],
      ['/api/users/invites', 'post', true],
      ['/api/users/{id}', 'patch', true],
      ['/api/users/{id}/password-reset', 'post', false],
      ['/api/invites/{token}', 'get', false],
      ['/api/invites/{token}/accept', 'post', true],
      ['/api/me/password', 'put', true],
      ['/api/me/sessions', 'get', false],
      ['/api/me/sessions/{id}', 'delete', false],
      ['/api/me/sessions', 'delete', false],
    ];
    for (const [path, method, body] of routes) {
      expect(doc.paths[path]).toHaveProperty([method]);
      if (body) expect(doc.paths[path][method].requestBody).toBeDefined();
    }
  });

  it('answers bad input with 400s naming the fields', async () => {
    const bad = await request(http).post('/api/users/invites').set('Cookie', admin).send({ email: 'not-an-email', role: 'boss', extra: 1 }).expect(400);
    expect(bad.body.message).toEqual(['email: must be an email address', 'role: must be one of admin, leader, planner, analyst', 'unknown field(s) extra']);
    expect((await request(http).patch(`/api/users/not-a-uuid`).set('Cookie', admin).send({ role: 'admin' }).expect(400)).body.message).toEqual(['id: must be a user id']);
    const someone = ((await request(http).get('/api/users').set('Cookie', admin)).body.users as UserDto[])[0];
    expect((await request(http).patch(`/api/users/${someone.id}`).set('Cookie', admin).send({ active: 'no' }).expect(400)).body.message).toEqual(['active: must be true or false']);
    await request(http).patch(`/api/users/${someone.id}`).set('Cookie', admin).send({}).expect(400);
    await request(http).patch('/api/users/00000000-0000-4000-8000-000000000000').set('Cookie', admin).send({ role: 'admin' }).expect(404);
    const { link } = await invite('short@corp.example', 'analyst');
    const short = await request(http).post(`/api/invites/${tokenOf(link)}/accept`).send({ password: 'short' }).expect(400);
    expect(short.body.message).toEqual(['password: must be at least 12 characters']);
    const pw = await request(http).put('/api/me/password').set('Cookie', admin).send({ new_password: 'x' }).expect(400);
    expect(pw.body.message).toEqual(['current_password: is required', 'new_password: must be at least 12 characters']);
  });
});
