import type { BrowserContext, Page } from 'playwright-core';
import { fullPageShot, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/**
 * Account → "Where you are signed in" (production build, demo data): one person signed in in several
 * browsers ends one of the others, which is sent to sign in at its next navigation, then ends every
 * other one at once while staying signed in here.
 */
describe('Account: ending your own sessions in headless Chromium', () => {
  const product = useDemoProduct('own-sessions');
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  /** A browser of its own (cookies and all), presenting `userAgent`, signed in as the analyst on the Overview. */
  const signedIn = async (userAgent?: string): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width: 1360, height: 900 }, ...(userAgent ? { userAgent } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'analyst@hubpulse.local');
    await page.waitForURL((u) => u.pathname === '/overview');
    return page;
  };

  /** Goes to another page the way a person does, through the top navigation (no reload). */
  const navigate = (page: Page, to: 'Engagement' | 'Overview') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: to }).click();

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    expect(errors).toEqual([]);
  });

  let here: Page;
  const sessions = () => here.locator('section[aria-label="Where you are signed in"] tbody tr');

  it('ends one other session; that browser is sent to sign in at its next navigation', async () => {
    here = await signedIn();
    const laptop = await signedIn(FIREFOX_WINDOWS);

    await here.getByRole('link', { name: /^Your account/ }).click();
    await here.waitForURL((u) => u.pathname === '/account');
    await here.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await sessions().nth(1).waitFor();
    await expect(sessions().count()).resolves.toBe(2);
    await expect(sessions().filter({ hasText: 'This session' }).textContent()).resolves.toContain('Headless Chrome');
    await fullPageShot(here, 'account-sessions-two');
    await expectAccessible(here, 'account: signed in in two browsers');

    await here.getByRole('button', { name: 'End the session on Firefox on Windows' }).click();
    await here.getByRole('button', { name: 'End the session on Firefox on Windows' }).waitFor({ state: 'detached' });
    await expect(sessions().count()).resolves.toBe(1);
    await expect(here.getByRole('button', { name: 'End all others' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(here, 'account: one other session ended');

    await navigate(laptop, 'Engagement');
    await laptop.waitForURL((u) => u.pathname === '/login');
    expect(new URL(laptop.url()).searchParams.get('next')).toBe('/engagement');
    // The URL changes before the login page is drawn, and the page being left has role=status
    // elements of its own (its panels' loading states): read the status once the login page is there.
    await laptop.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Told why, not just dropped on the form.
    await expect(laptop.getByRole('status').textContent()).resolves.toBe('Your session has ended. Sign in again to continue.');
    await laptop.getByLabel('Email').waitFor();
    await fullPageShot(laptop, 'account-ended-session-at-login');
    await expectAccessible(laptop, 'login: told the session has ended');

    // This browser is still signed in.
    await navigate(here, 'Overview');
    await here.waitForURL((u) => u.pathname === '/overview');
  }, 120_000);

  it('ends every other session at once after a confirmation, and stays signed in here', async () => {
    const laptop = await signedIn(FIREFOX_WINDOWS);
    const phone = await signedIn(SAFARI_MAC);

    await here.getByRole('link', { name: /^Your account/ }).click();
    await here.waitForURL((u) => u.pathname === '/account');
    await sessions().nth(2).waitFor();
    await expect(sessions().count()).resolves.toBe(3);
    await expect(sessions().allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('Firefox on Windows'), expect.stringContaining('Safari on macOS')]));

    // Dismissing the question ends nothing.
    here.once('dialog', (d) => void d.dismiss());
    await here.getByRole('button', { name: 'End all others' }).click();
    await expect(sessions().count()).resolves.toBe(3);

    let question = '';
    here.once('dialog', (d) => {
      question = d.message();
      void d.accept();
    });
    await here.getByRole('button', { name: 'End all others' }).click();
    await sessions().nth(1).waitFor({ state: 'detached' });
    expect(question).toBe('Sign out your 2 other sessions? This one stays signed in.');
    await expect(sessions().count()).resolves.toBe(1);
    await expect(sessions().first().textContent()).resolves.toContain('This session');
    await fullPageShot(here, 'account-sessions-others-ended');
    await expectAccessible(here, 'account: every other session ended');

    for (const page of [laptop, phone]) {
      await navigate(page, 'Engagement');
      await page.waitForURL((u) => u.pathname === '/login');
      await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    }
    await here.reload();
    await here.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(new URL(here.url()).pathname).toBe('/account');
  }, 120_000);
});
