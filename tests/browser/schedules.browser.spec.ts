import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { SavedViewDto } from '@hubpulse/contracts';
import { mimeLeaves, parseMime, startSmtpCatcher, waitFor, type SmtpCatcher } from '@hubpulse/testing';
import { fullPageShot, SHOTS, signInAs, useDemoProduct, waitUntilNone } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * Reports → Schedules as an analyst meets it (production build, demo data, a real SMTP server): a
 * schedule created in the form (time zone defaulting to the browser's), sent now, the mail received
 * with its CSV and a PDF of the page rendered by the product's own Chromium, the history listed.
 */
describe('Schedules page in headless Chromium', () => {
  let smtp: SmtpCatcher;
  const product = useDemoProduct('schedules', async () => {
    smtp = await startSmtpCatcher();
    return { HUBPULSE_SMTP_URL: smtp.url };
  });
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await product.browser.newPage({ viewport: { width: 1360, height: 900 }, timezoneId: 'Europe/Berlin' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'analyst@hubpulse.local');
  });

  afterAll(async () => {
    await smtp?.close();
    expect(errors).toEqual([]);
  });

  it('creates a schedule, sends it now with CSV and PDF, and lists the delivery', async () => {
    const view = (await page.evaluate(async () => {
      const r = await fetch('/api/saved-views', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Purposes by department', path: '/engagement/purposes', query: 'by=department' }) });
      return r.json();
    })) as SavedViewDto;
    await page.goto(`${product.api.url}/reports/schedules`);
    await page.getByRole('navigation', { name: 'Reports sections' }).getByRole('link', { name: 'Schedules' }).waitFor();
    const list = page.locator('section[aria-label="Scheduled reports"]');
    await list.getByText('No schedules yet').waitFor();
    await expectAccessible(page, 'schedules: none yet (empty state)');
    const form = page.locator('section[aria-label="New schedule"]');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await form.getByText('Give the schedule a name.').waitFor(); // checked before anything is sent
    await expectAccessible(page, 'schedules: the form naming a missing name');
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin'); // the browser's
    await form.getByLabel('Name').fill('Monday purposes');
    await form.getByLabel(/Purposes by department/).check();
    await form.getByRole('checkbox', { name: 'Ana Analyst (Analyst)' }).check();
    await form.getByLabel('PDF of the page').check();
    await form.getByLabel('Local time', { exact: true }).fill('07:45');
    await fullPageShot(page, 'schedules-form');
    await expectAccessible(page, 'schedules: the form filled');
    await form.getByRole('button', { name: 'Create schedule' }).click();

    const row = list.getByTestId('schedule-row').filter({ hasText: 'Monday purposes' });
    await row.waitFor();
    // The form is emptied for the next one (it re-renders just after the list has refetched).
    await waitFor(async () => (await form.getByLabel('Name').inputValue()) === '', 'the form emptied after creating');
    await expect(row.textContent()).resolves.toContain('Every Monday at 07:45 (Europe/Berlin)');
    const before = smtp.mails.length;
    await row.getByRole('button', { name: 'Send now' }).click();
    await row.getByText(/1 sent, 0 failed, 0 skipped/).waitFor({ timeout: 120_000 });
    await expectAccessible(page, 'schedules: sent now');
    await waitFor(async () => smtp.mails.length > before, 'the mail');
    const leaves = mimeLeaves(parseMime(smtp.mails[before].raw));
    const csv = leaves.find((p) => p.filename?.endsWith('.csv'));
    const pdf = leaves.find((p) => p.contentType === 'application/pdf');
    expect(csv?.body.toString('utf8').split('\n')[0]).toMatch(/purpose/);
    fs.writeFileSync(path.join(SHOTS, 'schedules-report.pdf'), pdf!.body); // to look at
    expect(pdf?.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf!.body.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    expect(pdf!.body.length).toBeGreaterThan(5_000);
    // what the PDF shows: the view's page as printed, for the reader
    const printed = await product.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await printed.context().addCookies(await page.context().cookies());
    await printed.goto(`${product.api.url}/engagement/purposes?by=department`, { waitUntil: 'networkidle' });
    await waitUntilNone(printed, '.chart-state--loading');
    await printed.emulateMedia({ media: 'print' });
    await fullPageShot(printed, 'schedules-printed-view');
    await printed.close();
    expect(view.id).toBeTruthy();

    await row.getByRole('button', { name: 'History' }).click();
    const history = page.locator('section[aria-label="History of “Monday purposes”"]');
    await history.getByTestId('delivery-row').first().waitFor();
    await expect(history.getByTestId('delivery-row').first().textContent()).resolves.toMatch(/analyst@hubpulse\.local.*Sent/);
    await fullPageShot(page, 'schedules-history');
    await expectAccessible(page, 'schedules: the delivery history open');
  }, 240_000);
});
