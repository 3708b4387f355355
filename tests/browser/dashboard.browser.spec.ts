import * as path from 'node:path';
import { waitFor } from '@hubpulse/testing';
import { SHOTS, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The product as a newcomer meets it: the production build started with the demo data, the built
 * dashboard in headless Chromium, sign in, and the overview charts drawn with data.
 */
describe('dashboard in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('browser');

  it('signs in and shows the overview charts with data', async () => {
    const page = await product.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${product.api.url}/`);
    await page.waitForURL(/\/login/);
    await expectAccessible(page, 'login: the sign-in form');
    await page.getByLabel('Email').fill('admin@hubpulse.local');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/email or password/i).waitFor();
    await expectAccessible(page, 'login: a wrong password refused');

    await page.getByLabel('Password').fill('hubpulse-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // `/` lands each role on its page: an admin on the overview (leadership on Strategy, see strategy.browser.spec.ts).
    await page.waitForURL((u) => u.pathname === '/overview');

    // Scores are computed by the inline worker after seeding: wait (through the API, without
    // reloading the page and cancelling its queries) until the overview has a line to draw, then look.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await waitFor(
      async () => {
        const res = await fetch(`${product.api.url}/api/overview`, { headers: { cookie } });
        const body = (await res.json()) as { engagement?: unknown[] };
        return (body.engagement?.length ?? 0) > 30;
      },
      'scores of the demo data',
      180_000,
      2_000,
    );
    await page.reload();
    const engagement = page.locator('section[aria-label="Engagement index"]');
    await engagement.locator('.recharts-line-curve').first().waitFor({ timeout: 30_000 });
    const d = await engagement.locator('.recharts-line-curve').first().getAttribute('d');
    expect((d ?? '').split(/[LC]/).length).toBeGreaterThan(30); // a line through many days

    const channels = page.locator('section[aria-label="Activity by channel"]');
    expect(await channels.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(5);

    const totals = page.locator('section[aria-label="Totals"]');
    await expect(totals.textContent()).resolves.toMatch(/\d{1,3}(,\d{3})+/); // thousands of events

    const goals = page.locator('section[aria-label="Goals"]');
    await expect(goals.textContent()).resolves.toMatch(/revenue/i);

    await page.waitForTimeout(2500); // let Recharts finish drawing (lines animate in) before the picture
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
    await expectAccessible(page, 'overview: charts drawn with data');
    expect(errors).toEqual([]);

    // a client-side route survives a reload (the API falls back to index.html)
    const res = await page.goto(`${product.api.url}/some/client/route`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/text\/html/);
    await page.locator('main h1').first().waitFor();
    await expectAccessible(page, 'not found: a client route the app does not have');
  }, 240_000);
});
