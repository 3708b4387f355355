import type { Page } from 'playwright-core';
import { waitFor } from '@hubpulse/testing';
import { fullPageShot, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * Reports → Read tokens as an analyst meets it (production build, demo data): reached from the
 * account page, a token created with a name and an expiry and shown once with a copy button and
 * curl / pandas examples, used from outside (GET opens, POST refused), its last use listed, revoked
 * after a confirmation and then refused.
 */
describe('Read tokens page in headless Chromium', () => {
  const product = useDemoProduct('read-tokens');
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await product.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.api.url });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'analyst@hubpulse.local');
  });

  afterAll(() => expect(errors).toEqual([]));

  const read = (token: string, path: string, method = 'GET') => fetch(`${product.api.url}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

  it('creates a token shown once with examples, lists its last use, and revokes it after a confirmation', async () => {
    await page.goto(`${product.api.url}/account`);
    await page.getByRole('link', { name: 'Manage read tokens' }).waitFor();
    await fullPageShot(page, 'read-tokens-account-link');
    await expectAccessible(page, 'account: the read tokens link');
    await page.getByRole('link', { name: 'Manage read tokens' }).click();
    await page.waitForURL(/\/reports\/tokens$/);
    await page.getByRole('navigation', { name: 'Reports sections' }).getByRole('link', { name: 'Read tokens' }).waitFor();
    const list = page.locator('section[aria-label="Your tokens"]');
    await list.getByText('No read tokens yet').waitFor();
    await expectAccessible(page, 'read tokens: none yet (empty state)');

    const form = page.locator('section[aria-label="New read token"]');
    await form.getByRole('button', { name: 'Create token' }).click();
    await form.getByText('Give the token a name').waitFor(); // checked before anything is sent
    await expectAccessible(page, 'read tokens: the form naming a missing name');
    await form.getByLabel('Name').fill('Quarterly notebook');
    await form.getByLabel('Expires after').selectOption({ label: '30 days' });
    await form.getByRole('button', { name: 'Create token' }).click();

    const value = form.getByTestId('shown-once-value');
    await value.waitFor();
    const token = ((await value.textContent()) ?? '').trim();
    expect(token).toMatch(/^hp_rt_/);
    await form.getByText('you will not see it again').waitFor();
    await expect(form.getByTestId('token-curl').textContent()).resolves.toContain(`curl -H "Authorization: Bearer ${token}"`);
    const pandas = (await form.getByTestId('token-pandas').locator('code').textContent()) ?? '';
    expect(pandas).toContain(`AUTH = {"Authorization": "Bearer ${token}"}`);
    expect(pandas).toContain('pd.DataFrame(overview["engagement"])');
    expect(pandas).not.toContain('read_csv'); // an analyst has no CSV route of segment members
    await form.locator('.shown-once').getByRole('button', { name: 'Copy' }).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(token);
    await fullPageShot(page, 'read-tokens-created');
    await expectAccessible(page, 'read tokens: a token shown once with its examples');

    const row = list.getByTestId('token-row').filter({ hasText: 'Quarterly notebook' });
    await expect(row.textContent()).resolves.toMatch(/never.*Active/);
    const prefix = ((await row.locator('code').textContent()) ?? '').replace(/…$/, '');
    expect(token.startsWith(prefix)).toBe(true);

    // used from outside: reads open, writes do not
    expect((await read(token, '/api/overview')).status).toBe(200);
    expect((await read(token, '/api/audit')).status).toBe(403); // an analyst's session cannot read it either
    expect((await read(token, '/api/goals', 'POST')).status).toBe(403);

    await form.getByRole('button', { name: 'Done, I have copied it' }).click();
    await form.getByLabel('Name').waitFor(); // the form is back; the token is gone from the page
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await waitFor(async () => /\bago\b|just now/.test((await row.locator('td').nth(2).textContent()) ?? ''), 'the last use listed');
    await fullPageShot(page, 'read-tokens-list');
    await expectAccessible(page, 'read tokens: the list with the last use');

    // revoke: dismissing the confirmation keeps it, accepting revokes it
    page.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: 'Revoke Quarterly notebook' }).click();
    expect((await read(token, '/api/overview')).status).toBe(200);
    page.once('dialog', (d) => {
      expect(d.message()).toContain('Revoke “Quarterly notebook”?');
      void d.accept();
    });
    await row.getByRole('button', { name: 'Revoke Quarterly notebook' }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect((await read(token, '/api/overview')).status).toBe(401);
    await fullPageShot(page, 'read-tokens-revoked');
    await expectAccessible(page, 'read tokens: revoked');
  }, 180_000);
});
