import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '@hubpulse/testing';
import { fullPageShot, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

const CLIENT_ID = 'hubpulse-browser';
const CLIENT_SECRET = 'the browser fixture client secret, long enough';

/**
 * Single sign-on as people meet it (production build, demo data, SSO only): the login page's
 * "Sign in with Corp ID", the provider's own sign-in form and consent page (npm oidc-provider, a
 * certified implementation, on `localhost` so it is another site than Hubpulse on 127.0.0.1 and the
 * browser's cross-site cookie rules apply), back in the dashboard with the role the groups map to; a
 * colleague in no mapped group told why on the login page; password sign-in refused but for the
 * break-glass admin.
 */
describe('single sign-on in headless Chromium against a real OpenID provider', () => {
  const accountsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-sso-browser-')), 'accounts.json');
  let provider: ChildProcess | undefined;
  let issuer = '';

  const product = useDemoProduct('sso', async (url) => {
    fs.writeFileSync(
      accountsFile,
      JSON.stringify({
        next: '',
        accounts: {
          alice: { email: 'alice@corp.example', email_verified: true, name: 'Alice Leader', groups: ['staff', 'hubpulse-leaders'] },
          carol: { email: 'carol@corp.example', email_verified: true, name: 'Carol Outside', groups: ['marketing'] },
        },
      }),
    );
    provider = spawn(process.execPath, [path.join(REPO_ROOT, 'tests/e2e/oidc-provider.fixture.mjs'), accountsFile, CLIENT_ID, CLIENT_SECRET, `${url}/api/auth/sso/callback`], {
      env: { ...process.env, OIDC_FIXTURE_FORMS: '1', OIDC_FIXTURE_HOST: 'localhost' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    issuer = await new Promise<string>((resolve, reject) => {
      let out = '';
      provider!.stdout!.on('data', (d) => {
        out += d;
        const m = /issuer (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      provider!.stderr!.on('data', (d) => (out += d));
      provider!.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${out}`)));
    });
    return {
      HUBPULSE_OIDC_ISSUER: issuer,
      HUBPULSE_OIDC_CLIENT_ID: CLIENT_ID,
      HUBPULSE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      HUBPULSE_OIDC_REDIRECT_URI: `${url}/api/auth/sso/callback`,
      HUBPULSE_OIDC_SCOPES: 'openid email profile groups',
      HUBPULSE_OIDC_LABEL: 'Corp ID',
      HUBPULSE_OIDC_ROLE_MAP: 'hubpulse-admins:admin,hubpulse-leaders:leader,hubpulse-planners:planner,hubpulse-analysts:analyst',
      HUBPULSE_SSO_ONLY: '1',
    };
  });

  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const newPage = async () => {
    const context = await product.browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    provider?.kill();
    fs.rmSync(path.dirname(accountsFile), { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  /** From Hubpulse's login page through the provider's sign-in form and consent page, until the browser is back on Hubpulse. */
  const signInAtProvider = async (page: Page, login: string, shots?: string) => {
    await page.goto(`${product.api.url}/login`);
    await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
    await page.waitForURL((u) => u.origin === issuer);
    const form = page.locator('form', { has: page.locator('input[name="login"]') });
    await form.waitFor();
    await form.locator('input[name="login"]').fill(login);
    await form.locator('input[name="password"]').fill('whatever the provider checks');
    if (shots) await fullPageShot(page, `${shots}-provider-login`);
    await form.getByRole('button', { name: 'Sign-in' }).click();
    // The first sign-in of an account asks to share the scopes with Hubpulse.
    const consent = page.locator('form', { has: page.locator('input[name="prompt"][value="consent"]') });
    const back = (u: URL) => u.origin === product.api.url;
    await Promise.race([consent.waitFor().catch(() => undefined), page.waitForURL(back).catch(() => undefined)]);
    if (!back(new URL(page.url()))) {
      await page.getByText('groups').first().waitFor();
      if (shots) await fullPageShot(page, `${shots}-provider-consent`);
      await consent.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL(back);
  };

  it('shows "Sign in with Corp ID" and keeps the password form, for the break-glass admin only, closed', async () => {
    const page = await newPage();
    await page.goto(`${product.api.url}/login`);
    await page.getByRole('link', { name: 'Sign in with Corp ID' }).waitFor();
    await expect(page.getByRole('link', { name: 'Sign in with Corp ID' }).getAttribute('class')).resolves.toContain('button--primary');
    await page.getByRole('button', { name: 'Administrator sign-in with a password' }).waitFor();
    await expect(page.getByLabel('Password').count()).resolves.toBe(0);
    await fullPageShot(page, 'sso-login');
    await expectAccessible(page, 'sso: the login page with Sign in with Corp ID');
  }, 120_000);

  it('signs a leader in through the provider’s own pages and lands on Strategy with the Leadership role', async () => {
    const page = await newPage();
    await signInAtProvider(page, 'alice', 'sso-alice');
    await page.waitForURL((u) => u.pathname === '/strategy');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Strategy' }).waitFor();
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Strategy', 'Overview', 'Engagement', 'Audiences', 'Content', 'Reports']);
    const account = page.getByRole('link', { name: 'Your account: Alice Leader' });
    await expect(account.textContent()).resolves.toContain('Leadership');
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    await page.getByText(/^Loading/).first().waitFor({ state: 'detached', timeout: 60_000 });
    await fullPageShot(page, 'sso-alice-signed-in', 1500);
    await expectAccessible(page, 'sso: a leader signed in, on Strategy');

    // The session is real: the API knows her, with the mapped role.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({ user: { email: 'alice@corp.example', name: 'Alice Leader', role: 'leader' } });
  }, 120_000);

  it('tells a colleague in no mapped group, on the login page, that their account has no access', async () => {
    const page = await newPage();
    await signInAtProvider(page, 'carol', 'sso-carol');
    await page.waitForURL((u) => u.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('sso_error')).toBe('no_role');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toBe('Your account is not in a group with access to Hubpulse. Ask your administrator for access.');
    await expect(page.getByText(/[{}"]|error/i).count()).resolves.toBe(0); // a sentence, not raw JSON or a code
    await fullPageShot(page, 'sso-carol-refused');
    await expectAccessible(page, 'sso: login page telling a colleague they have no access');

    // No session was made: a signed-in page sends her back to sign in.
    await page.goto(`${product.api.url}/overview`);
    await page.waitForURL((u) => u.pathname === '/login');
  }, 120_000);

  it('refuses password sign-in with a clear message, except for the break-glass admin', async () => {
    const page = await newPage();
    await page.goto(`${product.api.url}/login`);
    await page.getByRole('button', { name: 'Administrator sign-in with a password' }).click();
    await page.getByText('For the break-glass administrator only: everyone else signs in with Corp ID.').waitFor();
    await expectAccessible(page, 'sso: the break-glass password form open');
    await page.getByLabel('Email').fill('planner@hubpulse.local');
    await page.getByLabel('Password').fill('hubpulse-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/sign in with Corp ID/i);
    expect(new URL(page.url()).pathname).toBe('/login');
    await fullPageShot(page, 'sso-only-password-refused');
    await expectAccessible(page, 'sso: password sign-in refused');

    await signInAs(page, 'admin@hubpulse.local'); // the break-glass account (HUBPULSE_BOOTSTRAP_ADMIN_EMAIL)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).waitFor();
  }, 120_000);
});
