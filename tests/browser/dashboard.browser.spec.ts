import * as path from 'node:path';
import { waitFor } from '@hubpulse/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { SHOTS, signedInPage, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The product as a newcomer meets it: the production build started with the demo data, the built
 * dashboard in headless Chromium, sign in, and the overview charts drawn with data.
 */
describe('dashboard in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('browser');

  /** A browser context signed in as the admin, for `use`; no page errors meanwhile; closed after. */
  async function asAdmin(use: (context: BrowserContext) => Promise<void>): Promise<void> {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    try {
      const signedIn = await signedInPage(product, 'admin@hubpulse.local', contexts, errors);
      await signedIn.waitForURL((u) => u.pathname === '/overview');
      await signedIn.close();
      await use(contexts[0]);
      expect(errors).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  }

  /** Holds back the script `asset` for 3 s, then lets it through; returns when that was. */
  async function holdBack(page: Page, asset: RegExp): Promise<() => number> {
    let released = Infinity;
    await page.route(asset, async (route) => {
      await new Promise((r) => setTimeout(r, 3_000));
      released = performance.now();
      await route.continue();
    });
    return () => released;
  }

  it('signs in and shows the overview charts with data', async () => {
    const page = await product.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${product.api.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(); // not the splash shown until then
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
    // A chart of its own, sized and drawn on its own schedule: not necessarily drawn with the line.
    await channels.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await channels.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(5);

    const totals = page.locator('section[aria-label="Totals"]');
    await expect(totals.textContent()).resolves.toMatch(/\d{1,3}(,\d{3})+/); // thousands of events

    const goals = page.locator('section[aria-label="Goals"]');
    // Its own read (/api/goals), not the overview's: it may still be loading.
    await goals.getByText(/revenue/i).first().waitFor();
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

  /**
   * Issue 17: a page's first reads leave with its code, not after it. Each page's code is held back
   * for 3 s; its reads must be asked meanwhile (the route's prefetch), each exactly once (the
   * prefetch and the page build the same query keys, so the page finds them in the cache or in flight).
   */
  it('asks each page’s first reads while the page’s code is still loading, and each once', async () => {
    await asAdmin(async (context) => {
      const pages: { url: string; chunk: RegExp; reads: string[] }[] = [
        { url: '/overview', chunk: /\/assets\/overview\.page-[\w-]+\.js$/, reads: ['/api/overview', '/api/goals'] },
        // A preset other than the server's default: the default answer first (its newest day), then the range.
        { url: '/overview?range=30', chunk: /\/assets\/overview\.page-[\w-]+\.js$/, reads: ['/api/overview', '/api/overview', '/api/goals'] },
        { url: '/strategy', chunk: /\/assets\/strategy\.page-[\w-]+\.js$/, reads: ['/api/strategy/overview'] },
        { url: '/engagement', chunk: /\/assets\/engagement-scores\.page-[\w-]+\.js$/, reads: ['/api/engagement/distribution', '/api/engagement/groups'] },
        { url: '/engagement/personas', chunk: /\/assets\/engagement-personas\.page-[\w-]+\.js$/, reads: ['/api/engagement/personas', '/api/engagement/ambassadors'] },
        { url: '/audiences', chunk: /\/assets\/segments-list\.page-[\w-]+\.js$/, reads: ['/api/segments'] },
        { url: '/content', chunk: /\/assets\/content-items\.page-[\w-]+\.js$/, reads: ['/api/content/items'] },
        { url: '/content/newsletters', chunk: /\/assets\/newsletters\.page-[\w-]+\.js$/, reads: ['/api/content/newsletters'] },
      ];
      for (const { url, chunk, reads } of pages) {
        const page = await context.newPage();
        const asked: { path: string; at: number }[] = [];
        page.on('request', (r) => {
          const u = new URL(r.url());
          if (u.pathname.startsWith('/api/')) asked.push({ path: u.pathname, at: performance.now() });
        });
        const releasedAt = await holdBack(page, chunk);
        await page.goto(`${product.api.url}${url}`);
        await page.locator('main h1').first().waitFor();
        await waitFor(async () => (await page.locator('.chart-state--loading, [aria-busy="true"]').count()) === 0, `${url} drawn`, 60_000);
        const released = releasedAt();
        expect(released).toBeLessThan(Infinity); // the page's code was the one held back
        for (const read of new Set(reads)) {
          const times = asked.filter((a) => a.path === read);
          const expected = reads.filter((r) => r === read).length;
          expect({ url, read, asked: times.length }).toEqual({ url, read, asked: expected });
          expect({ url, read, beforeTheCode: times.every((t) => t.at < released) }).toEqual({ url, read, beforeTheCode: true });
        }
        await page.close();
      }
    });
  }, 240_000);

  it('lets a browser keep the built files for a year, and ask again for the page itself', async () => {
    const page = await fetch(`${product.api.url}/overview`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const scripts = [...(await page.text()).matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await fetch(`${product.api.url}${script}`);
      expect({ script, status: res.status, cache: res.headers.get('cache-control') }).toEqual({ script, status: 200, cache: 'public, max-age=31536000, immutable' });
    }
  });

  /**
   * Issue 17: opened without a query string, a page's HTML names its first reads (PAGE_ACCESS
   * `firstReads`, `<link rel="preload">`), so they are asked before any of the dashboard's code has
   * run; the dashboard's own requests for them take those answers (each read reaches the API once,
   * and Chromium reports no unused preload).
   */
  it('asks a page’s first reads with its HTML, before the dashboard’s code has run, and each once', async () => {
    await asAdmin(async (context) => {
      const pages: { url: string; reads: string[] }[] = [
        { url: '/overview', reads: ['/api/overview', '/api/goals'] },
        { url: '/strategy', reads: ['/api/strategy/overview'] },
        { url: '/engagement', reads: ['/api/engagement/distribution', '/api/engagement/groups?by=department&days=30'] },
        { url: '/engagement/personas', reads: ['/api/engagement/personas?by=org&weeks=12', '/api/engagement/ambassadors?by=org&weeks=12'] },
        { url: '/audiences', reads: ['/api/segments'] },
        { url: '/content/newsletters', reads: ['/api/content/newsletters'] },
      ];
      for (const { url, reads } of pages) {
        const page = await context.newPage();
        const asked: { read: string; at: number }[] = [];
        const unused: string[] = [];
        page.on('request', (r) => {
          const u = new URL(r.url());
          if (u.pathname.startsWith('/api/') && u.pathname !== '/api/auth/me') asked.push({ read: u.pathname + u.search, at: performance.now() });
        });
        page.on('console', (m) => {
          if (/preloaded using link preload but not used/.test(m.text())) unused.push(m.text());
        });
        // React itself held back: nothing of the dashboard's can ask anything until it arrives.
        const releasedAt = await holdBack(page, /\/assets\/vendor-react-[\w-]+\.js$/);
        await page.goto(`${product.api.url}${url}`);
        await page.locator('main h1').first().waitFor();
        await waitFor(async () => (await page.locator('.chart-state--loading, [aria-busy="true"]').count()) === 0, `${url} drawn`, 60_000);
        // Past Chromium's 3 s after the load event, when it reports a preload nobody used.
        await page.waitForTimeout(3_500);
        const released = releasedAt();
        expect(released).toBeLessThan(Infinity);
        // The page may ask more once drawn (its other panels); its first reads once each, before React arrived.
        const first = asked.filter((a) => reads.includes(a.read));
        expect({ url, asked: first.map((a) => a.read).sort() }).toEqual({ url, asked: [...reads].sort() });
        expect({ url, beforeTheCode: first.every((a) => a.at < released) }).toEqual({ url, beforeTheCode: true });
        expect({ url, unused }).toEqual({ url, unused: [] });
        await page.close();
      }
    });
  }, 240_000);
});
