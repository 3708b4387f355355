import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { channelLabel } from '@hubpulse/contracts';
import { waitFor } from '@hubpulse/testing';
import { expectAccessible } from './accessibility';
import { SHOTS, fullPageShot, useDemoProduct, signInAs } from './demo-product';

/**
 * Charts as a screen-reader user meets them (issue 18): each chart is an image named after what it
 * shows and described by a generated summary (trend, largest and smallest values); "View as table"
 * shows the same numbers as a table with a caption and headers — the numbers the API sent, and a
 * hidden number as hidden, never as a number. Found by roles and accessible names only.
 */
describe('chart text alternatives and "View as table" (production build, demo data)', () => {
  const product = useDemoProduct('chart-alternatives');

  const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const formatDay = (d: string) => day.format(Date.parse(`${d.slice(0, 10)}T00:00:00Z`));

  async function api<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${product.api.url}${path}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as T;
  }

  /** A new context's page (axe-core needs one made by newContext()) signed in as the admin; page errors go to `errors`. */
  async function signedInAdmin(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await product.browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'admin@hubpulse.local');
    return { page, errors };
  }

  /** The description of an element as assistive technology gets it: the text of its aria-describedby targets. */
  async function description(el: Locator): Promise<string> {
    const ids = ((await el.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => el.page().locator(`[id="${id}"]`).textContent()));
    return texts.join(' ').trim();
  }

  /** The headers of a table, in order. */
  async function headers(table: Locator): Promise<string[]> {
    await table.getByRole('columnheader').first().waitFor();
    return (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim());
  }

  /** The text of the cells of the row whose header is `rowName`. */
  async function rowCells(table: Locator, rowName: string): Promise<string[]> {
    const row = table.getByRole('row', { name: new RegExp(`^${rowName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) });
    await row.first().waitFor();
    return (await row.first().getByRole('cell').allTextContents()).map((t) => t.trim());
  }

  it('names and describes the overview charts, and their tables hold the API’s numbers', async () => {
    const { page, errors } = await signedInAdmin();
    await waitFor(async () => ((await api<{ engagement: unknown[] }>(page, '/api/overview')).engagement?.length ?? 0) > 30, 'scores of the demo data', 180_000, 2_000);
    await page.goto(`${product.api.url}/overview`);

    // Engagement index: an image named after the chart, described by its summary.
    const engagement = page.getByRole('region', { name: 'Engagement index' });
    const chart = engagement.getByRole('img', { name: 'Engagement index by day' });
    await chart.waitFor({ timeout: 60_000 });
    const summary = await description(chart);
    expect(summary).toMatch(/^Engagement index, \w{3} \d{1,2}, \d{4} to \w{3} \d{1,2}, \d{4} \(\d+ days\): (rose|fell|stayed)/);
    expect(summary).toMatch(/Highest \d+\.\d%.*; lowest \d+\.\d%/);
    await expect(chart.locator('desc').textContent()).resolves.toBe(summary);
    await engagement.getByRole('paragraph').filter({ hasText: summary }).waitFor(); // the same words under the chart, for everyone

    const toggle = engagement.getByRole('button', { name: 'View as table' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const table = engagement.getByRole('table', { name: 'Engagement index by day' });
    await table.waitFor();
    expect(await headers(table)).toEqual(['Day', 'Engagement index', 'People active in the 7 days']);
    const overview = await api<{ engagement: { day: string; index: number | null; people: number | null }[]; by_channel: { channel: string; events: number | null; active_people: number | null }[] }>(page, '/api/overview');
    const last = [...overview.engagement].reverse().find((r) => r.index !== null && r.people !== null)!;
    expect(await rowCells(table, formatDay(last.day))).toEqual([`${(Math.round(last.index! * 10) / 10).toFixed(1)}%`, int.format(last.people!)]);
    await expectAccessible(page, 'chart alternatives: the engagement index as a table');
    await fullPageShot(page, 'charts-overview-engagement-table', 300);
    await toggle.click(); // back to the chart
    await chart.waitFor();

    // Activity by channel: largest and smallest channels in words, the counts in the table.
    const channels = page.getByRole('region', { name: 'Activity by channel' });
    const bars = channels.getByRole('img', { name: 'Events and active people by channel' });
    await bars.waitFor();
    await page.waitForTimeout(1500); // bars grow in
    await channels.screenshot({ path: path.join(SHOTS, 'charts-channel-activity.png') });
    const channelSummary = await description(bars);
    expect(channelSummary).toMatch(/^Events per channel \(\d+ shown\): largest .+, [\d,]+; smallest .+, [\d,]+\. (Hidden for privacy: .+\. )?Active people per channel/);
    await channels.getByRole('button', { name: 'View as table' }).click();
    const channelTable = channels.getByRole('table', { name: 'Events and active people by channel' });
    expect(await headers(channelTable)).toEqual(['Channel', 'Events', 'Active people']);
    // every channel as the API sent it: a hidden count says so (and is named in the summary), never a number
    for (const c of overview.by_channel) {
      const cells = await rowCells(channelTable, channelLabel(c.channel));
      expect({ channel: c.channel, cells }).toEqual({ channel: c.channel, cells: [c.events, c.active_people].map((n) => (n === null ? expect.stringMatching(/^(hidden|fewer than)[^\d]*Hidden to protect privacy/) : int.format(n))) });
      if (c.events === null) expect(channelSummary).toMatch(new RegExp(`Events per channel.*Hidden for privacy: [^.]*${channelLabel(c.channel)}.*Active people`));
    }
    await expectAccessible(page, 'chart alternatives: activity by channel as a table');
    await fullPageShot(page, 'charts-overview-tables', 300);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 400_000);

  it('shows a hidden band of a segment’s score distribution as hidden in the table, never as a number', async () => {
    const { page, errors } = await signedInAdmin();
    type Bin = { from: number; to: number; count: number | null };
    const { segments } = await api<{ segments: { id: string; name: string }[] }>(page, '/api/segments');
    const segment = segments.find((s) => s.name === 'Sales in New York') ?? segments[0];
    let bins: Bin[] = [];
    await waitFor(
      async () => {
        const detail = await api<{ composition: { score: { bins: Bin[] } } | null }>(page, `/api/segments/${segment.id}`);
        bins = detail.composition?.score.bins ?? [];
        return bins.length > 0;
      },
      'the segment’s composition',
      180_000,
      2_000,
    );
    await page.goto(`${product.api.url}/audiences/segments/${segment.id}`);
    const chart = page.getByRole('region', { name: 'Composition' }).getByRole('img', { name: 'Members per engagement score band' });
    await chart.waitFor({ timeout: 60_000 });
    expect(await description(chart)).toMatch(/^Members per engagement score band \(\d+ shown\): largest Score \d+–\d+, [\d,]+; smallest Score \d+–\d+, [\d,]+\./);
    const composition = page.getByRole('region', { name: 'Composition' });
    await composition.getByRole('button', { name: 'View as table' }).click();
    const table = composition.getByRole('table', { name: 'Members per engagement score band' });
    expect(await headers(table)).toEqual(['Score band', 'Members']);
    for (const b of [...bins].sort((x, y) => x.from - y.from)) {
      const [cell] = await rowCells(table, `Score ${b.from}–${b.to}`);
      // the short mark, then the disclosure layer's sentence for screen readers: no number of members
      if (b.count === null) expect(cell).toMatch(/^(fewer than \d+|hidden( \([a-z ]+\))?)Hidden to protect privacy[^\d]*(\d+ people[^\d]*)?$/);
      else expect(cell).toBe(int.format(b.count));
    }
    await expectAccessible(page, 'chart alternatives: a segment’s score bands as a table, hidden bands as hidden');
    await fullPageShot(page, 'charts-segment-score-bands-table', 300);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 400_000);
  it('tells lines and bands apart by more than colour, and names and describes the Strategy and Engagement charts', async () => {
    const { page, errors } = await signedInAdmin();

    // A goal: the KPI chart with its forecast; the summary gives the forecast and its bands, the table the same.
    const { goals } = await api<{ goals: { id: string }[] }>(page, '/api/goals');
    await page.goto(`${product.api.url}/strategy/goals/${goals[0].id}`);
    const kpiPanel = page.getByRole('region', { name: 'KPI against target' });
    const kpi = kpiPanel.getByRole('img', { name: 'KPI against its target, with the forecast' });
    await kpi.waitFor({ timeout: 60_000 });
    const kpiSummary = await description(kpi);
    expect(kpiSummary).toMatch(/^Measured values, .+ \(\d+ months?\): .+ Target .+\. (Forecast for \w{3} \d{4}: .+ \(80% band .+; 95% band .+\)|No forecast)\.$/);
    await kpiPanel.getByRole('button', { name: 'View as table' }).click();
    const kpiTable = kpiPanel.getByRole('table', { name: 'KPI by month: measured, where it should be, and the forecast' });
    expect(await headers(kpiTable)).toEqual(['Month', 'Measured', 'Where it should be', 'Forecast', '80% band', '95% band']);
    await expectAccessible(page, 'chart alternatives: a goal’s KPI chart as a table');
    await fullPageShot(page, 'charts-goal-kpi-table', 300);
    await kpiPanel.getByRole('button', { name: 'View as table' }).click();
    await kpi.waitFor();
    await page.waitForTimeout(500);
    await fullPageShot(page, 'charts-goal-kpi', 300);

    // Scores by group: one line per group, each with its own dash pattern.
    await page.goto(`${product.api.url}/engagement`);
    const groups = page.getByRole('region', { name: 'Scores by group' });
    const trends = groups.getByRole('img', { name: /^Daily mean score by / });
    await trends.waitFor({ timeout: 120_000 });
    expect(await description(trends)).toMatch(/^Daily mean score, .+ \(\d+ days\), \d+ lines: /);
    // Read once the lines are drawn and their entrance animation is over: while it runs Recharts sets
    // stroke-dasharray itself (in px), and on its first frame every dashed line has the same "0px, 0px".
    let dashes: string[] = [];
    await waitFor(
      async () => {
        dashes = await trends.locator('path.recharts-line-curve').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'));
        return dashes.length >= 2 && dashes.every((d) => !d.includes('px'));
      },
      'the group lines drawn, their animation over',
      30_000,
      100,
    ).catch(() => undefined);
    expect(dashes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(dashes).size).toBe(dashes.length);
    await page.waitForTimeout(1500); // lines animate in
    await expectAccessible(page, 'chart alternatives: Engagement, scores by group');
    await fullPageShot(page, 'charts-engagement', 300);

    // Personas: the stacked weeks named, described and tabled.
    await page.goto(`${product.api.url}/engagement/personas`);
    const weeks = page.getByRole('img', { name: 'People per persona, by week' });
    await weeks.waitFor({ timeout: 120_000 });
    expect(await description(weeks)).toMatch(/^People per persona and week, /);
    await page.waitForTimeout(1500);
    await expectAccessible(page, 'chart alternatives: Personas by week');
    await fullPageShot(page, 'charts-personas', 300);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 400_000);
});
