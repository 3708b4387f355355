import * as fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { eventMappingsTable, purposeScorecardTable, type EventMappingsBody, segmentCompositionTable, toCsv, type ExportDto, type OverviewResponse, type SegmentDetailDto, type SegmentListDto, type StrategyOverviewDto } from '@hubpulse/contracts';
import { fullPageShot, SHOTS, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';
import type { PageGlobals } from './page-globals';

/**
 * Exports (issue 14) in headless Chromium on the production build with the demo organisation: an
 * analyst exports Overview → Activity by channel as CSV from the panel's Export menu and gets the
 * numbers the page was drawn from; the engagement groups as XLSX; Reports → Exports lists both with
 * their manifests; the menu works by keyboard.
 */
describe('Exports from the panels in headless Chromium', () => {
  const product = useDemoProduct('exports');
  const errors: string[] = [];
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await product.browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'analyst@hubpulse.local');
  });

  afterAll(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('exports Activity by channel as CSV with the numbers the page shows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL(/\/overview/);
    const panel = page.locator('section[aria-label="Activity by channel"]');
    await panel.locator('.recharts-surface').first().waitFor();
    const menu = panel.getByRole('button', { name: 'Export: Activity by channel' });
    await menu.click();
    await fullPageShot(page, 'exports-menu-open');
    await expectAccessible(page, 'exports: the Export menu open on Activity by channel');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('menuitem', { name: /^CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hubpulse-overview-channels-\d{8}-\d{4}\.csv$/);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    await panel.getByRole('status').getByText(/^Downloaded hubpulse-overview-channels-.*\.csv: \d+ rows/).waitFor();
    await expectAccessible(page, 'exports: a CSV downloaded, its status shown');

    // The same numbers as the page's own read of the same range.
    const dto = (await page.evaluate(`fetch('/api/overview').then((r) => r.json())`)) as OverviewResponse;
    expect(lines[0]).toBe('from,to,channel,events,active_people,note');
    // The total row: the page's numbers, and a note exactly when one of them is hidden (the demo's
    // people count over the window can be, while its data is still being scored).
    expect(lines[1].startsWith(`${dto.range.from},${dto.range.to},all,${dto.totals.events ?? ''},${dto.totals.active_people ?? ''},`)).toBe(true);
    const totalNote = lines[1].split(',').slice(5).join(',');
    if (dto.totals.events_hidden || dto.totals.active_people_hidden) expect(totalNote).toMatch(/Hidden to protect privacy/);
    else expect(totalNote).toBe('');
    expect(lines).toHaveLength(2 + dto.by_channel.length);
    for (const c of dto.by_channel) {
      const line = lines.find((l) => l.split(',')[2] === c.channel)!;
      expect(line.split(',').slice(3, 5)).toEqual([String(c.events ?? ''), String(c.active_people ?? '')]);
      if (c.events === null || c.active_people === null) expect(line).toMatch(/Hidden to protect privacy/);
    }
  }, 120_000);

  it('exports the engagement groups as an Excel workbook, the menu driven by keyboard', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagement' }).click();
    await page.waitForURL(/\/engagement/);
    const menu = page.getByRole('button', { name: /^Export: scores by department$/ });
    // The panel shows its menu once the group scores are read: a cold read on a loaded machine
    // (demo start-up jobs, parallel suites) has taken over 30 s.
    await menu.waitFor({ timeout: 120_000 });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'exports: the engagement groups Export menu opened by keyboard');
    // the menu button pattern: focus on the first format, Escape closes and gives focus back
    await page.waitForFunction(() => {
      const focused = (globalThis as unknown as PageGlobals).document.activeElement;
      return focused?.getAttribute('role') === 'menuitem' && focused.textContent?.startsWith('CSV');
    });
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(menu.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^hubpulse-engagement-groups-.*\.xlsx$/);
    expect(fs.readFileSync((await download.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 240_000);

  it('lists the exports under Reports → Exports with their manifests', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports\/exports$/);
    const table = page.getByRole('table', { name: 'Your exports' });
    await table.getByRole('row').nth(2).waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/Engagement: groups.*XLSX.*Ready/);
    expect(rows[1]).toMatch(/Overview: activity by channel.*CSV.*Ready/);
    await fullPageShot(page, 'exports-reports-list');
    await expectAccessible(page, 'exports: Reports → Exports with two exports');
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Manifest of Overview: activity by channel (CSV)' }).click()]);
    const manifest = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ view: 'overview.channels', format: 'csv', created_by: 'analyst@hubpulse.local', min_group_size: 5 });
    const exports = (await page.evaluate(`fetch('/api/exports').then((r) => r.json())`)) as ExportDto[];
    expect(exports.map((e) => e.status)).toEqual(['done', 'done']);
  }, 120_000);

  it('has Export ▾ on the purposes scorecard and a segment’s panels, with the numbers of the page’s read', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Strategy' }).click();
    await page.waitForURL(/\/strategy/);
    const purposes = page.locator('section[aria-label="The five purposes"]');
    const menu = purposes.getByRole('button', { name: 'Export: five purposes scorecard' });
    await menu.click();
    await purposes.getByRole('menuitem', { name: /^CSV/ }).waitFor();
    await fullPageShot(page, 'exports-purposes-menu-open');
    await expectAccessible(page, 'exports: the purposes scorecard Export menu open');
    const [download] = await Promise.all([page.waitForEvent('download'), purposes.getByRole('menuitem', { name: /^CSV/ }).click()]);
    const overview = (await page.evaluate(`fetch('/api/strategy/overview').then((r) => r.json())`)) as StrategyOverviewDto;
    const t = purposeScorecardTable(overview);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(toCsv(t.columns.map((c) => c.name), t.rows));

    // a segment: composition, size over time and channel rates each have their menu
    const list = (await page.evaluate(`fetch('/api/segments').then((r) => r.json())`)) as SegmentListDto;
    const segment = list.segments.find((x) => x.size !== null && x.membership_version !== null)!;
    await page.goto(`${product.api.url}/audiences/segments/${segment.id}`);
    for (const what of [`Export: composition of ${segment.name}`, `Export: runs of ${segment.name}`, `Export: channel rates of ${segment.name}`]) {
      await page.getByRole('button', { name: what }).waitFor();
    }
    const composition = page.locator('section[aria-label="Composition"]');
    await composition.getByRole('button', { name: `Export: composition of ${segment.name}` }).click();
    await composition.getByRole('menuitem', { name: /^CSV/ }).waitFor();
    await composition.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/exports-composition-menu-open.png` });
    await expectAccessible(page, 'exports: a segment’s composition Export menu open');
    const [file] = await Promise.all([page.waitForEvent('download'), composition.getByRole('menuitem', { name: /^CSV/ }).click()]);
    const detail = (await page.evaluate(`fetch('/api/segments/${segment.id}').then((r) => r.json())`)) as SegmentDetailDto;
    const c = segmentCompositionTable(detail);
    expect(fs.readFileSync((await file.path())!, 'utf8')).toBe(toCsv(c.columns.map((x) => x.name), c.rows));
  }, 120_000);

  it('has Export ▾ on the admin pages: data sources and the saved event mappings (an admin)', async () => {
    const admin = await product.browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    try {
      const p = await admin.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${product.api.url}/login`);
      await signInAs(p, 'admin@hubpulse.local');
      await p.goto(`${product.api.url}/admin/data-sources`);
      await p.getByRole('button', { name: 'Export: data sources' }).click();
      await p.getByRole('menuitem', { name: /^Parquet/ }).waitFor();
      await p.screenshot({ path: `${SHOTS}/exports-data-sources-menu-open.png` });
      await expectAccessible(p, 'exports: the data sources Export menu open');
      await p.keyboard.press('Escape');

      await p.goto(`${product.api.url}/admin/event-mappings`);
      const menu = p.getByRole('button', { name: 'Export: event mappings' });
      await menu.click();
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('menuitem', { name: /^CSV/ }).click()]);
      const saved = (await p.evaluate(`fetch('/api/ingestion/mappings').then((r) => r.json())`)) as EventMappingsBody;
      const t = eventMappingsTable(saved.mappings);
      expect(t.rows.length).toBeGreaterThan(0);
      expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(toCsv(t.columns.map((c) => c.name), t.rows));
    } finally {
      await admin.close();
    }
  }, 120_000);
});
