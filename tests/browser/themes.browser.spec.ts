import type { StrategyOverviewDto } from '@hubpulse/contracts';
import { waitFor } from '@hubpulse/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './accessibility';
import { fullPageShot, signedInPage, useDemoProduct } from './demo-product';

/** The main pages of the demo as an admin sees them, each checked in both colour schemes. */
const PAGES = [
  '/overview',
  '/strategy',
  '/engagement',
  '/engagement/purposes',
  '/engagement/personas',
  '/engagement/leaders',
  '/engagement/why',
  '/audiences',
  '/audiences/programmes',
  '/content',
  '/content/newsletters',
  '/content/authors',
  '/reports/exports',
  '/reports/saved-views',
  '/reports/schedules',
  '/reports/alerts',
  '/reports/tokens',
  '/reports/glossary',
  '/admin/data-sources',
  '/admin/event-mappings',
  '/admin/scoring-model',
  '/admin/people',
  '/admin/write-keys',
  '/admin/imports',
  '/admin/audit',
  '/account',
];

/** Waits until no panel shows its loading state any more, then for the charts' entry animation. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.locator('main h1').first().waitFor();
  await page.locator('.chart-state--loading, [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(1500);
}

/**
 * The dashboard in the light and in the dark colour scheme (`prefers-color-scheme`, issue 18): every
 * main page of the demo, after the worker has computed the scores and purpose indices, checked with
 * axe-core's WCAG 2.x A/AA rules (contrast among them) and photographed into test-results/
 * (theme-light-*.png, theme-dark-*.png). Every page is checked before the spec fails, so one run
 * lists every page that breaks.
 */
describe('light and dark colour schemes in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('themes');
  const contexts: BrowserContext[] = [];
  afterAll(async () => Promise.all(contexts.map((c) => c.close())));

  it.each(['light', 'dark'] as const)('shows every main page in the %s scheme without an accessibility violation', async (scheme) => {
    const errors: string[] = [];
    const page = await signedInPage(product, 'admin@hubpulse.local', contexts, errors);
    await page.emulateMedia({ colorScheme: scheme });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await waitFor(
      async () => ((await (await fetch(`${product.api.url}/api/strategy/overview`, { headers: { cookie } })).json()) as StrategyOverviewDto).scorecard.day,
      'purpose indices of the demo data',
      240_000,
      2_000,
    );
    // The scheme reaches the page: the body's background is dark in the dark scheme, light in the light one.
    // (a string: this project's Node typings have no DOM)
    const background = (await page.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3 < 128).toBe(scheme === 'dark');

    const failures: string[] = [];
    for (const route of PAGES) {
      await page.goto(`${product.api.url}${route}`);
      await settle(page);
      await fullPageShot(page, `theme-${scheme}${route.replaceAll('/', '-')}`);
      await expectAccessible(page, `${route} in the ${scheme} scheme`).catch((e: Error) => failures.push(e.message));
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);
});
