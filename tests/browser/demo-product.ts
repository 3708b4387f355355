import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, spawnApi, uniqueName, type SpawnedApi } from '@hubpulse/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where screenshots and the API's log go. */
export const SHOTS = path.join(REPO_ROOT, 'test-results');

export interface DemoProduct {
  api: SpawnedApi;
  browser: Browser;
}

/**
 * For a browser spec: the production build started with the demo organisation in its own data
 * folder and queue prefix, and Debian's Chromium (Playwright gives every launch a fresh user dir).
 * Registers beforeAll/afterAll; the returned object is filled in by beforeAll. `name` names the
 * temp folder and the API log written to test-results/<name>-api.log.
 */
export function useDemoProduct(name: string): DemoProduct {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hubpulse-${name}-`));
  const product = {} as DemoProduct;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    product.api = await spawnApi(
      {
        HUBPULSE_DATA_DIR: dataDir,
        HUBPULSE_DEMO: '1',
        HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName()}`,
        HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@hubpulse.local',
        HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'hubpulse-demo',
      },
      300_000,
    );
    product.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 320_000);

  afterAll(async () => {
    await product.browser?.close();
    fs.writeFileSync(path.join(SHOTS, `${name}-api.log`), product.api?.output() ?? '');
    await product.api?.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return product;
}

/**
 * A full-page screenshot into test-results/ (`name` with or without .png), taken from the top so the
 * sticky top bar is not painted over the middle, after `settleMs` for charts to finish drawing.
 */
export async function fullPageShot(page: Page, name: string, settleMs = 300): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: path.join(SHOTS, name.endsWith('.png') ? name : `${name}.png`), fullPage: true });
}

/** Fills the sign-in form on the current /login page, submits it and waits until the app leaves /login. */
export async function signInAs(page: Page, email: string, password = 'hubpulse-demo'): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
