import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';
import { freePort, REPO_ROOT, spawnApi, uniqueName, waitFor, type SpawnedApi } from '@hubpulse/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How long the API may take to stop gracefully at the end of a spec before it is killed. */
const STOP_GRACE_MS = 60_000;

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
 * temp folder and the API log written to test-results/<name>-api.log. `env`, called in beforeAll with
 * the address the API will listen on, adds variables (an SSO spec starts its provider there).
 */
export function useDemoProduct(name: string, env?: (url: string) => Promise<Record<string, string>>): DemoProduct {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hubpulse-${name}-`));
  const product = {} as DemoProduct;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    const extra = env ? await env(`http://127.0.0.1:${port}`) : {};
    product.api = await spawnApi(
      {
        PORT: String(port),
        HUBPULSE_DATA_DIR: dataDir,
        HUBPULSE_DEMO: '1',
        HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName()}`,
        HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@hubpulse.local',
        HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'hubpulse-demo',
        ...extra,
      },
      300_000,
    );
    product.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 320_000);

  afterAll(async () => {
    await product.browser?.close();
    const log = path.join(SHOTS, `${name}-api.log`);
    fs.writeFileSync(log, product.api?.output() ?? '');
    // A graceful stop waits for the jobs the demo's start-up queued (scores, patterns) to finish, which
    // can take minutes on a busy machine: after STOP_GRACE_MS the process is killed, and the log says so.
    const stopped = product.api?.stop('SIGTERM');
    const late = await Promise.race([stopped?.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_GRACE_MS).unref())]);
    if (late && product.api) {
      await product.api.stop('SIGKILL');
      fs.writeFileSync(log, `${product.api.output()}\n[demo-product] no exit ${STOP_GRACE_MS} ms after SIGTERM: killed\n`);
    } else fs.writeFileSync(log, product.api?.output() ?? '');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, STOP_GRACE_MS + 30_000);

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

/**
 * Waits until nothing on the page matches `selector`. The predicate is a function, not a string: the
 * product's Content-Security-Policy forbids eval, and Playwright evaluates a string predicate with eval.
 */
export async function waitUntilNone(page: Page, selector: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((s) => !(globalThis as unknown as PageGlobals).document.querySelector(s), selector, { timeout });
}

/** Fills the sign-in form on the current /login page, submits it and waits until the app leaves /login. */
export async function signInAs(page: Page, email: string, password = 'hubpulse-demo'): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * A new 1360×900 browser context signed in as `email` on the demo product: its page errors go to
 * `errors` (a spec expects none), dialogs are accepted, and the context is kept in `contexts` for closing.
 */
export async function signedInPage(product: DemoProduct, email: string, contexts: BrowserContext[], errors: string[]): Promise<Page> {
  const context = await product.browser.newContext({ viewport: { width: 1360, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${email}: ${e.message}`));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${product.api.url}/login`);
  await signInAs(page, email);
  return page;
}

/**
 * Waits until the radio `target` is (or is not) the chosen one. Focus moves at once; the choice is
 * a URL change, which React Router renders in a transition, later on a loaded machine.
 */
export async function expectChecked(target: Locator, checked: boolean, what: string): Promise<void> {
  await waitFor(async () => (await target.getAttribute('aria-checked')) === String(checked), `${what} ${checked ? 'chosen' : 'no longer chosen'}`, 10_000, 50);
}
