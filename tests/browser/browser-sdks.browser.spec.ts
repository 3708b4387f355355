import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { spawnApi, uniqueName, waitFor, type SpawnedApi } from '@hubpulse/testing';
import { SDKS, sentIds, startIntranet, type IntranetServer, type Sdk } from './browser-sdks.page';
import { fullPageShot, SHOTS, signInAs } from './demo-product';
import { expectAccessible } from './accessibility';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Where each SDK sends events (posthog-js, analytics.js short paths and batches, RudderStack calls and beacons). */
const INGEST_PATH = /^\/(e|i\/v0\/e|batch|capture|v1\/(t|p|i|g|s|a|b|track|page|identify|group|batch)|beacon\/v1\/batch)\/?$/;

/**
 * Where each SDK sends with navigator.sendBeacon as the page is left: posthog-js its capture path,
 * RudderStack (useBeacon) its beacon batch; analytics.js flushes its batch with a keepalive fetch instead.
 */
const UNLOAD_BEACON: Record<Sdk, string | null> = { posthog: '/i/v0/e/', segment: null, rudderstack: '/beacon/v1/batch' };

/**
 * Notes every sendBeacon call in the page origin's localStorage, which outlives the page (a request
 * sent while a page unloads is not reported to the test as one).
 */
const WATCH_BEACONS = `{
  const send = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => {
    const sent = JSON.parse(localStorage.getItem('hubBeacons') || '[]');
    localStorage.setItem('hubBeacons', JSON.stringify([...sent, String(url)]));
    return send(url, data);
  };
}`;

interface StoredEvent {
  event_id: string;
  type: string;
  actor_id: string;
  content_id: string;
  source: string;
  key_id: string;
}

/**
 * posthog-js, Segment's analytics.js and RudderStack's JS SDK, their real browser bundles loaded from
 * node_modules into a page on another origin and configured only as each one's docs say for a
 * self-hosted endpoint, deliver into the production build: a page view, a click and a custom event
 * land exactly once — also when a proxy drops the answer to the first delivery (503 after the API
 * stored it, so the SDK sends the same events again) and when the page unloads (beacon / keepalive) —
 * with no console error but the one the dropped answer causes. What landed is read back as an admin
 * reads it: the raw events export.
 */
describe('browser SDKs deliver from a web page (headless Chromium, production build)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-browser-sdks-'));
  let api: SpawnedApi;
  let browser: Browser;
  let intranet: IntranetServer;
  let cookie = '';
  let key = '';
  let keyId = '';
  /** Answers that refused part of a delivery (kept for the failure message). */
  const answers: string[] = [];

  const admin = (p: string, init: RequestInit = {}) =>
    fetch(`${api.url}${p}`, { ...init, headers: { 'Content-Type': 'application/json', Cookie: cookie, ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    api = await spawnApi({
      HUBPULSE_DATA_DIR: dataDir,
      HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName()}`,
      HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@hubpulse.local',
      HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'hubpulse-demo',
    }, 180_000);
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@hubpulse.local', password: 'hubpulse-demo' }) });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const made = (await (await admin('/api/ingestion/keys', { method: 'POST', body: JSON.stringify({ name: 'intranet page', browser: true }) })).json()) as { id: string; key: string };
    ({ key, id: keyId } = made);
    intranet = await startIntranet(api.url, key);
    const patched = await admin(`/api/ingestion/keys/${keyId}`, { method: 'PATCH', body: JSON.stringify({ allowed_origins: [intranet.url] }) });
    expect(patched.status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await intranet?.close();
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, 'browser-sdks-api.log'), api?.output() ?? '');
    await api?.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  /** Every stored event of the write key, through the admin's raw events export (each event once, as stored). */
  async function stored(): Promise<StoredEvent[]> {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const made = await admin('/api/exports', { method: 'POST', body: JSON.stringify({ view: 'events.raw', params: { from: day(-1), to: day(0) }, format: 'ndjson' }) });
    const job = (await made.json()) as { id: string };
    if (made.status !== 202) throw new Error(`export: ${made.status} ${JSON.stringify(job)}`);
    await waitFor(async () => ((await (await admin(`/api/exports/${job.id}`)).json()) as { status: string }).status === 'done', 'the raw events export', 60_000);
    const text = await (await admin(`/api/exports/${job.id}/file`)).text();
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as StoredEvent)
      .filter((e) => e.key_id === keyId);
  }

  // Strings run in the page (the DOM types of the backend's tsconfig do not apply there): window.hub is the page's SDK.
  /** A page of the intranet with its console watched and every delivery recorded; `dropFirst` makes a proxy drop the answer to the first delivery. */
  async function open(sdk: Sdk, variant: 'standard' | 'unload', log: Delivery[], problems: string[], dropFirst: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addInitScript(WATCH_BEACONS);
    const page = await context.newPage();
    const droppedUrls = new Set<string>();
    page.on('pageerror', (e) => problems.push(`${sdk}: page error ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Chromium reports the answer the proxy turned into a 503: that one is expected.
      if (droppedUrls.has(m.location().url) && /status of 503/.test(m.text())) return;
      problems.push(`${sdk}: console error ${m.text()} (${m.location().url})`);
    });
    // On the context: a beacon sent as the page is left is no longer the page's request.
    context.on('request', (r) => {
      if (isDelivery(r)) log.push({ ids: sentIds(r.postDataBuffer()), url: r.url(), dropped: false });
    });
    page.on('response', (r) => {
      if (isDelivery(r.request()) && r.status() !== 200 && !(r.status() === 503 && droppedUrls.has(r.url()))) problems.push(`${sdk}: ${r.url()} answered ${r.status()}`);
      else if (isDelivery(r.request())) void r.text().then((t) => (/"rejected":\[\{/.test(t) ? answers.push(`${r.url()}: ${t}`) : undefined), () => undefined);
    });
    // Interception stays off the page that is left: a routed request would not outlive the page.
    let drop = dropFirst;
    if (dropFirst) await page.route((u) => INGEST_PATH.test(u.pathname), async (route) => {
      const r = route.request();
      const ids = r.method() === 'POST' ? sentIds(r.postDataBuffer()) : [];
      if (!drop || ids.length === 0) return route.continue();
      drop = false;
      // The API stores the events and answers; the proxy loses the answer: the SDK must send them again.
      const delivered = await route.fetch();
      expect(delivered.status()).toBe(200);
      droppedUrls.add(r.url());
      log.push({ ids, url: r.url(), dropped: true });
      await route.fulfill({ status: 503, headers: { 'Access-Control-Allow-Origin': intranet.url, 'Access-Control-Allow-Credentials': 'true', 'Content-Type': 'application/json', 'Retry-After': '1' }, body: '{"message":"proxy: upstream answer lost"}' });
    });
    await page.goto(`${intranet.url}/${sdk}.html?variant=${variant}`);
    await page.waitForFunction('window.hubReady === true', undefined, { timeout: 30_000 });
    return page;
  }

  interface Delivery {
    ids: string[];
    url: string;
    /** Its answer was lost on purpose (the events were stored). */
    dropped: boolean;
  }

  const isDelivery = (r: Request) => r.method() === 'POST' && INGEST_PATH.test(new URL(r.url()).pathname);

  it("lets an admin edit a browser key's allowed origins on Admin → Write keys", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${api.url}/login`);
    await signInAs(page, 'admin@hubpulse.local');
    await page.goto(`${api.url}/admin/write-keys`);
    const row = page.getByRole('row', { name: /intranet page/ });
    await row.getByText(intranet.url).waitFor();
    await row.getByRole('button', { name: 'Edit allowed origins of intranet page' }).click();
    const field = row.getByLabel(/Pages that may send with/);
    await field.fill(`${intranet.url}\nintranet.example.com`);
    await row.getByText('Not a web origin: intranet.example.com').waitFor();
    await expectAccessible(page, 'write keys: a browser key’s origins editor naming a bad origin');
    await field.fill(`${intranet.url}\nhttps://intranet.example.com/`);
    await fullPageShot(page, 'browser-sdks-write-keys-editing');
    await row.getByRole('button', { name: 'Save origins' }).click();
    await row.getByText('https://intranet.example.com').waitFor();
    await fullPageShot(page, 'browser-sdks-write-keys');
    await expectAccessible(page, 'write keys: a browser key’s origins saved');
    const keys = (await (await admin('/api/ingestion/keys')).json()) as { keys: { id: string; allowed_origins: string[] }[] };
    expect(keys.keys.find((k) => k.id === keyId)!.allowed_origins).toEqual([intranet.url, 'https://intranet.example.com']);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it.each(SDKS)('%s: page views, a click and custom events land exactly once, through a lost answer and a page unload', async (sdk) => {
    const log: Delivery[] = [];
    const problems: string[] = [];
    const person = `p-${sdk}`;

    // A visit: the page view (anonymous; the proxy loses the answer to its delivery, so it is sent again),
    // then sign-in (identify with the hub login), a click and a custom event.
    const page = await open(sdk, 'standard', log, problems, true);
    const dropped = () => log.filter((d) => d.dropped).flatMap((d) => d.ids);
    // Identify waits for the resend: analytics.js fills in the user id when it sends, also when it sends again.
    // Every delivery shows twice in the log (the browser's request, then the proxy's note when it was the dropped one).
    const resent = () => dropped().length > 0 && dropped().every((id) => log.filter((d) => !d.dropped && d.ids.includes(id)).length >= 2);
    await waitFor(async () => resent(), 'the SDK to send again what the proxy lost the answer to', 60_000);
    await page.evaluate(`hub.identify(${JSON.stringify(person)})`);
    await page.click('#like');
    await page.evaluate(`hub.track('Post Created', { content_id: 'post-2-${sdk}', channel: 'microblog' })`);
    await page.screenshot({ path: path.join(SHOTS, `browser-sdks-${sdk}.png`) });

    // Another page: an event, then the page is left at once; the SDK delivers on unload.
    const leaving = await open(sdk, 'unload', log, problems, false);
    await leaving.evaluate(`hub.track('Comment Added', { content_id: 'post-3-${sdk}', channel: 'blog' })`);
    await leaving.goto(`${intranet.url}/left.html`);
    const beacons = JSON.parse(await leaving.evaluate<string>("localStorage.getItem('hubBeacons') || '[]'")) as string[];

    // This SDK's events: its pages' paths and the content ids its page names.
    const ours = (e: StoredEvent) => e.content_id === `/${sdk}.html` || e.content_id.endsWith(`-${sdk}`);
    let rows: StoredEvent[] = [];
    await waitFor(async () => {
      rows = (await stored()).filter(ours);
      return rows.length >= 5;
    }, 'the events of both pages to be stored', 90_000, 2000).catch(async (err: Error) => {
      throw new Error(`${err.message}\nstored: ${JSON.stringify(rows)}\nall stored: ${JSON.stringify((await stored()).map((e) => [e.event_id, e.type, e.actor_id]))}\ndeliveries: ${JSON.stringify(log)}\nproblems: ${JSON.stringify(problems)}\nanswers with rejects: ${JSON.stringify(answers)}`);
    });
    // Exactly once: every stored event once, the events whose answer was lost stored once though sent twice.
    expect(new Set(rows.map((e) => e.event_id)).size).toBe(rows.length);
    for (const id of dropped()) expect(rows.filter((e) => e.event_id === id)).toHaveLength(1);
    const counted = rows.map((e) => `${e.type} ${e.content_id} ${e.actor_id.startsWith('anon:') ? 'anonymous' : e.actor_id}`).sort();
    expect(counted).toEqual(
      [
        `comment post-3-${sdk} anonymous`,
        `post post-2-${sdk} ${person}`,
        `react post-1-${sdk} ${person}`,
        `view /${sdk}.html anonymous`,
        `view /${sdk}.html anonymous`,
      ].sort(),
    );
    expect(rows.every((e) => e.source === (sdk === 'posthog' ? 'posthog' : 'segment'))).toBe(true);
    // The page left: posthog-js and RudderStack (useBeacon) deliver by sendBeacon, analytics.js by its batch's keepalive fetch.
    const beaconPaths = beacons.map((u) => new URL(u).pathname);
    if (UNLOAD_BEACON[sdk]) expect(beaconPaths).toContain(UNLOAD_BEACON[sdk]);
    else expect(beaconPaths).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
    await leaving.context().close();
  }, 240_000);
});
