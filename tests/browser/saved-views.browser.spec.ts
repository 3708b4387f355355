import type { BrowserContext, Page } from 'playwright-core';
import type { SavedViewDto } from '@hubpulse/contracts';
import { expectChecked, fullPageShot, signedInPage, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * Reports: saved views and the glossary (issue 14) in headless Chromium on the production build with
 * the demo organisation. An analyst saves Engagement grouped by tenure over 90 days, shares it and
 * renames it in Reports → Saved views; a leader opens its link and sees the same state; a leader
 * opening a shared Admin view is told their role cannot see it, and a deleted view's link says it is
 * gone; the glossary is searched and opened at an anchor.
 */
describe('Reports: saved views and the glossary in headless Chromium', () => {
  const product = useDemoProduct('saved-views');
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let analyst: Page;
  let leader: Page;
  let admin: Page;

  const signedIn = (email: string): Promise<Page> => signedInPage(product, email, contexts, errors);

  const views = async (page: Page) => (await page.evaluate(async () => (await fetch('/api/saved-views')).json())) as SavedViewDto[];

  beforeAll(async () => {
    analyst = await signedIn('analyst@hubpulse.local');
    leader = await signedIn('leader@hubpulse.local');
    admin = await signedIn('admin@hubpulse.local');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    expect(errors).toEqual([]);
  });

  let viewId = '';

  it('saves Engagement with a grouping and range from the page header, shared, and lists it under Reports', async () => {
    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagement' }).click();
    await analyst.waitForURL(/\/engagement$/);
    const groups = analyst.locator('section[aria-label="Scores by group"]');
    await groups.getByRole('radiogroup', { name: 'Group by' }).getByRole('radio', { name: 'Tenure' }).click();
    await analyst.waitForURL(/by=tenure/);
    // The URL changes before the page re-renders with it: a control clicked before then builds its
    // address from the old one (losing by=tenure), and "Save view" would keep the old query.
    await expectChecked(groups.getByRole('radio', { name: 'Tenure' }), true, 'Tenure');
    await groups.getByRole('radiogroup', { name: 'Range' }).getByRole('radio', { name: '90 days' }).click();
    await analyst.waitForURL(/days=90/);
    await expectChecked(groups.getByRole('radio', { name: '90 days' }), true, '90 days');

    await analyst.getByRole('button', { name: 'Save view' }).click();
    const panel = analyst.getByRole('region', { name: 'Save this view' });
    await expect(panel.getByLabel('Name').inputValue()).resolves.toBe('Engagement → scores');
    await panel.getByLabel('Name').fill('Tenure over 90 days');
    await panel.getByLabel(/Share/).check();
    await fullPageShot(analyst, 'saved-views-save-panel');
    await expectAccessible(analyst, 'saved views: the save panel filled');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').getByText('Saved as “Tenure over 90 days”, shared').waitFor();
    await expectAccessible(analyst, 'saved views: saved, the status shown');

    const saved = (await views(analyst)).find((v) => v.name === 'Tenure over 90 days')!;
    expect(saved).toMatchObject({ path: '/engagement', shared: true, mine: true });
    expect(new URLSearchParams(saved.query).get('by')).toBe('tenure');
    expect(new URLSearchParams(saved.query).get('days')).toBe('90');
    viewId = saved.id;

    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await analyst.waitForURL(/\/reports\/exports$/);
    const tabs = analyst.getByRole('navigation', { name: 'Reports sections' });
    await tabs.getByRole('link').first().waitFor(); // allTextContents does not wait for the page to draw
    await expect(tabs.getByRole('link').allTextContents()).resolves.toEqual(['Exports', 'Saved views', 'Schedules', 'Read tokens', 'Glossary']);
    await tabs.getByRole('link', { name: 'Saved views' }).click();
    await analyst.waitForURL(/\/reports\/saved-views$/);
    const row = analyst.locator('section[aria-label="Your saved views"] tr', { hasText: 'Tenure over 90 days' });
    await expect(row.textContent()).resolves.toMatch(/Engagement → scores.*by tenure · days 90|days 90 · by tenure/);
    await row.getByRole('button', { name: 'Rename Tenure over 90 days' }).click();
    // in rename mode the name is an input's value, no longer the row's text
    const rename = analyst.locator('form.saved-views__rename');
    await rename.getByLabel('New name for Tenure over 90 days').fill('Tenure, 90 days');
    await expectAccessible(analyst, 'saved views: a view being renamed');
    await rename.getByRole('button', { name: 'Save' }).click();
    await analyst.locator('section[aria-label="Your saved views"] tr', { hasText: 'Tenure, 90 days' }).waitFor();
    await expect(analyst.getByLabel('Share Tenure, 90 days').isChecked()).resolves.toBe(true);
    await fullPageShot(analyst, 'saved-views-list');
    await expectAccessible(analyst, 'saved views: the list after renaming');
  }, 180_000);

  it('opens the shared link as a leader with the same state', async () => {
    await leader.goto(`${product.api.url}/views/${viewId}`);
    await leader.waitForURL((u) => u.pathname === '/engagement' && u.searchParams.get('by') === 'tenure' && u.searchParams.get('days') === '90');
    const groups = leader.locator('section[aria-label="Scores by group"]');
    await expectChecked(groups.getByRole('radio', { name: 'Tenure' }), true, 'Tenure');
    await expectChecked(groups.getByRole('radio', { name: '90 days' }), true, '90 days');
    await groups.locator('tbody th', { hasText: /year/ }).first().waitFor();
    await fullPageShot(leader, 'saved-views-opened-as-leader', 800);
    await expectAccessible(leader, 'saved views: a shared view opened as a leader');

    // listed under "Shared with you", without rename or delete
    await leader.goto(`${product.api.url}/reports/saved-views`);
    const row = leader.locator('section[aria-label="Shared with you"] tr', { hasText: 'Tenure, 90 days' });
    await row.waitFor();
    await expect(row.getByRole('button', { name: /Rename|Delete/ }).count()).resolves.toBe(0);
    await expectAccessible(leader, 'saved views: shared with you');
  }, 180_000);

  it("tells a leader their role cannot see a shared Admin view, and that a deleted view's link is gone", async () => {
    await admin.goto(`${product.api.url}/admin/audit`);
    await admin.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Save view' }).click();
    const panel = admin.getByRole('region', { name: 'Save this view' });
    await panel.getByLabel('Name').fill('Audit trail');
    await panel.getByLabel(/Share/).check();
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').waitFor();
    const adminView = (await views(admin)).find((v) => v.name === 'Audit trail')!;
    expect((await views(leader)).map((v) => v.id)).not.toContain(adminView.id);

    await leader.goto(`${product.api.url}/views/${adminView.id}`);
    const notice = leader.getByRole('alert');
    await notice.getByRole('heading', { name: 'Your role cannot see this view' }).waitFor();
    await expect(notice.textContent()).resolves.toContain('Your role (Leadership) cannot see this view: it opens Admin → audit log, which is for Admin');
    expect(new URL(leader.url()).pathname).toBe(`/views/${adminView.id}`);
    await fullPageShot(leader, 'saved-views-role-cannot-see');
    await expectAccessible(leader, 'saved views: your role cannot see this view');

    // the analyst deletes their view: its link now says it is gone
    await analyst.goto(`${product.api.url}/reports/saved-views`);
    await analyst.getByRole('button', { name: 'Delete Tenure, 90 days' }).click();
    await analyst.locator('section[aria-label="Your saved views"]').getByText('No saved views yet').waitFor();
    await expectAccessible(analyst, 'saved views: none yet (empty state)');
    await leader.goto(`${product.api.url}/views/${viewId}`);
    await leader.getByRole('heading', { name: 'This saved view is gone' }).waitFor();
    await fullPageShot(leader, 'saved-views-gone');
    await expectAccessible(leader, 'saved views: a deleted view’s link');
  }, 180_000);

  it('searches the glossary and opens an entry at its anchor', async () => {
    await leader.goto(`${product.api.url}/reports/glossary`);
    const entries = leader.getByTestId('glossary-entry');
    await entries.first().waitFor();
    const total = await entries.count();
    expect(total).toBeGreaterThan(40);
    await expect(leader.getByRole('navigation', { name: 'Glossary areas' }).textContent()).resolves.toMatch(/Overview.*Engagement scores.*Purpose indices.*Privacy/);

    await leader.getByLabel('Search the definitions').fill('catalyst');
    await leader.waitForURL(/q=catalyst/);
    await entries.nth(1).waitFor({ state: 'detached' }); // the URL changes before the list is drawn again
    await expect(entries.count()).resolves.toBe(1);
    await expect(entries.first().locator('dt').textContent()).resolves.toContain('Persona: Catalyst');
    await fullPageShot(leader, 'saved-views-glossary-search');
    await expectAccessible(leader, 'glossary: searched for catalyst');

    await leader.getByLabel('Search the definitions').fill('zzz no such metric');
    await leader.getByText('Nothing matches “zzz no such metric”').waitFor();
    await expectAccessible(leader, 'glossary: nothing matches (empty state)');

    await leader.goto(`${product.api.url}/reports/glossary#strategy-forecast`);
    const forecast = leader.locator('#strategy-forecast');
    await forecast.waitFor();
    await expect(forecast.textContent()).resolves.toContain('least squares');
    const box = await forecast.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true); // scrolled into view
    await fullPageShot(leader, 'saved-views-glossary-anchor');
    await expectAccessible(leader, 'glossary: opened at an anchor');
  }, 180_000);
});
