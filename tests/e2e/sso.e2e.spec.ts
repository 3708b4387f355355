import type { INestApplication } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { UsersRepository } from '@hubpulse/database';
import { freePort, REPO_ROOT, testConfig, workerDataDir } from '@hubpulse/testing';

const CLIENT_ID = 'hubpulse-e2e';
const CLIENT_SECRET = 'the fixture client secret, long enough';
const ROLE_MAP = 'hubpulse-admins:admin,hubpulse-leaders:leader,hubpulse-planners:planner,hubpulse-analysts:analyst';

type Account = { email: string; email_verified?: boolean; name: string; groups: string[] };

/**
 * A browser as far as cookies and redirects go: follows 3xx across Hubpulse and the provider with a
 * cookie jar per host, until it lands on a Hubpulse page (not /api), or on a URL `stopAt` picks.
 */
class Browser {
  constructor(readonly home = hubpulseHost) {}
  readonly jar = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string): void {
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  async go(start: string, opts: { rewrite?: (u: URL) => void; stopAt?: (u: URL) => boolean } = {}): Promise<URL> {
    let url = new URL(start);
    for (let hop = 0; hop < 20; hop++) {
      opts.rewrite?.(url);
      if (opts.stopAt?.(url)) return url;
      const cookies = [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(url, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(';');
        const at = pair.indexOf('=');
        const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        const gone = attrs.some((a) => /^\s*max-age=0/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
        if (gone || value === '') this.jar.get(url.host)?.delete(name);
        else this.setCookie(url.host, name, value);
      }
      await res.arrayBuffer();
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) throw new Error(`${url} answered ${res.status} without a redirect`);
      const next = new URL(location, url);
      if (next.host === this.home && !next.pathname.startsWith('/api/')) return next;
      url = next;
    }
    throw new Error('too many redirects');
  }
}

let hubpulseHost = '';

describe('single sign-on against a real OpenID provider (oidc-provider)', () => {
  let app: INestApplication;
  /** A second Hubpulse with no role map (roles kept in Hubpulse, new users get the default role), registered with client_secret_post. */
  let plain: INestApplication;
  let plainBase = '';
  let base = '';
  let issuer = '';
  let provider: ChildProcess;
  const accountsFile = path.join(workerDataDir(), `oidc-accounts-${process.pid}-${Date.now()}.json`);
  const accounts: Record<string, Account> = {
    alice: { email: 'alice@corp.example', email_verified: true, name: 'Alice Leader', groups: ['hubpulse-leaders'] },
    bob: { email: 'Bob@corp.example', email_verified: true, name: 'Bob Many', groups: ['staff', 'hubpulse-analysts', 'hubpulse-admins'] },
    carol: { email: 'carol@corp.example', email_verified: true, name: 'Carol Outside', groups: ['marketing'] },
    dave: { email: 'dave@corp.example', email_verified: true, name: 'Dave Existing', groups: ['hubpulse-planners'] },
    erin: { email: 'erin@corp.example', email_verified: false, name: 'Erin Unverified', groups: ['hubpulse-planners'] },
  };
  const as = (id: string) => fs.writeFileSync(accountsFile, JSON.stringify({ next: id, accounts }));

  /** One full sign-in of `id` in a fresh browser: where it lands, and the browser (holding the session cookie, if any). */
  const signInAs = async (id: string, opts: Parameters<Browser['go']>[1] = {}, next = '') => {
    as(id);
    const browser = new Browser();
    const landed = await browser.go(`${base}/api/auth/sso/login${next}`, opts);
    return { landed: landed.pathname + landed.search, browser, session: browser.cookie(hubpulseHost, 'hp_session') };
  };
  const me = async (session: string | undefined) => {
    const res = await fetch(`${base}/api/auth/me`, { headers: { cookie: `hp_session=${session}` } });
    return { status: res.status, body: (await res.json()) as { user?: { email: string; role: string; name: string } } };
  };

  beforeAll(async () => {
    const port = await freePort();
    const plainPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    plainBase = `http://127.0.0.1:${plainPort}`;
    hubpulseHost = `127.0.0.1:${port}`;
    as('alice');
    provider = spawn(process.execPath, [path.join(REPO_ROOT, 'tests/e2e/oidc-provider.fixture.mjs'), accountsFile, CLIENT_ID, CLIENT_SECRET, `${base}/api/auth/sso/callback,${plainBase}/api/auth/sso/callback`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    issuer = await new Promise<string>((resolve, reject) => {
      provider.stdout!.on('data', (d) => {
        out += d;
        const m = /issuer (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      provider.stderr!.on('data', (d) => (out += d));
      provider.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${out}`)));
    });
    const oidc = { HUBPULSE_OIDC_ISSUER: issuer, HUBPULSE_OIDC_CLIENT_ID: CLIENT_ID, HUBPULSE_OIDC_CLIENT_SECRET: CLIENT_SECRET };
    app = await createApiApp(
      testConfig({
        ...oidc,
        HUBPULSE_OIDC_REDIRECT_URI: `${base}/api/auth/sso/callback`,
        HUBPULSE_OIDC_SCOPES: 'openid email profile groups',
        HUBPULSE_OIDC_LABEL: 'Corp ID',
        HUBPULSE_OIDC_ROLE_MAP: ROLE_MAP,
        HUBPULSE_SSO_ONLY: 'true',
      }),
      { logger: ['error'] },
    );
    await app.listen(port, '127.0.0.1');
    plain = await createApiApp(
      testConfig({
        ...oidc,
        HUBPULSE_OIDC_CLIENT_ID: `${CLIENT_ID}-post`,
        HUBPULSE_OIDC_TOKEN_AUTH: 'client_secret_post',
        HUBPULSE_OIDC_REDIRECT_URI: `${plainBase}/api/auth/sso/callback`,
        HUBPULSE_OIDC_DEFAULT_ROLE: 'analyst',
      }),
      { logger: ['error'] },
    );
    await plain.listen(plainPort, '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await plain?.close();
    provider?.kill();
    fs.rmSync(accountsFile, { force: true });
  });

  it('tells the login page that SSO is on, with its label', async () => {
    const res = await fetch(`${base}/api/auth/sso`);
    expect(await res.json()).toEqual({ enabled: true, label: 'Corp ID', login_url: '/api/auth/sso/login', sso_only: true });
  });

  it('signs in through the provider (code + PKCE S256), creates the user with the mapped role and lands on `next`', async () => {
    let authorize: URL | undefined;
    const { landed, session } = await signInAs('alice', { rewrite: (u) => void (u.pathname === '/auth' && (authorize ??= new URL(u))) }, '?next=/goals');
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize?.searchParams.get('nonce')).toBeTruthy();
    expect(landed).toBe('/goals');
    const { status, body } = await me(session);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ email: 'alice@corp.example', name: 'Alice Leader', role: 'leader' });
  });

  it('maps several groups to the most privileged role, and refuses a user in no mapped group (nobody created)', async () => {
    const bob = await signInAs('bob');
    expect(bob.landed).toBe('/');
    expect((await me(bob.session)).body.user).toMatchObject({ email: 'bob@corp.example', role: 'admin' });

    const carol = await signInAs('carol');
    expect(carol.landed).toBe('/login?sso_error=no_role');
    expect(carol.session).toBeUndefined();
    expect(await app.get(UsersRepository).findByEmail('carol@corp.example')).toBeNull();
  });

  it('re-reads the role at every sign-in: demoted when moved, refused and signed out everywhere when removed from the groups', async () => {
    const first = await signInAs('alice');
    expect((await me(first.session)).body.user?.role).toBe('leader');

    accounts.alice.groups = ['hubpulse-analysts'];
    const second = await signInAs('alice');
    expect((await me(second.session)).body.user?.role).toBe('analyst');
    expect((await me(first.session)).body.user?.role).toBe('analyst');

    accounts.alice.groups = ['staff'];
    const third = await signInAs('alice');
    expect(third.landed).toBe('/login?sso_error=no_role');
    expect(third.session).toBeUndefined();
    expect((await me(first.session)).status).toBe(401);
    expect((await me(second.session)).status).toBe(401);

    accounts.alice.groups = ['hubpulse-leaders'];
    const back = await signInAs('alice');
    expect((await me(back.session)).body.user?.role).toBe('leader');
  });

  it('links a verified email to the existing Hubpulse user, and refuses to link an unverified one', async () => {
    const auth = app.get(AuthService);
    const dave = await auth.createUser({ email: 'dave@corp.example', password: 'dave password long', name: 'Dave', role: 'analyst' });
    const res = await signInAs('dave');
    expect((await me(res.session)).body.user).toMatchObject({ id: dave.id, role: 'planner' });

    await auth.createUser({ email: 'erin@corp.example', password: 'erin password long', name: 'Erin', role: 'analyst' });
    expect((await signInAs('erin')).landed).toBe('/login?sso_error=email_unverified');
  });

  it('refuses a tampered state, and a callback without this browser’s sign-in cookie', async () => {
    const tampered = await signInAs('alice', { rewrite: (u) => u.pathname === '/api/auth/sso/callback' && u.searchParams.set('state', `${u.searchParams.get('state')}x`) });
    expect(tampered.landed).toBe('/login?sso_error=state');
    expect(tampered.session).toBeUndefined();

    // Another browser's callback (its code and state) replayed in a browser whose own sign-in is another one.
    as('alice');
    const victim = new Browser();
    const callback = await victim.go(`${base}/api/auth/sso/login`, { stopAt: (u) => u.pathname === '/api/auth/sso/callback' });
    const attacker = new Browser();
    await attacker.go(`${base}/api/auth/sso/login`, { stopAt: (u) => u.host !== hubpulseHost });
    expect(attacker.cookie(hubpulseHost, 'hp_sso')).toBeTruthy();
    const swapped = await attacker.go(callback.toString());
    expect(swapped.pathname + swapped.search).toBe('/login?sso_error=state');
    expect(attacker.cookie(hubpulseHost, 'hp_session')).toBeUndefined();

    const forged = new Browser();
    forged.setCookie(hubpulseHost, 'hp_sso', Buffer.from('{"state":"x"}').toString('base64url'));
    const f = await forged.go(callback.toString());
    expect(f.pathname + f.search).toBe('/login?sso_error=state');

    // The victim's own callback still works once (and not twice: the cookie is spent).
    const own = await victim.go(callback.toString());
    expect(own.pathname).toBe('/');
    expect(victim.cookie(hubpulseHost, 'hp_session')).toBeTruthy();
    const again = await victim.go(callback.toString());
    expect(again.pathname + again.search).toBe('/login?sso_error=state');
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const res = await signInAs('alice', { rewrite: (u) => u.pathname === '/auth' && u.searchParams.set('nonce', 'another-sessions-nonce') });
    expect(res.landed).toBe('/login?sso_error=nonce');
    expect(res.session).toBeUndefined();
  });

  it('with HUBPULSE_SSO_ONLY refuses password sign-in, except for the bootstrap (break-glass) admin', async () => {
    await app.get(AuthService).createUser({ email: 'pw@corp.example', password: 'password long enough', name: 'Pw', role: 'leader' });
    const refused = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'pw@corp.example', password: 'password long enough' }) });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('sign in with Corp ID');
    const admin = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@test.local', password: 'correct horse battery' }) });
    expect(admin.status).toBe(200);
    // A user made by single sign-on has no password at all.
    const sso = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bob@corp.example', password: 'sso' }) });
    expect(sso.status).toBe(403);
  });

  it('without a role map, gives new users the default role and keeps the role an admin gave them (client_secret_post)', async () => {
    expect(await (await fetch(`${plainBase}/api/auth/sso`)).json()).toEqual({ enabled: true, label: 'single sign-on', login_url: '/api/auth/sso/login', sso_only: false });
    const host = new URL(plainBase).host;
    const signIn = async () => {
      as('carol');
      const browser = new Browser(host);
      expect((await browser.go(`${plainBase}/api/auth/sso/login`)).pathname).toBe('/');
      const res = await fetch(`${plainBase}/api/auth/me`, { headers: { cookie: `hp_session=${browser.cookie(host, 'hp_session')}` } });
      return ((await res.json()) as { user: { id: string; role: string } }).user;
    };
    const carol = await signIn();
    expect(carol.role).toBe('analyst');
    await plain.get(UsersRepository).update(carol.id, { role: 'planner' });
    expect(await signIn()).toMatchObject({ id: carol.id, role: 'planner' });
  });

  it('does not start a sign-in when the discovery document names another issuer than configured', async () => {
    const port = await freePort();
    const wrong = await createApiApp(
      testConfig({
        HUBPULSE_OIDC_ISSUER: `${issuer}/`,
        HUBPULSE_OIDC_CLIENT_ID: CLIENT_ID,
        HUBPULSE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        HUBPULSE_OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/api/auth/sso/callback`,
        HUBPULSE_OIDC_DEFAULT_ROLE: 'analyst',
      }),
      { logger: false },
    );
    try {
      await wrong.listen(port, '127.0.0.1');
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/sso/login`, { redirect: 'manual' });
      expect([res.status, res.headers.get('location'), res.headers.getSetCookie()]).toEqual([303, '/login?sso_error=unavailable', []]);
    } finally {
      await wrong.close();
    }
  });
});
