import type { ContentListDto, GoalDetailDto, GoalListDto, SegmentListDto } from '@hubpulse/contracts';
import { expectAccessible } from './accessibility';
import { waitFor } from '@hubpulse/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expectChecked, fullPageShot, signedInPage, signInAs, useDemoProduct } from './demo-product';
import type { PageElement, PageGlobals } from './page-globals';

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails naming what had focus instead. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return;
    seen.push(await focusedName(page));
  }
  throw new Error(`Tab never reached ${target.toString()}; focus went through: ${seen.join(' | ')}`);
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement).catch(() => false);
}

/** Waits until `target` has focus (focus moves after React has rendered the change). */
async function expectFocus(target: Locator, what: string): Promise<void> {
  await waitFor(() => isFocused(target), `focus on ${what}`, 10_000, 50).catch(async (e: Error) => {
    throw new Error(`${e.message}; focus is on ${await focusedName(target.page())}`);
  });
}

/** The focused element as a person would hear it: its tag, role and name (for failure messages). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as PageGlobals).document.activeElement;
    if (!el) return 'nothing';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} “${name}”`;
  });
}

/**
 * The focused element's ring: a solid outline of at least 2 px whose colour has at least 3:1 contrast
 * with the background it is drawn on (the nearest ancestor's opaque background; WCAG 2.4.7 / 1.4.11).
 */
async function focusRing(page: Page): Promise<{ style: string; width: number; contrast: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const el = w.document.activeElement!;
    const s = w.getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    // The ring sits outside the element (outline-offset): the background behind it is the parent's.
    let bg: number[] = [255, 255, 255];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = rgb(w.getComputedStyle(p).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const [a, b] = [lum(rgb(s.outlineColor)), lum(bg)];
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
  });
}

async function expectVisibleRing(page: Page, what: string): Promise<void> {
  const ring = await focusRing(page);
  expect({ what, style: ring.style, wide: ring.width >= 2, contrasted: ring.contrast >= 3 }).toEqual({ what, style: 'solid', wide: true, contrasted: true });
}

/**
 * WCAG 1.4.10 reflow: at 320 CSS px nothing makes the page scroll sideways, and no text runs out of
 * its own box (clipped or spilling over a neighbour). Tables may scroll inside their own container;
 * text cut short with an ellipsis on purpose is allowed. Whatever breaks the rule is listed by tag,
 * class and text in the failure.
 */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const width = w.innerWidth;
    const overflowX = (el: PageElement) => w.getComputedStyle(el).overflowX;
    const inScroller = (el: PageElement, clipsToo: boolean) => {
      for (let p = el.parentElement; p && p !== w.document.body; p = p.parentElement) {
        const o = overflowX(p);
        if ((o === 'auto' || o === 'scroll' || (clipsToo && (o === 'hidden' || o === 'clip'))) && p.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    const name = (el: PageElement) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const sticking: string[] = [];
    const spilling: string[] = [];
    for (const el of w.document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !inScroller(el, true)) sticking.push(`${name(el)} right=${Math.round(r.right)}`);
      const style = w.getComputedStyle(el);
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      if (
        ownText &&
        el.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
        style.display !== 'inline' &&
        el.clientWidth > 2 && // not the visually hidden (1 px) text for screen readers
        el.scrollWidth > el.clientWidth + 1 &&
        style.textOverflow !== 'ellipsis' &&
        !['TD', 'TH', 'CAPTION'].includes(el.tagName) &&
        !inScroller(el, false)
      )
        spilling.push(`${name(el)} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return { scrollWidth: w.document.documentElement.scrollWidth, width, sticking: sticking.slice(0, 12), spilling: spilling.slice(0, 12) };
  });
  expect({ where, fits: report.scrollWidth <= report.width, sticking: report.sticking, spilling: report.spilling }).toEqual({ where, fits: true, sticking: [], spilling: [] });
}

/**
 * At any width, a chart's category names along its x axis do not overlap: upright names by their
 * boxes, slanted ones (all at the same angle) by the distance between their parallel baselines,
 * which must hold the font's height. Each overlapping pair is named in the failure.
 */
async function expectAxisLabelsApart(page: Page, where: string): Promise<void> {
  const overlaps = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const found: string[] = [];
    // each axis's named ticks, left to right, from one pass over the page's ticks
    const axes = new Map<PageElement, { text: string; box: ReturnType<PageElement['getBoundingClientRect']>; angle: number; x: number; size: number }[]>();
    for (const t of w.document.body.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-value')) {
      const axis = t.closest('.recharts-xAxis');
      const text = (t.textContent ?? '').trim();
      if (!axis || text === '') continue;
      const tick = { text, box: t.getBoundingClientRect(), angle: Number(/rotate\((-?[\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? 0), x: Number(t.getAttribute('x')), size: parseFloat(w.getComputedStyle(t).fontSize) };
      axes.set(axis, [...(axes.get(axis) ?? []), tick]);
    }
    for (const ticks of axes.values()) {
      ticks.sort((a, b) => a.x - b.x);
      for (let i = 1; i < ticks.length; i++) {
        const [a, b] = [ticks[i - 1], ticks[i]];
        const apart =
          a.angle === 0 && b.angle === 0
            ? a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top
            : a.angle === b.angle && Math.abs(b.x - a.x) * Math.abs(Math.sin((a.angle * Math.PI) / 180)) >= a.size * 0.9;
        if (!apart) found.push(`“${a.text}” and “${b.text}”`);
      }
    }
    return found.slice(0, 12);
  });
  expect({ where, overlaps }).toEqual({ where, overlaps: [] });
}

/**
 * Issue 18, keyboard and reflow: the demo product driven by keyboard only (Tab, arrows, Enter,
 * Escape) through navigation, segmented controls, the export menu, "Save view", the audience rule
 * builder and an inline KPI edit, checking where focus lands each time and that it is visible; then
 * the main pages at 320 px wide (WCAG 1.4.10, the same as 1280 px at 400% zoom) and with reduced motion.
 */
describe('Keyboard, focus and reflow in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('keyboard');
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('skips to the main content, walks the navigation, a radio group, Export ▾ and Save view by keyboard', async () => {
    const page = await signedInPage(product, 'admin@hubpulse.local', contexts, errors);
    await page.waitForURL((u) => u.pathname === '/overview');
    const main = page.getByRole('main');
    // The URL changes before React has drawn the new page (a transition): the sign-in page's own
    // heading can still be on screen, so wait for the Overview's, and for the lost focus (the sign-in
    // button is gone) to have gone to the top of the page (FocusStart), as on a fresh page load.
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expectFocus(page.locator('.focus-start'), 'the top of the page after signing in');

    // The first Tab reaches the skip link; Enter puts focus on <main>.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expectFocus(skip, 'the skip link');
    await expect(skip.isVisible()).resolves.toBe(true);
    await expectVisibleRing(page, 'the skip link');
    await page.keyboard.press('Enter');
    await expectFocus(main, '<main>');

    // The navigation: back up to the top bar, then its links in order, Enter follows one.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await tabTo(page, nav.getByRole('link', { name: 'Strategy' }), { back: true });
    await expectVisibleRing(page, 'a navigation link');
    await page.keyboard.press('Tab');
    await expectFocus(nav.getByRole('link', { name: 'Overview' }), 'the next link');
    await page.keyboard.press('Tab');
    await expectFocus(nav.getByRole('link', { name: 'Engagement' }), 'the Engagement link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/engagement/);

    // A segmented control is a radio group: Tab stops on the chosen one, the arrows choose.
    const groupBy = page.getByRole('radiogroup', { name: 'Group by' });
    await groupBy.waitFor({ timeout: 120_000 });
    const department = groupBy.getByRole('radio', { name: 'Department' });
    await expect(department.getAttribute('aria-checked')).resolves.toBe('true');
    await tabTo(page, department);
    await expectVisibleRing(page, 'the chosen radio');
    const options = await groupBy.getByRole('radio').allTextContents();
    await page.keyboard.press('ArrowRight');
    const second = groupBy.getByRole('radio', { name: options[1] });
    await expectFocus(second, `the radio “${options[1]}”`);
    await expectChecked(second, true, `the radio “${options[1]}”`);
    await expectChecked(department, false, 'Department');
    await page.waitForURL(/by=/);
    await page.keyboard.press('ArrowLeft');
    await expectFocus(department, 'Department again');
    await expectChecked(department, true, 'Department');
    // Only the chosen radio is in the Tab order: Tab leaves the group (for the next one, "Count under").
    await page.keyboard.press('Tab');
    await expect(groupBy.evaluate((g: PageElement) => g.contains((globalThis as unknown as PageGlobals).document.activeElement))).resolves.toBe(false);
    await expectFocus(page.getByRole('radiogroup', { name: 'Count under' }).getByRole('radio', { checked: true }), 'the chosen radio of the next group');

    // Export ▾: the menu button pattern.
    await page.goto(`${product.api.url}/overview`);
    const menuButton = page.getByRole('button', { name: 'Export: Activity by channel' });
    await waitFor(() => menuButton.isEnabled(), 'the channel export', 120_000);
    await expect(menuButton.getAttribute('aria-haspopup')).resolves.toBe('menu');
    await tabTo(page, menuButton);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export Activity by channel as' });
    const items = menu.getByRole('menuitem');
    await expectFocus(items.first(), 'the first format');
    await expectVisibleRing(page, 'a menu item');
    await page.keyboard.press('ArrowDown');
    await expectFocus(items.nth(1), 'the second format');
    await page.keyboard.press('End');
    await expectFocus(items.last(), 'the last format');
    await page.keyboard.press('ArrowDown'); // wraps round
    await expectFocus(items.first(), 'the first format again');
    await page.keyboard.press('Escape');
    await expectFocus(menuButton, 'the Export button after Escape');
    await expect(menu.count()).resolves.toBe(0);
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowUp'); // opens on the last format
    await expectFocus(items.last(), 'the last format (opened with ↑)');
    await page.keyboard.press('Tab'); // leaving the menu closes it
    await menu.waitFor({ state: 'detached' });

    // "Save view": its panel takes focus on the name, Escape closes it and returns to the button.
    const saveView = page.getByRole('button', { name: 'Save view' });
    await tabTo(page, saveView, { back: true });
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Save this view' });
    await expectFocus(panel.getByLabel('Name'), 'the view’s name');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expectFocus(saveView, 'Save view after Escape');

    // The date range: a preset by arrow key, then a custom range typed and applied with Enter.
    const presets = page.getByRole('radiogroup', { name: 'Preset ranges' });
    const checked = presets.getByRole('radio', { checked: true });
    await tabTo(page, checked);
    await page.keyboard.press('End');
    await expectFocus(presets.getByRole('radio', { name: 'All' }), 'the last preset');
    await page.waitForURL(/range=all/);
    await tabTo(page, page.getByLabel('From', { exact: true }));
    await page.keyboard.type('01012026');
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=2026-01-01/);
    expect(errors).toEqual([]);
  }, 300_000);

  it('builds an audience rule by keyboard: add, move and remove conditions with focus kept on them', async () => {
    const page = await signedInPage(product, 'admin@hubpulse.local', contexts, errors);
    await page.goto(`${product.api.url}/audiences/segments/new`);
    const form = page.getByRole('form', { name: 'New segment' });
    const rule = form.getByRole('group', { name: 'Rule' });
    await rule.waitFor();
    await expectAccessible(page, 'keyboard: the new segment form');

    // Choose "Tenure" in the closed select by typing, then the Add button: the new node's kind takes focus.
    await tabTo(page, rule.getByLabel('Condition to add'));
    await page.keyboard.type('Tenure');
    await expect(rule.getByLabel('Condition to add').inputValue()).resolves.toBe('tenure');
    await expect(rule.getByRole('combobox', { name: /^Kind of condition/ }).count()).resolves.toBe(1); // choosing did not add
    await page.keyboard.press('Tab');
    await expectFocus(rule.getByRole('button', { name: '+ Add condition' }), '+ Add condition');
    await expectVisibleRing(page, 'a button');
    await page.keyboard.press('Enter');
    await expectFocus(rule.getByLabel('Kind of condition 2', { exact: true }), 'the new condition');
    await expect(rule.getByLabel('Kind of condition 2', { exact: true }).inputValue()).resolves.toBe('tenure');

    // Move it up: focus follows it (Move up is then disabled, so Move down takes focus).
    await tabTo(page, rule.getByRole('button', { name: 'Move condition 2 up', exact: true }));
    await page.keyboard.press('Enter');
    await expectFocus(rule.getByRole('button', { name: 'Move condition 1 down', exact: true }), 'the moved condition’s Move down');
    await expect(rule.getByLabel('Kind of condition 1', { exact: true }).inputValue()).resolves.toBe('tenure');
    await expect(rule.getByRole('button', { name: 'Move condition 1 up', exact: true }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expectFocus(rule.getByRole('button', { name: 'Move condition 2 up', exact: true }), 'Move up after moving back down');
    await expect(rule.getByLabel('Kind of condition 1', { exact: true }).inputValue()).resolves.toBe('behaviour');

    // Remove it: focus goes to the condition now last, not to the page.
    await tabTo(page, rule.getByRole('button', { name: 'Remove condition 2', exact: true }));
    await page.keyboard.press('Enter');
    await expectFocus(rule.getByLabel('Kind of condition 1', { exact: true }), 'the remaining condition');
    await expect(rule.getByLabel('Kind of condition 2', { exact: true }).count()).resolves.toBe(0);

    // A group by keyboard, then its own condition removed: focus lands on the group's "add".
    await tabTo(page, rule.getByRole('button', { name: '+ Any-of group' }));
    await page.keyboard.press('Enter');
    await expectFocus(rule.getByLabel('Kind of condition 2', { exact: true }), 'the new group');
    await tabTo(page, rule.getByRole('button', { name: 'Remove condition 2.1', exact: true }));
    await page.keyboard.press('Enter');
    const groupAdd = rule.getByLabel('Condition to add').nth(0);
    await expectFocus(groupAdd, 'the emptied group’s Condition to add');
    await fullPageShot(page, 'keyboard-rule-builder');
    expect(errors).toEqual([]);
  }, 180_000);

  it('chooses a programme’s grouping with the arrow keys (real radios inside the cards)', async () => {
    const page = await signedInPage(product, 'planner@hubpulse.local', contexts, errors);
    await page.goto(`${product.api.url}/audiences/programmes/new`);
    const form = page.getByRole('form', { name: 'New programme' });
    const one = form.getByRole('radio', { name: /^One audience/ });
    await one.waitFor();
    await expect(one.isChecked()).resolves.toBe(true);
    await tabTo(page, one);
    await expectVisibleRing(page, 'a grouping radio');
    await page.keyboard.press('ArrowDown');
    const byDepartment = form.getByRole('radio', { name: /^By department/ });
    await expectFocus(byDepartment, 'By department');
    await expect(byDepartment.isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it('edits a KPI value in its row with Enter and Escape, focus back on the row’s Edit', async () => {
    const page = await signedInPage(product, 'leader@hubpulse.local', contexts, errors);
    const api = async <T>(p: string): Promise<T> => (await page.evaluate((u) => fetch(u).then((r) => r.json()), p)) as T;
    const goal = (await api<GoalListDto>('/api/goals')).goals[0];
    await page.goto(`${product.api.url}/strategy/goals/${goal.id}`);
    const values = page.getByRole('table', { name: `KPI values of ${goal.name}` });
    const edit = values.getByRole('button', { name: /^Edit / }).last();
    await edit.waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'keyboard: a goal page with its KPI values table');
    const label = (await edit.getAttribute('aria-label'))!;

    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    const row = page.getByRole('form', { name: `Edit the value of ${label.slice('Edit '.length)}` });
    await expectFocus(row.getByLabel('Value'), 'the value field');
    await page.keyboard.press('Escape');
    await row.waitFor({ state: 'detached' });
    await expectFocus(values.getByRole('button', { name: label }), `${label} after Escape`);

    await page.keyboard.press('Enter');
    await expectFocus(row.getByLabel('Value'), 'the value field again');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    await expectFocus(values.getByRole('button', { name: label }), `${label} after saving`);
    const saved = await api<GoalDetailDto>(`/api/goals/${goal.id}`);
    expect(saved.values.map((v) => v.value)).toContain(12345);
    expect(errors).toEqual([]);
  }, 120_000);

  it('reflows at 320 px without sideways scrolling on the main pages, and stops motion when asked', async () => {
    const context = await product.browser.newContext({ viewport: { width: 320, height: 720 }, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await expectNoSidewaysScroll(page, 'sign-in');
    await signInAs(page, 'admin@hubpulse.local');
    const goal = (await page.evaluate(() => fetch('/api/goals').then((r) => r.json())) as GoalListDto).goals[0];

    const segment = (await page.evaluate(() => fetch('/api/segments').then((r) => r.json())) as SegmentListDto).segments[0];
    const item = (await page.evaluate(() => fetch('/api/content/items?channel=blog').then((r) => r.json())) as ContentListDto).items[0];
    const pages = [
      '/overview',
      '/strategy',
      `/strategy/goals/${goal.id}`,
      '/strategy/goals/new',
      '/engagement',
      '/engagement/personas',
      '/audiences',
      `/audiences/segments/${segment.id}`,
      '/audiences/segments/new',
      '/audiences/programmes/new',
      '/engagement/leaders',
      '/content',
      `/content/items/${encodeURIComponent(item.content_id)}`,
      '/reports/exports',
      '/admin/data-sources',
      '/admin/event-mappings',
      '/admin/people',
    ];
    for (const p of pages) {
      await page.goto(`${product.api.url}${p}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(500);
      await fullPageShot(page, `keyboard-320${p.replace(/\//g, '-').replace(/-[0-9a-f-]{20,}/, '-id')}`);
      await expectNoSidewaysScroll(page, p);
      await expectAxisLabelsApart(page, p);
      await expectAccessible(page, `keyboard: ${p} at 320 px with reduced motion`);
    }

    // Reduced motion: the product's transitions stop.
    const duration = await page.getByRole('button', { name: 'Log out' }).evaluate((el) => parseFloat((globalThis as unknown as PageGlobals).getComputedStyle(el).transitionDuration));
    expect(duration).toBeLessThan(0.001);
    expect(errors).toEqual([]);
  }, 300_000);
});
