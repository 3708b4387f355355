import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { fullPageShot, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/** Rows in the generated file, ~600 bytes each: about 30 MB. */
const ROWS = 50_000;
/** The upload link the browser emulates (bytes/s): a 30 MB file takes a few seconds, as on an office line. */
const UPLOAD_BYTES_PER_S = 8 * 1024 * 1024;

/**
 * Admin → Imports with a file of real size (production build, demo data): a ~30 MB NDJSON of events
 * uploaded through the page shows the upload and import progress moving through intermediate
 * percentages before the summary. Every text the progress elements show is recorded in the page by a
 * MutationObserver, so a step shorter than a polling interval is not missed.
 */
describe('Admin → Imports: a 30 MB NDJSON upload in headless Chromium', () => {
  const product = useDemoProduct('big-import');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-big-import-'));
  const file = path.join(dir, 'hub-history.ndjson');
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const day = Date.now() - 3 * 86_400_000;
    const padding = 'x'.repeat(420);
    const out = fs.openSync(file, 'w');
    let chunk = '';
    for (let i = 0; i < ROWS; i++) {
      const event = {
        event_id: `big-import-${i}`,
        type: i % 3 === 0 ? 'comment' : 'view',
        actor_id: `person-${(i % 40) + 1}`,
        occurred_at: new Date(day + i * 1000).toISOString(),
        channel: 'blog',
        purpose: 'inform',
        properties: { note: padding, row: i },
      };
      chunk += `${JSON.stringify(event)}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(out, chunk);
        chunk = '';
      }
    }
    fs.writeSync(out, chunk);
    fs.closeSync(out);

    page = await product.browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.api.url}/login`);
    await signInAs(page, 'admin@hubpulse.local');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  it('shows the upload and the import going through intermediate percentages, then the summary', async () => {
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(20 * 1024 * 1024);
    expect(size).toBeLessThan(50 * 1024 * 1024);

    await page.goto(`${product.api.url}/admin/imports`);
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    const upload = page.locator('section[aria-label="Upload a file"]');
    await upload.getByLabel('File (CSV or NDJSON)').setInputFiles(file);
    await upload.getByText(/^NDJSON, 2\d(\.\d)? MB$|^NDJSON, [34]\d(\.\d)? MB$/).waitFor();
    await expectAccessible(page, 'imports: a 20+ MB file chosen');

    // Every text the two progress lines show, in order, with the time it appeared.
    // (a string: this project's Node typings have no DOM)
    await page.evaluate(`(() => {
      window.seen = [];
      const note = () => {
        for (const el of document.querySelectorAll('.upload-progress span, [data-testid="import-status"] .import-status__title')) {
          const text = el.textContent ?? '';
          if (!window.seen.some((s) => s.text === text)) window.seen.push({ t: performance.now(), text });
        }
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 5, downloadThroughput: -1, uploadThroughput: UPLOAD_BYTES_PER_S });

    await upload.getByRole('button', { name: 'Upload and import' }).click();
    // Mid-upload: the bar and its percentage, somewhere between the ends.
    await upload.getByText(/^Uploading… ([2-7]\d)%$/).waitFor({ timeout: 30_000 });
    // The line shows whole, bar and text (it once took the goal cards' 8 px, overflow-hidden `.progress` style).
    // Measured until it holds or the upload ends (a loaded CI machine once read it mid-layout); a
    // failure shows the last measurement.
    const line = upload.getByLabel('Upload', { exact: true });
    let box = { scrollHeight: 0, clientHeight: 0 };
    for (let tries = 0; tries < 20 && !(box.scrollHeight <= box.clientHeight + 1 && box.clientHeight >= 14); tries++) {
      if (tries > 0) await page.waitForTimeout(100);
      if ((await line.count()) === 0) break;
      box = await line.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }), undefined, { timeout: 1000 }).catch(() => box);
    }
    expect(box.clientHeight).toBeGreaterThanOrEqual(14);
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
    await fullPageShot(page, 'import-big-mid-upload', 0);
    await expectAccessible(page, 'imports: mid-upload, the progress bar shown');

    const status = upload.getByTestId('import-status');
    await status.getByText('hub-history.ndjson: Done').waitFor({ timeout: 240_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect(status.textContent()).resolves.toContain(`${ROWS.toLocaleString('en-US')} rows: ${ROWS.toLocaleString('en-US')} accepted, 0 rejected`);
    await fullPageShot(page, 'import-big-done');
    await expectAccessible(page, 'imports: a big import done');

    const seen = (await page.evaluate('window.seen')) as { t: number; text: string }[];
    const percents = (re: RegExp) => seen.map((s) => re.exec(s.text)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
    const uploaded = percents(/^Uploading… (\d+)%$/);
    const imported = percents(/^hub-history\.ndjson: Importing \((\d+)%\)$/);
    console.log(`upload progress seen: ${uploaded.join(' ')}\nimport progress seen: ${imported.join(' ')}\n${seen.map((s) => `${Math.round(s.t)} ms ${s.text}`).join('\n')}`);

    const between = (list: number[]) => list.filter((p) => p > 0 && p < 100);
    expect(between(uploaded).length).toBeGreaterThanOrEqual(3);
    expect([...uploaded].sort((a, b) => a - b)).toEqual(uploaded); // never goes back
    // The summary came after the upload's progress (not instead of it).
    const doneAt = seen.findIndex((s) => s.text === 'hub-history.ndjson: Done');
    const lastUploadAt = seen.findLastIndex((s) => s.text.startsWith('Uploading…'));
    expect(lastUploadAt).toBeGreaterThanOrEqual(0);
    expect(doneAt).toBeGreaterThan(lastUploadAt);
    // Then the worker's share of the file read (polled each second, so a fast import may skip straight to Done).
    expect(seen.findIndex((s) => s.text === 'hub-history.ndjson: Queued (0%)')).toBeGreaterThan(lastUploadAt);
    expect(imported.every((p) => p >= 0 && p <= 100)).toBe(true);
  }, 300_000);
});
