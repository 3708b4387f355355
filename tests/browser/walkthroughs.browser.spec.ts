import type { BrowserContext, Locator, Page } from 'playwright-core';
import { waitFor } from '@hubpulse/testing';
import { expectAccessible } from './accessibility';
import { fullPageShot, signedInPage, useDemoProduct } from './demo-product';

/**
 * One walkthrough per user group (issue 18), as someone with a keyboard and a screen reader does it:
 * every control is found by its role and accessible name (what a screen reader announces and lists
 * in its landmarks, headings and form-controls menus), moved to and activated with the keyboard, and
 * every number is read from text a screen reader reads (a chart's description, a table's cells, a
 * region's text). No CSS selectors. axe-core's WCAG 2.x A/AA rules are run at each walkthrough's main states.
 *
 * - a leader reviews a goal: Strategy, a goal, its KPI summary (the chart's text alternative) and its tables;
 * - a comms planner builds a segment in the rule builder, saves it, reads its size, and plans and launches a programme on it;
 * - an analyst saves a view, opens it again from Reports → Saved views, exports a panel of it and finds the file under Reports → Exports.
 */
describe('walkthroughs by keyboard and accessible names, one per user group (production build, demo data)', () => {
  const product = useDemoProduct('walkthroughs');
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });
  afterEach(() => expect(errors.splice(0)).toEqual([]));

  /** Whether `target` has keyboard focus. */
  const focused = (target: Locator) => target.evaluate((el) => el === el.ownerDocument.activeElement);

  /** Presses Tab (from wherever focus is) until `target` has focus; fails after `max` presses. */
  async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
    await target.waitFor();
    for (let presses = 1; presses <= max; presses++) {
      await page.keyboard.press('Tab');
      if (await focused(target)) return presses;
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
  }

  /**
   * Moves to a control by its name, as a screen reader's list of links, buttons or form controls
   * does, and presses `key` on it (Enter activates a link or button, Space toggles a checkbox).
   */
  async function press(target: Locator, key = 'Enter'): Promise<void> {
    await target.focus();
    expect(await focused(target)).toBe(true);
    await target.page().keyboard.press(key);
  }

  /** Types into a text box reached by its label, replacing what it held. */
  async function type(target: Locator, text: string): Promise<void> {
    await target.focus();
    await target.page().keyboard.press('ControlOrMeta+A');
    await target.page().keyboard.type(text);
  }

  /** The text a screen reader reads out for an element's aria-describedby. */
  async function description(el: Locator): Promise<string> {
    const text = await el.evaluate((e) =>
      (e.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id: string) => (id ? (e.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
        .join(' '),
    );
    return text.trim();
  }

  /** The cells of a table's row named by its row header (a screen reader's "row" command reads them). */
  async function cellsOfRow(table: Locator, rowName: string | RegExp): Promise<string[]> {
    const row = table.getByRole('row', { name: rowName }).first();
    await row.waitFor();
    return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
  }

  // ---------------------------------------------------------------------------------------------
  it('a leader reviews a goal: Strategy, the goal’s KPI summary and its tables', async () => {
    const page = await signedInPage(product, 'leader@hubpulse.local', contexts, errors);
    await page.waitForURL((u) => u.pathname === '/strategy'); // a leader lands on Strategy
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();

    await expectAccessible(page, 'walkthrough, leader: Strategy');

    // Tab from the top of the page: first the skip link, then (after the home link) the main
    // navigation's first link, Strategy, marked as the current page.
    await page.evaluate('document.activeElement?.blur()'); // focus back at the start of the page, as after a page load (a string: no DOM typings here)
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await tabTo(page, skip, 1)).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const strategyLink = nav.getByRole('link', { name: 'Strategy' });
    expect(await tabTo(page, strategyLink, 4)).toBeLessThanOrEqual(2); // the home link before it
    await expect(strategyLink.getAttribute('aria-current')).resolves.toBe('page');

    // Back up to the skip link: Enter puts focus on the main content, past the top bar.
    for (let presses = 0; !(await focused(skip)); presses++) {
      if (presses >= 3) throw new Error('Shift+Tab did not get back to the skip link in 3 presses');
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    expect(await focused(page.getByRole('main'))).toBe(true);

    // The page's regions as a screen reader lists them: the one-line summary, then the goals.
    const summary = page.getByRole('region', { name: 'Summary', exact: true });
    await expect(summary.textContent()).resolves.toMatch(/^\d of 4 goals on track/);
    const goals = page.getByRole('region', { name: 'Goals', exact: true });
    await goals.getByRole('heading', { name: 'Goals', level: 2 }).waitFor();
    const goalLinks = goals.getByRole('link');
    await goalLinks.first().waitFor();
    expect(await goalLinks.count()).toBeGreaterThanOrEqual(4);

    // Tab on from the start of the main content to the revenue goal's card and open it.
    const revenue = goals.getByRole('link', { name: /revenue/i });
    await tabTo(page, revenue);
    const goalName = ((await revenue.textContent()) ?? '').trim();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/strategy\/goals\/[^/]+$/);
    // Strategy's heading can still be on screen when the URL has changed (the goal page's code and first
    // reads are still arriving): wait for the one heading to become the goal's.
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.filter({ hasText: goalName }).waitFor();
    expect(await h1.count()).toBe(1);
    expect(await h1.textContent()).toContain(goalName);
    await expect(page.getByRole('region', { name: 'Summary', exact: true }).textContent()).resolves.toMatch(/^(On track|At risk|Off track|No status)/i);

    // The KPI chart: an image named after what it shows, described by its summary, the same words under it.
    const kpiPanel = page.getByRole('region', { name: 'KPI against target', exact: true });
    const chart = kpiPanel.getByRole('img', { name: 'KPI against its target, with the forecast' });
    await chart.waitFor({ timeout: 60_000 });
    const kpiSummary = await description(chart);
    expect(kpiSummary).toMatch(/^Measured values, .+ \(\d+ months?\): .+ Target .+\./);
    await kpiPanel.getByRole('paragraph').filter({ hasText: kpiSummary }).waitFor(); // the same words under the chart, for everyone
    await expectAccessible(page, 'walkthrough, leader: a goal with its KPI chart');

    // "View as table" by keyboard: the chart's numbers as a table with its caption and headers.
    const toggle = kpiPanel.getByRole('button', { name: 'View as table' });
    await press(toggle);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const kpiTable = kpiPanel.getByRole('table', { name: 'KPI by month: measured, where it should be, and the forecast' });
    await kpiTable.waitFor();
    expect((await kpiTable.getByRole('columnheader').allTextContents()).map((t) => t.trim())).toEqual(['Month', 'Measured', 'Where it should be', 'Forecast', '80% band', '95% band']);
    expect(await kpiTable.getByRole('rowheader').count()).toBeGreaterThanOrEqual(12); // a demo goal has twelve months of values
    await expectAccessible(page, 'walkthrough, leader: the KPI chart as a table');
    // The table's scroll box is the next stop after the toggle, so a keyboard user can scroll it.
    await page.keyboard.press('Tab');
    expect(await focused(kpiPanel.getByRole('group', { name: 'KPI by month: measured, where it should be, and the forecast' }))).toBe(true);
    await press(toggle); // back to the chart
    await chart.waitFor();

    // The values as entered, month by month: the newest month's value is a money amount.
    const values = page.getByRole('region', { name: 'KPI values', exact: true });
    const valuesTable = values.getByRole('table', { name: `KPI values of ${goalName}` });
    await valuesTable.waitFor();
    expect((await valuesTable.getByRole('columnheader').allTextContents()).slice(0, 3)).toEqual(['Month', 'Value', "Month's target"]);
    const newestMonth = ((await valuesTable.getByRole('rowheader').first().textContent()) ?? '').trim();
    expect(newestMonth).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    expect((await cellsOfRow(valuesTable, new RegExp(`^${newestMonth}`)))[0]).toMatch(/^\$[\d,.]+M?$/);
    // A leader may edit a value: the row's button names its month.
    await values.getByRole('button', { name: `Edit ${newestMonth}` }).waitFor();

    // What the goal is linked to, then back to Strategy by the breadcrumb.
    await page.getByRole('region', { name: 'Engagement against the KPI', exact: true }).getByRole('heading', { name: 'Engagement against the KPI', level: 2 }).waitFor();
    await press(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Strategy' }));
    await page.getByRole('heading', { name: 'Strategy', level: 1 }).waitFor();
    await fullPageShot(page, 'walkthrough-leader');
  }, 240_000);

  // ---------------------------------------------------------------------------------------------
  it('a planner builds a segment by keyboard, saves it, reads its size, and plans and launches a programme on it', async () => {
    const page = await signedInPage(product, 'planner@hubpulse.local', contexts, errors);
    await page.waitForURL((u) => u.pathname === '/overview');

    await press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audiences' }));
    await page.getByRole('heading', { name: 'Audiences', level: 1 }).waitFor();
    await press(page.getByRole('region', { name: 'Segments', exact: true }).getByRole('link', { name: 'New segment' }));
    const form = page.getByRole('form', { name: 'New segment' });
    await form.waitFor();
    const name = `Walkthrough Sales ${Date.now().toString(36)}`;
    await type(form.getByLabel('Name', { exact: true }), name);

    // The rule starts as one condition; the preview says how many people match it as it stands.
    const rule = form.getByRole('group', { name: 'Rule', exact: true });
    const preview = page.getByRole('region', { name: 'Live preview', exact: true });
    const upToDate = preview.getByRole('status').filter({ hasText: /^Up to date/ });
    await upToDate.waitFor({ timeout: 60_000 });
    const matching = async () => ((await preview.textContent()) ?? '').match(/People matching\s*([\d,]+|fewer than \d+|hidden[^\d]*)/)?.[1];
    const before = await matching();
    expect(before).toBeDefined();

    // A second condition: people in Sales, the value typed and added with Enter.
    await addCondition(rule, 'attribute');
    // Each condition is a group named by its place and kind: its fields are heard as part of it.
    const conditions = rule.getByRole('group', { name: /^Condition \d+: / });
    await expect(conditions.count()).resolves.toBe(2);
    const sales = rule.getByRole('group', { name: 'Condition 2: Department, location or title', exact: true });
    const values = sales.getByLabel('Values');
    await values.waitFor();
    await values.focus();
    await page.keyboard.type('Sales');
    await page.keyboard.press('Enter');
    await rule.getByRole('button', { name: 'Remove Sales' }).waitFor(); // the chip, removable by its named button
    const after = await waitFor(async () => {
      if (!(await upToDate.count())) return null;
      const now = await matching();
      return now !== undefined && now !== before ? now : null;
    }, 'the preview to follow the new condition', 60_000, 500);
    expect(after).toMatch(/^([\d,]+|fewer than \d+|hidden)/);

    // A value out of range is named beside its field as an alert, and Save waits for it.
    const days = rule.getByLabel('In the last (days)');
    await type(days, '5000');
    await rule.getByRole('alert').filter({ hasText: 'must be at most 730' }).waitFor();
    await expect(days.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByRole('button', { name: 'Save segment' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'walkthrough, planner: a value out of range in the rule builder');
    await type(days, '30');
    await upToDate.waitFor({ timeout: 60_000 });

    // Save: the segment's page, with its size once the worker has computed it.
    await press(form.getByRole('button', { name: 'Save segment' }));
    await page.waitForURL(/\/audiences\/segments\/(?!new$)[^/]+$/);
    const segment = page.getByRole('region', { name: 'Segment', exact: true });
    await segment.getByRole('heading', { name, level: 2 }).waitFor();
    const size = await waitFor(
      async () => ((await segment.textContent()) ?? '').match(/Members\s*([\d,]+|fewer than \d+|hidden)/),
      'the segment computed, its size on the page',
      120_000,
      1_000,
    );
    // A size, or the words that say it is hidden (never a number the disclosure layer hid).
    expect(size[1]).toMatch(/^([\d,]+|fewer than \d+|hidden)/);
    await waitFor(async () => !/Computing|Recomputing|Not computed/.test((await segment.textContent()) ?? ''), 'the first run to finish', 120_000, 1_000);
    await expectAccessible(page, 'walkthrough, planner: the saved segment with its size');
    await fullPageShot(page, 'walkthrough-planner-segment');

    // Plan a programme on it: the segment is already chosen.
    await press(segment.getByRole('link', { name: 'Plan a programme' }));
    const editor = page.getByRole('form', { name: 'New programme' });
    await editor.waitFor();
    await type(editor.getByLabel('Name', { exact: true }), `Walkthrough push ${Date.now().toString(36)}`);
    const target = editor.getByLabel('Target segment');
    const chosen = await target.evaluate((el: { selectedOptions: ArrayLike<{ textContent: string | null }> }) => el.selectedOptions[0]?.textContent ?? '');
    expect(chosen).toContain(name);
    await press(editor.getByRole('group', { name: 'Content purposes' }).getByRole('checkbox').first(), 'Space');
    await press(editor.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: /^Blogs/ }), 'Space');
    await expect(editor.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: /^Blogs/ }).isChecked()).resolves.toBe(true);
    await type(editor.getByLabel(/^Target \(/), '40');
    await editor.getByLabel('From', { exact: true }).fill(new Date(Date.now() - 56 * 86_400_000).toISOString().slice(0, 10));
    await expectAccessible(page, 'walkthrough, planner: the programme editor filled');
    await press(editor.getByRole('button', { name: 'Save as draft' }));
    await page.waitForURL(/\/audiences\/programmes\/(?!new$)[^/]+$/);
    await page.getByRole('region', { name: 'Forecast', exact: true }).waitFor({ timeout: 60_000 });
    await press(page.getByRole('button', { name: 'Launch' }));
    await page.getByRole('region', { name: 'Scorecard', exact: true }).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'walkthrough, planner: the launched programme with its scorecard');
    await fullPageShot(page, 'walkthrough-planner-programme');
  }, 420_000);

  // ---------------------------------------------------------------------------------------------
  it('an analyst saves a view, opens it from Reports, exports a panel of it and finds the file under Reports → Exports', async () => {
    const page = await signedInPage(product, 'analyst@hubpulse.local', contexts, errors);
    await page.waitForURL((u) => u.pathname === '/overview');
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Reports → Exports says there are none yet, and how to make one.
    await press(nav.getByRole('link', { name: 'Reports' }));
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Exports', exact: true }).getByText(/No exports yet/).waitFor();
    await expectAccessible(page, 'walkthrough, analyst: Reports with no exports yet');

    // The overview saved under a name with "Save view": its form takes focus, Enter saves.
    await press(nav.getByRole('link', { name: 'Overview' }));
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await press(page.getByRole('button', { name: 'Save view' }));
    const saveForm = page.getByRole('region', { name: 'Save this view', exact: true });
    const viewName = `Channels this month ${Date.now().toString(36)}`;
    const nameBox = saveForm.getByLabel('Name');
    expect(await focused(nameBox)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(viewName);
    await page.keyboard.press('Enter');
    await saveForm.getByRole('status').filter({ hasText: `Saved as “${viewName}”` }).waitFor();
    await expectAccessible(page, 'walkthrough, analyst: a view saved from the overview');

    // Picks the view from Reports → Saved views.
    await press(saveForm.getByRole('link', { name: 'Your saved views' }));
    const views = page.getByRole('table', { name: 'Your saved views' });
    await views.getByRole('row', { name: new RegExp(viewName) }).waitFor();
    await expectAccessible(page, 'walkthrough, analyst: the saved views');
    await press(views.getByRole('link', { name: `Open ${viewName}` }));
    await page.waitForURL(/\/overview/);

    // Exports "Activity by channel" as CSV from the panel's Export menu, by keyboard.
    const panel = page.getByRole('region', { name: 'Activity by channel', exact: true });
    await panel.getByRole('img', { name: 'Events and active people by channel' }).waitFor({ timeout: 120_000 });
    const menu = panel.getByRole('button', { name: 'Export: Activity by channel' });
    const download = await chooseFromExportMenu(page, menu, /^CSV/);
    expect(download.suggestedFilename()).toMatch(/^hubpulse-overview-channels-.*\.csv$/);
    // The outcome is announced in the panel's status line.
    await panel.getByRole('status').filter({ hasText: /^Downloaded hubpulse-overview-channels-.*\.csv: [\d,]+ rows/ }).waitFor();

    // Reports → Exports lists it as ready, with a download and its manifest named after it.
    await press(nav.getByRole('link', { name: 'Reports' }));
    const exportsTable = page.getByRole('table', { name: 'Your exports' });
    const row = exportsTable.getByRole('row', { name: /Overview: activity by channel/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/CSV.*Ready/);
    const [again] = await Promise.all([page.waitForEvent('download'), press(exportsTable.getByRole('button', { name: 'Download Overview: activity by channel (CSV)' }))]);
    expect(again.suggestedFilename()).toBe(download.suggestedFilename());
    await exportsTable.getByRole('button', { name: 'Manifest of Overview: activity by channel (CSV)' }).waitFor();
    await expectAccessible(page, 'walkthrough, analyst: the export listed as ready');
    await fullPageShot(page, 'walkthrough-analyst-exports');
  }, 300_000);

  /**
   * Adds a condition of `kind` to the rule's top group: the kind chosen in its "Condition to add"
   * select (choosing does not add), then "+ Add condition" pressed with Enter; the new condition's
   * kind takes focus.
   */
  async function addCondition(rule: Locator, kind: string): Promise<void> {
    const choice = rule.getByLabel('Condition to add').first();
    const kinds = rule.getByRole('combobox', { name: /^Kind of condition/ });
    const before = await kinds.count();
    await choice.focus();
    await choice.selectOption(kind);
    expect(await kinds.count()).toBe(before); // choosing did not add
    await press(rule.getByRole('button', { name: '+ Add condition' }).first());
    await waitFor(async () => (await kinds.count()) === before + 1, 'the new condition', 10_000, 100);
    await expect(kinds.last().inputValue()).resolves.toBe(kind);
    expect(await focused(kinds.last())).toBe(true);
  }

  /**
   * The Export ▾ menu button: Enter opens its menu on the first item, Escape closes it and gives focus
   * back to the button, ArrowDown opens it again on the first item; ArrowDown moves to the format whose
   * name matches `format`, Enter chooses it: resolves with the download.
   */
  async function chooseFromExportMenu(page: Page, button: Locator, format: RegExp) {
    await press(button);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const items = page.getByRole('menu', { name: /^Export .* as$/ }).getByRole('menuitem');
    await items.first().waitFor();
    expect(await focused(items.first())).toBe(true);
    await expectAccessible(page, 'walkthrough, analyst: the Export menu open');
    await page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await focused(button)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await items.first().waitFor();
    expect(await focused(items.first())).toBe(true);
    const item = items.filter({ hasText: format });
    for (let presses = 0; !(await focused(item)); presses++) {
      if (presses >= 6) throw new Error(`ArrowDown did not reach the menu item ${format}`);
      await page.keyboard.press('ArrowDown');
    }
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    return download;
  }
});
