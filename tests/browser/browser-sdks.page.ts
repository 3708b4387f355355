import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from '@hubpulse/testing';

/**
 * The intranet page of the browser-SDK spec: served on its own origin (http://localhost:<port>, the
 * API being http://127.0.0.1:<port>, so every call is cross-origin), loading each SDK's real browser
 * bundle from node_modules and configured only as each SDK's documentation says for a self-hosted
 * endpoint. Each page exposes `window.hub` (identify, track) and a "Like" button whose click tracks
 * "Reaction Added".
 */

export type Sdk = 'posthog' | 'segment' | 'rudderstack';
export const SDKS: Sdk[] = ['posthog', 'segment', 'rudderstack'];

/** Each SDK's browser bundle, as published in its package (a closed list: nothing else is served). */
const BUNDLES: Record<string, string> = {
  'posthog.js': 'posthog-js/dist/array.full.js',
  'analytics-next.js': '@segment/analytics-next/dist/umd/index.js',
  'rudderstack.js': '@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js',
};

/**
 * The SDK's set-up, `variant` choosing its unload-friendly mode: Segment's batching delivery (flushed
 * with keepalive on pagehide) and RudderStack's beacon queue (sendBeacon on pagehide); posthog-js
 * always sends with sendBeacon on unload.
 */
function setup(sdk: Sdk, api: string, key: string, variant: 'standard' | 'unload'): string {
  const k = JSON.stringify(key);
  const a = JSON.stringify(api);
  switch (sdk) {
    case 'posthog':
      // opt_out_useragent_filter: headless Chromium's user agent is taken for a bot and dropped otherwise (PostHog's advice for tests).
      return `posthog.init(${k}, { api_host: ${a}, persistence: 'memory', opt_out_useragent_filter: true, loaded: () => { window.hubReady = true; } });
window.hub = { identify: (id) => posthog.identify(id), track: (name, props) => posthog.capture(name, props) };`;
    case 'segment': {
      const options = variant === 'unload' ? `{ integrations: { 'Segment.io': { deliveryStrategy: { strategy: 'batching', config: { size: 50, timeout: 60000 } } } } }` : '{}';
      return `const analytics = AnalyticsNext.AnalyticsBrowser.load({ writeKey: ${k}, cdnURL: ${a} }, ${options});
analytics.page();
analytics.ready(() => { window.hubReady = true; });
window.hub = { identify: (id) => analytics.identify(id), track: (name, props) => analytics.track(name, props) };`;
    }
    case 'rudderstack': {
      const options = variant === 'unload' ? `{ configUrl: ${a}, useBeacon: true, beaconQueueOptions: { flushQueueInterval: 60000 } }` : `{ configUrl: ${a} }`;
      return `const ra = new rudderanalytics.RudderAnalytics();
ra.load(${k}, ${a}, ${options});
ra.page();
ra.ready(() => { window.hubReady = true; });
window.hub = { identify: (id) => ra.identify(id), track: (name, props) => ra.track(name, props) };`;
    }
  }
}

const BUNDLE_OF: Record<Sdk, string> = { posthog: 'posthog.js', segment: 'analytics-next.js', rudderstack: 'rudderstack.js' };

function pageHtml(sdk: Sdk, api: string, key: string, variant: 'standard' | 'unload'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Intranet: ${sdk}</title>
<script src="/sdk/${BUNDLE_OF[sdk]}"></script>
<script>${setup(sdk, api, key, variant)}</script></head>
<body><h1>Team news</h1><button id="like" onclick="hub.track('Reaction Added', { content_id: 'post-1-${sdk}', channel: 'blog' })">Like</button></body></html>`;
}

export interface IntranetServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `/<sdk>.html?variant=standard|unload`, `/left.html` (no SDK) and the bundles, on localhost (another origin than the API's 127.0.0.1). */
export async function startIntranet(api: string, key: string): Promise<IntranetServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = /^\/(posthog|segment|rudderstack)\.html$/.exec(url.pathname);
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(pageHtml(page[1] as Sdk, api, key, url.searchParams.get('variant') === 'unload' ? 'unload' : 'standard'));
    }
    if (url.pathname === '/left.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>Another page</title><p>Another page of the intranet, without an SDK.</p>');
    }
    const bundle = url.pathname.startsWith('/sdk/') ? BUNDLES[url.pathname.slice(5)] : undefined;
    if (bundle) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return void fs.createReadStream(path.join(REPO_ROOT, 'node_modules', bundle)).pipe(res);
    }
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The event ids an SDK request carries (PostHog: gzip or base64 `data=` arrays of events with uuid; Segment spec: messageId). */
export function sentIds(body: Buffer | null): string[] {
  if (!body || body.length === 0) return [];
  let buf = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body;
  let text = buf.toString('utf8');
  if (text.startsWith('data=')) {
    buf = Buffer.from(new URLSearchParams(text).get('data') ?? '', 'base64');
    text = (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const messages = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && Array.isArray((parsed as { batch?: unknown }).batch) ? (parsed as { batch: unknown[] }).batch : [parsed];
  return messages.flatMap((m) => {
    const o = (m ?? {}) as { uuid?: unknown; messageId?: unknown };
    const id = typeof o.uuid === 'string' ? o.uuid : typeof o.messageId === 'string' ? o.messageId : undefined;
    return id ? [id] : [];
  });
}
