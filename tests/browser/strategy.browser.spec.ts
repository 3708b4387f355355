import * as path from 'node:path';
import type { GoalDetailDto, GoalListDto, LinkAnalysisDto, StrategyOverviewDto } from '@hubpulse/contracts';
import { waitFor } from '@hubpulse/testing';
import type { Page } from 'playwright-core';
import { fullPageShot, SHOTS, useDemoProduct, signInAs } from './demo-product';
import { expectAccessible } from './accessibility';


/** The page as printed: print media at an A4 page's width, a picture, and the PDF Chromium prints. */
async function shootPrint(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(500);
  await fullPageShot(page, `${name}.png`);
  await page.pdf({ path: path.join(SHOTS, `${name}.pdf`), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(viewport);
}

/**
 * The Strategy area as leadership meets it: the production build with the demo organisation (four
 * goals with twelve monthly KPI values and a linked audience each). A KPI CSV with a good and two bad
 * rows is imported on the revenue goal's page; the bad rows come back by line and column, and the
 * goal page and then the Strategy page show the new value, the new status, the forecast and the
 * link analysis: a year of demo engagement against twelve KPI months, so the lagged correlations
 * are computed (each with n, interval and p) beside the caveat.
 */
describe('Strategy area in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('strategy');

  it('imports KPI values from CSV and shows the value, status, forecast and link analysis', async () => {
    const page = await product.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = (p: string) => `${product.api.url}${p}`;

    await page.goto(url('/'));
    await page.waitForURL(/\/login/);
    await signInAs(page, 'admin@hubpulse.local');
    await page.waitForURL((u) => u.pathname === '/overview'); // an admin lands on the overview

    // The scorecard reads purpose indices, computed by the inline worker after seeding: wait for them
    // through the API (not by reloading the page, which would cancel its queries).
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const api = async <T>(p: string): Promise<T> => (await (await fetch(url(p), { headers: { cookie } })).json()) as T;
    await waitFor(async () => (await api<StrategyOverviewDto>('/api/strategy/overview')).scorecard.day, 'purpose indices of the demo data', 180_000, 2_000);
    const revenue = (await api<GoalListDto>('/api/goals')).goals.find((g) => g.metric === 'revenue')!;
    // The programme's difference in differences needs every targeted person's scores over both
    // windows: until the worker has scored the whole year, the people it has not reached yet would be
    // missing from the targeted group, and the privacy rules hide a group missing 1..k−1 people.
    const programmeLink = (await api<GoalDetailDto>(`/api/goals/${revenue.id}`)).links.find((l) => l.kind === 'programme')!;
    await waitFor(async () => (await api<LinkAnalysisDto>(`/api/goals/${revenue.id}/links/${programmeLink.id}/analysis`)).did?.estimate ?? false, 'the demo programme’s difference in differences', 240_000, 3_000);
    expect(revenue.status.status).toBe('off_track'); // the demo's revenue trails its monthly targets
    const month = revenue.status.as_of!; // the latest month with a value, YYYY-MM-01
    const expected = revenue.status.expected!;
    const newValue = Math.round((expected * 1.01) / 1000) * 1000; // 1% ahead of where it should be: on track

    // The Strategy page: the nav's first entry, a one-line summary, a card per goal, the rules beside them.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').first().textContent()).toBe('Strategy');
    await nav.getByRole('link', { name: 'Strategy' }).click();
    await page.waitForURL(/\/strategy$/);
    const summary = page.locator('section[aria-label="Summary"]');
    await summary.getByText('2 of 4 goals on track; Revenue off track, Market share at risk.').waitFor();
    const goals = page.locator('section[aria-label="Goals"]');
    expect(await goals.locator('article').count()).toBe(4);
    await expect(goals.textContent()).resolves.toMatch(/How status is decided.*On track: shortfall of 5% or less/s);
    const scorecard = page.locator('section[aria-label="The five purposes"]');
    expect(await scorecard.locator('tbody tr').count()).toBe(5);
    await scorecard.getByRole('button', { name: /Show \d+ departments/ }).click();
    await expect(scorecard.textContent()).resolves.toMatch(/fewer than 5/); // the small Executive Office stays hidden
    await fullPageShot(page, 'strategy.png');
    await expectAccessible(page, 'strategy: goals and the purposes scorecard by department');

    // The revenue goal: KPI against target with a forecast band, then the CSV import.
    await goals.getByRole('link', { name: revenue.name }).click();
    await page.waitForURL(/\/strategy\/goals\/[^/]+$/);
    const kpi = page.locator('section[aria-label="KPI against target"]');
    await kpi.locator('.recharts-line-curve').first().waitFor();
    expect(await kpi.locator('.recharts-area-area').count()).toBe(2); // the 80% and 95% bands
    await expect(kpi.locator('svg').first().textContent()).resolves.toContain('Forecast');

    const csv = ['period,value,note', `${month.slice(0, 7)},${newValue},restated after the close`, `${month.slice(0, 7)},12.5%,`, '2026-13,41000000,'].join('\n');
    const importer = page.locator('section[aria-label="Import KPI values from CSV"]');
    await expect(importer.textContent()).resolves.toContain('header row: period,value[,note]'); // KPI_CSV_HELP
    await importer.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'kpi-close.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await importer.getByRole('button', { name: 'Import' }).click();
    const result = importer.getByRole('status', { name: 'Import result' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/kpi-close\.csv: 3 rows read, 1 stored \(0 new, 1 replaced\), 2 rejected/);
    const bad = await result.locator('tbody tr').allTextContents();
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(/^3value.*plain number/); // line 3, column value
    expect(bad[1]).toMatch(/^4period.*month/); // line 4, column period
    await expectAccessible(page, 'goal: a KPI CSV imported, two rows refused');

    // The page follows: the new value with who set it, the history, a new status and forecast.
    const monthLabel = new Date(`${month}T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const values = page.locator('section[aria-label="KPI values"]');
    const row = values.locator('tbody tr', { hasText: monthLabel });
    await row.getByText(`$${newValue.toLocaleString('en-US')}`).waitFor();
    await expect(row.textContent()).resolves.toMatch(/CSV import.*admin@hubpulse\.local.*restated after the close/);
    await page.locator('section[aria-label="Value history"] tbody tr').first().waitFor();
    await expect(kpi.locator('.key-figures').textContent()).resolves.toMatch(/StatusOn track/);

    // An earlier month edited in its row: a typo is caught, a number is stored and the old one kept.
    const earlier = values.locator('tbody tr').nth(1);
    const earlierMonth = (await earlier.locator('th').textContent())!;
    await earlier.getByRole('button', { name: `Edit ${earlierMonth}` }).click();
    const edit = values.getByRole('form', { name: `Edit the value of ${earlierMonth}` });
    await edit.getByLabel('Value').fill('43.9M');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('must be a number (dot as decimal separator)').waitFor();
    await expectAccessible(page, 'goal: an inline KPI edit naming a typo');
    await edit.getByLabel('Value').fill('43950000');
    await edit.getByLabel('Note (optional)').fill('corrected by finance');
    await edit.getByRole('button', { name: 'Save' }).click();
    await values.locator('tbody tr', { hasText: 'corrected by finance' }).getByText('Typed in').waitFor();
    await page.locator('section[aria-label="Value history"] tbody tr').nth(1).waitFor();
    await page.locator('section[aria-label="Summary"]', { hasText: /^On track: .* Forecast for .*: \$[\d.]+M \(80% range/ }).waitFor();

    // Engagement against the KPI: the caveat always; with a year of engagement the correlations are computed.
    const link = page.locator('section[aria-label^="Engagement against the KPI: "]').first();
    await expect(link.textContent()).resolves.toMatch(/Correlation, not proof\./);
    await link.locator('table.correlations').waitFor({ timeout: 60_000 });
    // lag 0: Pearson and Spearman shown with r, interval, p and n (at least 6 months in common)
    const lag0 = link.locator('table.correlations tbody tr').first();
    expect(await lag0.locator('td.correlations__refused').count()).toBe(0);
    const cells = await lag0.locator('td').allTextContents(); // per method: r, 95% interval, p, n
    expect(cells).toHaveLength(8);
    for (const m of [0, 4]) {
      expect(cells[m]).toMatch(/^[+−-]?\d\.\d\d$/);
      expect(cells[m + 1]).toMatch(/^[+−-]?\d\.\d\d to [+−-]?\d\.\d\d$/);
      expect(Number(cells[m + 3])).toBeGreaterThanOrEqual(6);
    }
    // (responsive charts: drawn once they have measured themselves, maybe after the table)
    await link.locator('.small-multiple .recharts-line-curve').nth(1).waitFor();
    expect(await link.locator('.small-multiple .recharts-line-curve').count()).toBe(2); // KPI and engagement side by side
    // The demo's launched programme (Sales at one site, the rest of Sales compares): a before/after estimate.
    const programme = page.locator('section[aria-label^="Engagement against the KPI: "]', { hasText: 'Programme: Sales vision briefings' });
    await programme.locator('.did__estimate').waitFor({ timeout: 60_000 });
    expect(await programme.locator('.did .correlations__refused').count()).toBe(0);
    expect(await programme.locator('.did__table tbody tr').count()).toBe(2);
    await fullPageShot(page, 'strategy-goal.png');
    await expectAccessible(page, 'goal: value, status, forecast and link analysis');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await importer.isVisible()).toBe(false);
    await expect(kpi.isVisible()).resolves.toBe(true);
    await shootPrint(page, 'strategy-goal-print');

    // Back on the Strategy page: the revenue card and the summary have moved.
    await nav.getByRole('link', { name: 'Strategy' }).click();
    await page.waitForURL(/\/strategy$/);
    // Waited for (not read at once): the goal page's own summary is on screen until this page renders.
    await page.locator('section[aria-label="Summary"]', { hasText: '3 of 4 goals on track; Market share at risk.' }).waitFor();
    const card = goals.locator('article', { hasText: revenue.name });
    await expect(card.locator('.badge--status').textContent()).resolves.toBe('On track');
    await expect(card.textContent()).resolves.toMatch(new RegExp(`Latest, ${monthLabel}.*Forecast.*chance of meeting the target`));
    await expectAccessible(page, 'strategy: the revenue goal on track after the import');
    await shootPrint(page, 'strategy-print');

    // A new goal the server refuses: each 400 message beside the field it names.
    await page.getByRole('link', { name: 'New goal' }).click();
    const form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel('Goal name').fill('Cut support cost');
    await form.getByLabel('Baseline').fill('100000');
    await form.getByLabel('Target', { exact: true }).fill('120000');
    await form.getByLabel('Target type').selectOption('decrease_to');
    await form.getByLabel('Currency').fill('euros');
    await form.getByRole('button', { name: 'Create goal' }).click();
    await form.locator('[data-field="target"] .field-error').getByText('must be below baseline for target_type decrease_to').waitFor();
    await form.locator('[data-field="unit"] .field-error').getByText(/3-letter ISO 4217/).waitFor();
    await fullPageShot(page, 'strategy-form.png');
    await expectAccessible(page, 'goal editor: the server’s 400 messages beside their fields');

    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('lands leadership on the Strategy page', async () => {
    // The demo's leader account (one demo user per role, the admin's password).
    const context = await product.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'leader@hubpulse.local');
    await page.waitForURL((u) => u.pathname === '/strategy'); // signing in lands a leader on Strategy
    await page.goto(`${product.api.url}/`);
    await page.waitForURL((u) => u.pathname === '/strategy');
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    await page.getByText(/^Loading/).first().waitFor({ state: 'detached', timeout: 60_000 });
    await expectAccessible(page, 'strategy: as a leader');
    await context.close();
  }, 60_000);
});
