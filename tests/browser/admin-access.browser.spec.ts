import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { waitFor } from '@hubpulse/testing';
import { fullPageShot, useDemoProduct, signInAs } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The Admin pages of issue 13 as an administrator meets them (production build, demo data): a write
 * key created with scopes and shown once, its events counted and its last use shown, revoked after a confirmation and then
 * refused; a CSV of events imported with its progress, summary and per-line error report; the audit
 * log filtered by action, actor and date range and exported as CSV.
 */
describe('Admin: write keys, imports and the audit log in headless Chromium', () => {
  const product = useDemoProduct('admin-access');
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await product.browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'admin@hubpulse.local');
  });

  afterAll(() => expect(errors).toEqual([]));

  const sendEvent = (key: string, id: string) =>
    fetch(`${product.api.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [{ event_id: id, type: 'view', actor_id: 'person-1', occurred_at: new Date().toISOString(), channel: 'blog', purpose: 'inform' }] }),
    });

  it('creates a write key, shows it once, counts its events and revokes it after a confirmation', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin\/data-sources/);
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Write keys' }).click();
    await page.waitForURL(/\/admin\/write-keys$/);
    await page.getByRole('heading', { name: 'Write keys', level: 1 }).waitFor();

    const form = page.locator('section[aria-label="New write key"]');
    await form.getByRole('button', { name: 'Create key' }).click();
    await form.getByText('Give the key a name').waitFor(); // checked before anything is sent
    await expectAccessible(page, 'write keys: the new key form naming a missing name');

    await form.getByLabel('Name').fill('Browser spec CMS');
    await form.getByLabel(/Directory: people/).check();
    await form.getByRole('button', { name: 'Create key' }).click();
    const value = form.getByTestId('shown-once-value');
    await value.waitFor();
    const key = ((await value.textContent()) ?? '').trim();
    expect(key).toMatch(/^hp_wk_/);
    await form.getByText('you will not see it again').waitFor();
    await fullPageShot(page, 'admin-write-key-created');
    await expectAccessible(page, 'write keys: a new key shown once');

    const table = page.locator('section[aria-label="All keys"]');
    const row = table.locator('tr', { hasText: 'Browser spec CMS' });
    await expect(row.textContent()).resolves.toContain('Events, Directory (people and content)');
    await expect(row.getByTestId('key-last-used').textContent()).resolves.toBe('never'); // nothing sent with it yet
    const prefix = ((await row.locator('code').textContent()) ?? '').replace(/…$/, '');
    expect(prefix.length).toBeGreaterThan(6);
    expect(key.startsWith(prefix)).toBe(true);

    await form.getByRole('button', { name: /Done/ }).click();
    await expect(form.getByTestId('shown-once-value').count()).resolves.toBe(0); // gone for good

    // A browser key cannot get the directory scope: the box is off and disabled.
    await form.getByLabel(/Browser key/).check();
    await expect(form.getByLabel(/Directory: people/).isDisabled()).resolves.toBe(true);
    await form.getByLabel(/Browser key/).uncheck();

    // Events per key: one sent with it shows in its row (Data sources' 24 h window).
    expect((await sendEvent(key, `browser-spec-${Date.now()}`)).ok).toBe(true);
    await waitFor(
      async () => {
        await page.reload();
        const cells = page.locator('section[aria-label="All keys"] tr', { hasText: 'Browser spec CMS' }).locator('td.num');
        // '…' while the 24 h sources load (over the demo's data, a few seconds).
        await cells.filter({ hasText: /\d/ }).first().waitFor({ timeout: 30_000 });
        return ((await cells.first().textContent()) ?? '').trim() === '1';
      },
      'the event counted for the key',
      90_000,
      1_000,
    );
    await expect(page.locator('section[aria-label="All keys"]').getByRole('link', { name: 'Data sources' }).getAttribute('href')).resolves.toBe('/admin/data-sources?window=1440');

    // Last used: set by that event, relative in the cell, the exact time (UTC) on hover.
    const used = page.locator('section[aria-label="All keys"] tr', { hasText: 'Browser spec CMS' }).getByTestId('key-last-used');
    await expect(page.getByRole('columnheader', { name: 'Last used' }).count()).resolves.toBe(1);
    // (recorded off the ingestion request's path, so a reload may come before it)
    await waitFor(
      async () => {
        if (((await used.textContent()) ?? '') !== 'never') return true;
        await page.reload();
        await used.waitFor();
        return false;
      },
      'the last use shown',
      30_000,
      500,
    );
    await expect(used.textContent()).resolves.toMatch(/^(just now|\d+ s ago|\d+ min ago)$/);
    await expect(used.locator('time').getAttribute('title')).resolves.toMatch(/^\w{3} \d{1,2}, \d{4}, \d{2}:\d{2} UTC$/);
    await fullPageShot(page, 'admin-write-key-last-used');
    await expectAccessible(page, 'write keys: the key with its events and last use');

    // Revoke: dismissing the confirmation keeps the key, accepting it revokes.
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: 'Revoke Browser spec CMS' }).click();
    await expect(page.getByRole('button', { name: 'Revoke Browser spec CMS' }).isVisible()).resolves.toBe(true);
    let message = '';
    page.once('dialog', (d) => {
      message = d.message();
      void d.accept();
    });
    await page.getByRole('button', { name: 'Revoke Browser spec CMS' }).click();
    await page.locator('section[aria-label="All keys"] tr', { hasText: 'Browser spec CMS' }).getByText(/^Revoked/).waitFor();
    expect(message).toMatch(/Revoke “Browser spec CMS”/);
    expect((await sendEvent(key, `browser-spec-after-${Date.now()}`)).status).toBe(401);
    await fullPageShot(page, 'admin-write-keys');
    await expectAccessible(page, 'write keys: the key revoked');
  }, 180_000);

  it('imports a CSV of events with upload and job progress, the summary and the per-line error report', async () => {
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/admin\/imports$/);
    const upload = page.locator('section[aria-label="Upload a file"]');
    await expect(upload.getByRole('button', { name: 'Upload and import' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'imports: nothing chosen yet');

    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const csv = [
      'event_id,type,actor_id,occurred_at,channel,purpose',
      `spec-imp-1,view,person-1,${day}T09:00:00Z,blog,inform`,
      `spec-imp-2,bogus,person-1,${day}T09:05:00Z,blog,inform`,
      `spec-imp-3,react,person-2,${day}T09:10:00Z,blog,engagement`,
      `spec-imp-4,view,person-2,${day}T09:15:00Z`,
    ].join('\n');
    await upload.getByLabel('File (CSV or NDJSON)').setInputFiles({ name: 'spec-events.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByText(/^CSV, \d+ B$/).waitFor();
    await upload.getByRole('button', { name: 'Upload and import' }).click();

    const status = upload.getByTestId('import-status');
    await status.getByText('spec-events.csv: Done').waitFor({ timeout: 90_000 });
    await expect(status.textContent()).resolves.toContain('4 rows: 2 accepted, 2 rejected');
    await fullPageShot(page, 'admin-import-done');
    await expectAccessible(page, 'imports: done, with the summary and error report');

    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('link', { name: 'Download the error report' }).click()]);
    expect(download.suggestedFilename()).toBe('spec-events.csv.errors.csv');
    const report = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(report[0]).toBe('line,errors');
    expect(report.slice(1)).toEqual([expect.stringMatching(/^3,.*type: must be one of/), expect.stringMatching(/^5,.*has 4 field\(s\), the header has 6/)]);

    const history = page.locator('section[aria-label="Import history"]');
    const row = history.locator('tr', { hasText: 'spec-events.csv' });
    await expect(row.textContent()).resolves.toMatch(/Events.*admin@hubpulse\.local.*Done.*4 rows: 2 accepted, 2 rejected.*Error report/);
  }, 120_000);

  it('filters the audit log by action, actor and date range and exports it as CSV', async () => {
    // Two audited reads: directory searches by the admin and by a planner.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${product.api.url}/api/segments/people?q=an`, { headers: { cookie } })).status).toBe(200);
    const planner = await product.browser.newContext();
    const plannerPage = await planner.newPage();
    await plannerPage.goto(`${product.api.url}/login`);
    await signInAs(plannerPage, 'planner@hubpulse.local');
    const plannerCookie = (await planner.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${product.api.url}/api/segments/people?q=jo`, { headers: { cookie: plannerCookie } })).status).toBe(200);
    await planner.close();

    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    const log = page.locator('section[aria-label="Entries"]');
    await log.locator('tbody tr').first().waitFor();
    const rows = log.locator('tbody tr');
    const all = await rows.count();
    expect(all).toBeGreaterThanOrEqual(2);

    await log.getByLabel('Action').selectOption({ label: 'Searched the directory' });
    await page.waitForURL(/action=directory\.people\.search/); // the address changes after the router's loaders, not in the change event
    await log.getByLabel('Who').fill('planner@');
    // the action filter refetches and the actor filter re-renders: wait for the list to settle
    await waitFor(async () => (await rows.count()) === 1, 'the audit log filtered to the planner’s search', 15_000).catch(() => undefined);
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/planner@hubpulse\.local.*Searched the directory.*directory:people.*query: jo/);
    await fullPageShot(page, 'admin-audit-filtered');
    await expectAccessible(page, 'audit log: filtered by action and actor');

    const [download] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hubpulse-audit-log-.*\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('at,actor,action,action_label,target,details');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('planner@hubpulse.local,directory.people.search,Searched the directory,directory:people');

    // A date range after today matches nothing; clearing brings every entry back.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await log.getByLabel('From').fill(tomorrow);
    await log.getByText('No entries match these filters').waitFor();
    await expectAccessible(page, 'audit log: no entries match (empty state)');
    await log.getByRole('button', { name: 'Clear filters' }).click();
    // every entry back, and one more: the export itself is audited
    await waitFor(async () => (await rows.count()) === all + 1, 'every entry back after clearing', 15_000).catch(() => undefined);
    await expect(rows.count()).resolves.toBe(all + 1);
    await expect(rows.first().textContent()).resolves.toMatch(/admin@hubpulse\.local.*Exported the audit log.*audit_log.*action: directory\.people\.search/);

    // A family of actions: every write-key action (the key made earlier in this spec), nothing else.
    await log.getByLabel('Action').selectOption({ label: 'Write keys: every action' });
    await page.waitForURL(/action=write_key\./);
    // fewer rows, but not none: while the filtered list loads there are none for a moment
    await waitFor(async () => { const n = await rows.count(); return n > 0 && n < all; }, 'the audit log filtered to write-key actions', 15_000).catch(() => undefined);
    const keyRows = await rows.allTextContents();
    expect(keyRows.length).toBeGreaterThanOrEqual(1);
    for (const text of keyRows) expect(text).toMatch(/(Created|Revoked) a write key.*write_key:/);
    await fullPageShot(page, 'admin-audit-family');
    await expectAccessible(page, 'audit log: a family of actions');
  }, 120_000);

  it('invites a planner who accepts in a second browser, changes their password and sees their sessions; then is deactivated', async () => {
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'People & access' }).click();
    await page.waitForURL(/\/admin\/people$/);
    const invite = page.locator('section[aria-label="Invite someone"]');
    await invite.getByLabel('Email').fill('not an email');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await invite.getByText('must be an email address').waitFor();
    await expectAccessible(page, 'people: invite form naming a bad email');
    await invite.getByLabel('Email').fill('nia.planner@hubpulse.local');
    await invite.getByLabel('Name (optional)').fill('Nia Planner');
    await invite.getByLabel('Role').selectOption('planner');
    await invite.getByRole('button', { name: 'Invite' }).click();
    // The demo has no mail server: the link is shown this once.
    const link = ((await invite.getByTestId('shown-once-value').textContent()) ?? '').trim();
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
    await invite.getByText('you will not see it again').waitFor();
    const people = page.locator('section[aria-label="People"]');
    const row = people.locator('tr', { hasText: 'nia.planner@hubpulse.local' });
    await expect(row.textContent()).resolves.toMatch(/Nia Planner.*Invited.*Not yet/);
    await fullPageShot(page, 'admin-people-invited');
    await expectAccessible(page, 'people: an invitation link shown once');

    // The invited person, in a browser of their own.
    const nia = await product.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const niaPage = await nia.newPage();
    niaPage.on('pageerror', (e) => errors.push(`nia: ${e.message}`));
    await niaPage.goto(`${product.api.url}${new URL(link).pathname}`);
    await niaPage.getByRole('heading', { name: 'Welcome to Hubpulse' }).waitFor();
    await expect(niaPage.locator('.login__subtitle').textContent()).resolves.toMatch(/invited as Comms planner with nia\.planner@hubpulse\.local/);
    await niaPage.getByLabel('Password', { exact: true }).fill('too short');
    await niaPage.getByLabel('Password again').fill('too short');
    await niaPage.getByRole('button', { name: 'Set password and sign in' }).click();
    await niaPage.getByText(/must be at least 12 characters/).waitFor();
    await fullPageShot(niaPage, 'invite-accept-error');
    await expectAccessible(niaPage, 'invite: accept form naming a short password');
    await niaPage.getByLabel('Password', { exact: true }).fill('a long planner passphrase');
    await niaPage.getByLabel('Password again').fill('a long planner passphrase');
    await niaPage.getByRole('button', { name: 'Set password and sign in' }).click();
    await niaPage.waitForURL((u) => u.pathname === '/overview'); // a planner's start page
    // The URL changes before React has drawn the new page: the invitation page can still be on screen.
    await niaPage.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // The same link a second time: used.
    const again = await product.browser.newPage();
    await again.goto(`${product.api.url}${new URL(link).pathname}`);
    await again.getByText(/has been used or has expired/).waitFor();
    await expectAccessible(again, 'invite: a used link');
    await again.close();

    // Their own account: a wrong current password is named beside its field; the sessions list this one.
    await fullPageShot(niaPage, 'invite-accepted-landing');
    await expectAccessible(niaPage, 'invite: the planner’s landing page');
    await niaPage.getByRole('link', { name: 'Your account: Nia Planner' }).click();
    await niaPage.waitForURL(/\/account$/);
    await niaPage.getByLabel('Current password').fill('not my password');
    await niaPage.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await niaPage.getByLabel('New password again').fill('another long passphrase');
    await niaPage.getByRole('button', { name: 'Change password' }).click();
    await niaPage.getByText('is not your current password').waitFor();
    await expectAccessible(niaPage, 'account: a wrong current password named');
    await niaPage.getByLabel('Current password').fill('a long planner passphrase');
    await niaPage.getByRole('button', { name: 'Change password' }).click();
    await niaPage.getByText('Password changed.').waitFor();
    const sessions = niaPage.locator('section[aria-label="Where you are signed in"]');
    await sessions.getByText('This session').waitFor();
    await expect(sessions.locator('tbody tr').count()).resolves.toBe(1);
    await fullPageShot(niaPage, 'account');
    await expectAccessible(niaPage, 'account: password changed, sessions listed');

    // Back with the admin: active, signed in; deactivated after a confirmation, which signs Nia out.
    await page.reload();
    await expect(row.textContent()).resolves.toMatch(/Nia Planner.*Active.*UTC/);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Deactivate Nia Planner' }).click();
    await row.getByText('Deactivated').waitFor();
    await fullPageShot(page, 'admin-people');
    await expectAccessible(page, 'people: a person deactivated');
    await niaPage.reload();
    await niaPage.waitForURL(/\/login/);
    await nia.close();

    // The audit log has the invitation and the deactivation.
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Audit log' }).click();
    const log = page.locator('section[aria-label="Entries"]');
    await log.locator('tbody').getByText('Invited someone').first().waitFor();
    await log.locator('tbody').getByText('Deactivated someone').first().waitFor();
  }, 180_000);
});
