import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, useDemoProduct, signInAs } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The Engagement area as an admin meets it: the production build with the demo organisation, sign
 * in, open Engagement, and see the score distribution, scores by group, the recompute jobs, the
 * purpose indices, personas and the scoring model editor drawn with real numbers.
 */
describe('Engagement area in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('engagement');

  /**
   * Waits for `selector`, reloading between waits: scores and patterns are computed by the worker
   * after seeding, and a cold query on a busy machine can take several seconds (a quick reload
   * would cancel it each time).
   */
  async function reloadUntil(page: Page, selector: string, tries = 12): Promise<void> {
    for (let i = 0; i < tries; i++) {
      try {
        await page.locator(selector).first().waitFor({ timeout: 15_000 });
        return;
      } catch {
        await page.reload();
      }
    }
    await page.screenshot({ path: path.join(SHOTS, 'engagement-failure.png'), fullPage: true });
    const text = ((await page.locator('main').first().textContent()) ?? '').slice(0, 800);
    throw new Error(`never appeared: ${selector} at ${page.url()}\n${text}`);
  }

  it('signs in and shows scores, groups, jobs, purposes, personas and the model editor', async () => {
    const page = await product.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${product.api.url}/`);
    await page.waitForURL(/\/login/);
    await signInAs(page, 'admin@hubpulse.local');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagement' }).click();
    await page.waitForURL(/\/engagement$/);
    await page.getByRole('heading', { name: 'Engagement', level: 1 }).waitFor();

    // Score distribution: a histogram with bars, the percentile-rank definition and the quantiles.
    const distribution = page.locator('section[aria-label="Score distribution"]');
    await reloadUntil(page, 'section[aria-label="Score distribution"] .recharts-bar-rectangle');
    expect(await distribution.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
    await expect(distribution.textContent()).resolves.toMatch(/percentile rank/i);
    await expect(distribution.locator('table').textContent()).resolves.toMatch(/Median/);

    // Scores by group: lines of the largest departments and a table of every department.
    const groups = page.locator('section[aria-label="Scores by group"]');
    await reloadUntil(page, 'section[aria-label="Scores by group"] .recharts-line-curve');
    expect(await groups.locator('.recharts-line-curve').count()).toBeGreaterThanOrEqual(2);
    expect(await groups.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await groups.getByRole('radio', { name: 'Tenure' }).click();
    await page.waitForURL(/by=tenure/);
    await groups.locator('tbody th', { hasText: /year/ }).first().waitFor();

    // Recompute jobs: the seeding run is listed as done, and admins get the buttons.
    const jobs = page.locator('section[aria-label="Score recompute jobs"]');
    await jobs.getByText('Done').first().waitFor();
    await jobs.getByRole('button', { name: 'Full recompute' }).waitFor();

    await page.waitForTimeout(2500); // let Recharts finish drawing before the picture
    await page.screenshot({ path: path.join(SHOTS, 'engagement.png'), fullPage: true });
    await expectAccessible(page, 'engagement: scores, groups by tenure, jobs');

    // Purposes: the five indices, each with its definition beside the number.
    await page.getByRole('navigation', { name: 'Engagement sections' }).getByRole('link', { name: 'Purposes' }).click();
    const purposes = page.locator('section[aria-label="The five purposes"]');
    // Patterns are computed right after the scores: wait for a number, not just the cards.
    await reloadUntil(page, 'section[aria-label="The five purposes"] .purpose__value:not(.purpose__value--muted)');
    expect(await purposes.locator('article').count()).toBe(5);
    await expect(purposes.locator('article').first().textContent()).resolves.toMatch(/\d+(\.\d)?%.*inform/i);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, 'engagement-purposes.png'), fullPage: true });
    await expectAccessible(page, 'engagement: the five purposes');

    // Personas: weekly counts drawn and the latest week in a table.
    await page.getByRole('navigation', { name: 'Engagement sections' }).getByRole('link', { name: 'Personas & ambassadors' }).click();
    const personas = page.locator('section[aria-label="Personas"]');
    await personas.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
    expect(await personas.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    await page.locator('section[aria-label="Ambassador pipeline"] tbody tr').first().waitFor();
    // Hidden numbers say why (hiddenReasonText) in their tooltip, never a bare "fewer than k".
    for (const tip of await page.locator('main .suppressed[data-tip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tip') ?? ''))) {
      expect(tip).toMatch(/^Hidden to protect privacy: /);
    }
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(SHOTS, 'engagement-personas.png'), fullPage: true });
    await expectAccessible(page, 'engagement: personas and ambassadors, hidden numbers among them');

    // Leader responsiveness: the headline numbers, and the groups table by department.
    await page.getByRole('navigation', { name: 'Engagement sections' }).getByRole('link', { name: 'Leader responsiveness' }).click();
    await page.locator('.leader-kpi__value').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(SHOTS, 'engagement-leaders.png'), fullPage: true });
    await expectAccessible(page, 'engagement: leader responsiveness');

    // The scoring model editor refuses what the server would, before asking it.
    await page.goto(`${product.api.url}/admin/scoring-model`);
    const editor = page.getByRole('form', { name: 'Scoring model editor' });
    await editor.getByLabel('Comment half-life (days)').fill('0');
    await editor.getByRole('button', { name: /Save as version/ }).click();
    await editor.getByRole('alert').getByText(/Comment half-life/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'engagement-scoring-model.png'), fullPage: true });
    await expectAccessible(page, 'scoring model editor: a bad half-life refused');

    expect(errors).toEqual([]);
  }, 420_000);
});
