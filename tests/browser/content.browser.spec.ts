import type { BrowserContext, Page } from 'playwright-core';
import { channelLabel, type ContentListDto, type NewslettersDto } from '@hubpulse/contracts';
import { waitFor } from '@hubpulse/testing';
import { fullPageShot, signedInPage, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The Content area (issue 15) in headless Chromium on the production build with the demo
 * organisation (60 days): a planner ranks items and opens one (figures within its audience, the decay
 * chart), sees newsletters with their open rates and an issue's links and departments, and authors;
 * every panel has its Export menu; hidden numbers show the privacy mark, never 0. Screenshots go to
 * test-results/content-*.png.
 */
describe('Content area in headless Chromium', () => {
  const product = useDemoProduct('content', async () => ({ HUBPULSE_DEMO_DAYS: '60' }));
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let planner: Page;

  beforeAll(async () => {
    planner = await signedInPage(product, 'planner@hubpulse.local', contexts, errors);
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    expect(errors).toEqual([]);
  });

  const api = async <T>(path: string) => (await planner.evaluate(async (p) => (await fetch(p)).json(), path)) as T;

  it('ranks items, top and bottom, with read rates within their audience', async () => {
    await planner.goto(`${product.api.url}/overview`);
    await planner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Content' }).click();
    await planner.waitForURL((u) => u.pathname === '/content');
    const table = planner.getByRole('table', { name: 'Content items' });
    await table.waitFor();
    // The demo's segments (some items' audiences) are still being computed after start-up, so the
    // page and a later read may see different data: reload until the page drew what the API answers now.
    let list: ContentListDto | undefined;
    let top: ContentListDto['items'][number] | undefined;
    await waitFor(async () => {
      list = await api<ContentListDto>('/api/content/items');
      top = list.items.find((i) => i.read_rate.value !== null);
      if (!top) return false;
      await planner.reload();
      await table.locator('tbody tr').first().waitFor();
      return (await table.locator('tbody tr').first().getAttribute('data-item')) === top.content_id;
    }, "the items page to show the API's ranking", 120_000, 2000);
    expect(list!.items.length).toBeGreaterThan(0);
    const shownRates = list!.items.filter((i) => i.read_rate.value !== null);
    // the top row is the item with the highest shown read rate
    expect(Math.max(...shownRates.map((i) => i.read_rate.value!))).toBe(top!.read_rate.value);
    expect(await table.locator('tbody tr').first().getAttribute('data-item')).toBe(top!.content_id);
    // items aimed at a segment say so
    expect(list!.items.some((i) => i.audience.segment_id !== null) || (await api<ContentListDto>('/api/content/items?channel=documents')).items.some((i) => i.audience.segment_id !== null)).toBe(true);
    await planner.getByRole('button', { name: /^Export/ }).first().waitFor();
    await fullPageShot(planner, 'content-items', 600);
    await expectAccessible(planner, 'content: top items');

    await planner.getByRole('radiogroup', { name: 'Show' }).getByRole('radio', { name: 'Bottom' }).click();
    await planner.getByRole('heading', { name: 'Bottom content' }).waitFor();
    await planner.getByLabel('Channel').selectOption('newsletter');
    await planner.waitForURL((u) => u.searchParams.get('channel') === 'newsletter' && u.searchParams.get('order') === 'asc');
    // The URL changes before the filtered list is drawn (and the unfiltered rows are still on screen
    // until then): wait until every row shown is a newsletter.
    const channels = table.locator('tbody tr > td:first-child > div.muted');
    await waitFor(async () => {
      const shown = await channels.allTextContents();
      return shown.length > 0 && shown.every((c) => c.startsWith(`${channelLabel('newsletter')} ·`));
    }, 'the bottom newsletters drawn', 60_000);
    await fullPageShot(planner, 'content-items-bottom-newsletters', 600);
    await expectAccessible(planner, 'content: bottom items of newsletters');
  }, 180_000);

  it("opens an item: its audience figures and attention by day since publishing", async () => {
    const list = await api<ContentListDto>('/api/content/items?channel=blog');
    const item = list.items.find((i) => i.read_rate.value !== null) ?? list.items[0];
    await planner.goto(`${product.api.url}/content`);
    await planner.getByRole('table', { name: 'Content items' }).waitFor();
    await planner.goto(`${product.api.url}/content?channel=blog`);
    await planner.getByRole('link', { name: item.title, exact: true }).first().click();
    await planner.getByRole('heading', { name: item.title }).waitFor();
    await planner.getByText('Read rate', { exact: true }).first().waitFor();
    await planner.getByRole('heading', { name: 'Attention by day since publishing' }).waitFor();
    if (item.read_rate.value !== null) await planner.locator('.recharts-bar-rectangle').first().waitFor();
    await fullPageShot(planner, 'content-item', 800);
    await expectAccessible(planner, 'content: an item with its decay chart');
  }, 180_000);

  it('shows newsletters with open rates, an issue with its links and departments', async () => {
    await planner.goto(`${product.api.url}/content/newsletters`);
    const table = planner.getByRole('table', { name: 'Newsletter issues' });
    await table.waitFor();
    const n = await api<NewslettersDto>('/api/content/newsletters');
    expect(n.issues.length).toBeGreaterThan(0);
    const shown = n.issues.filter((i) => i.open_rate.value !== null);
    expect(shown.length).toBeGreaterThan(0);
    expect(n.issues.some((i) => (i.machine_opens_excluded ?? 0) > 0)).toBe(true);
    await fullPageShot(planner, 'content-newsletters', 600);
    await expectAccessible(planner, 'content: newsletters');
    const issue = shown[0];
    await table.getByRole('link', { name: issue.title, exact: true }).first().click();
    await planner.getByRole('heading', { name: 'Links' }).waitFor();
    await planner.getByRole('table', { name: 'Links' }).or(planner.getByText('No links to show')).first().waitFor();
    await planner.getByRole('table', { name: 'By department' }).or(planner.getByText('No groups to show')).first().waitFor();
    await fullPageShot(planner, 'content-newsletter-issue', 600);
    await expectAccessible(planner, 'content: a newsletter issue by department');
    await planner.getByRole('radiogroup', { name: 'Break down by' }).getByRole('radio', { name: 'Segment' }).click();
    await planner.getByRole('heading', { name: 'By segment' }).waitFor();
    await expectAccessible(planner, 'content: a newsletter issue by segment');
  }, 180_000);

  it('lists authors; hidden numbers show the privacy mark, never 0', async () => {
    await planner.goto(`${product.api.url}/content/authors`);
    const table = planner.getByRole('table', { name: 'Authors' });
    await table.waitFor();
    // The demo's 1,854 authors come 50 at a time (a full page of them took over 30 s to screenshot).
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(50);
    await planner.getByRole('button', { name: 'Show 50 more' }).click();
    await rows.nth(99).waitFor();
    expect(await rows.count()).toBe(100);
    await fullPageShot(planner, 'content-authors', 600);
    await expectAccessible(planner, 'content: authors, 100 shown');
    // an analyst and a leader reach the area too
    for (const email of ['analyst@hubpulse.local', 'leader@hubpulse.local']) {
      const page = await signedInPage(product, email, contexts, errors);
      await page.goto(`${product.api.url}/content`);
      await page.getByRole('table', { name: 'Content items' }).waitFor();
      await expectAccessible(page, `content: items as ${email}`);
    }
  }, 180_000);
});
