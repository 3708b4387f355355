import { BadRequestException, ForbiddenException, Inject, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventBatchEnvelopeSchema } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { AuthService, type WriteKeyPrincipal } from '../auth/auth.service';
import { MissingScopeError } from '../common/errors';
import { errorLog, toErrorResponse } from '../common/error-response';
import { logFields } from '../common/http-log';
import { readJsonBody } from '../common/request-body';
import { ZodPipe } from '../common/zod.pipe';
import { EventMappingsService } from './event-mappings.service';
import { EventsService } from './events.service';
import { isObj } from './formats/mapped-batch';
import { postHogFlags, postHogRemoteConfig, postHogRemoteConfigScript, rudderSourceConfig, segmentSettings } from './formats/browser-config';
import { mapPostHog, postHogKey } from './formats/posthog';
import { mapSegment } from './formats/segment';
import { IngestStatsService } from './ingest-stats.service';

/** `{"events":[…]}`, validated as a Nest route's body would be (the events themselves one by one later). */
const envelope = new ZodPipe(eventBatchEnvelopeSchema);

/** Where an SDK puts its write key when it is not in the Authorization header. */
type KeyPlace = 'body' | 'query' | 'path';

type Route =
  | { method: 'POST'; format: 'native' }
  | { method: 'POST'; format: 'segment'; call: string | null; key: KeyPlace }
  | { method: 'POST'; format: 'posthog' }
  /** What browser SDKs fetch before sending (see formats/browser-config.ts). */
  | { method: 'GET' | 'POST'; answer: 'segment-settings' | 'rudder-source-config' | 'posthog-config' | 'posthog-config-js' | 'posthog-flags'; key: KeyPlace };

const SEGMENT_CALLS = ['track', 'identify', 'group', 'page', 'screen', 'alias'];
/** analytics.js (Segment's browser SDK) posts to short paths: /v1/t, /v1/p, … and /v1/b for batches. */
const SHORT_CALLS: Record<string, string | null> = { t: 'track', i: 'identify', g: 'group', p: 'page', s: 'screen', a: 'alias', b: null };
const withSlash = (p: string, r: Route): [string, Route][] => [
  [p, r],
  [`${p}/`, r],
];

const ROUTES = new Map<string, Route>([
  ['/v1/events', { method: 'POST', format: 'native' }],
  ['/v1/batch', { method: 'POST', format: 'segment', call: null, key: 'body' }],
  ...SEGMENT_CALLS.map((c): [string, Route] => [`/v1/${c}`, { method: 'POST', format: 'segment', call: c, key: 'body' }]),
  ...Object.entries(SHORT_CALLS).map(([p, c]): [string, Route] => [`/v1/${p}`, { method: 'POST', format: 'segment', call: c, key: 'body' }]),
  // RudderStack's JS SDK with useBeacon: the key in the query (a beacon carries no header).
  ['/beacon/v1/batch', { method: 'POST', format: 'segment', call: null, key: 'query' }],
  ...['/batch', '/e', '/capture', '/i/v0/e', '/track'].flatMap((p) => withSlash(p, { method: 'POST', format: 'posthog' })),
  ...withSlash('/sourceConfig', { method: 'GET', answer: 'rudder-source-config', key: 'query' }),
  ...['/flags', '/decide'].flatMap((p) => withSlash(p, { method: 'POST', answer: 'posthog-flags', key: 'body' })),
  // Paths holding the key: listed by template (see resolve) so the route-access table can name them.
  ['/v1/projects/:writeKey/settings', { method: 'GET', answer: 'segment-settings', key: 'path' }],
  ['/array/:token/config', { method: 'GET', answer: 'posthog-config', key: 'path' }],
  ['/array/:token/config.js', { method: 'GET', answer: 'posthog-config-js', key: 'path' }],
]);

/** Templates of the paths that hold a write key: the template's route and the key. */
const KEYED_PATHS: [RegExp, string][] = [
  [/^\/v1\/projects\/([^/]+)\/settings\/?$/, '/v1/projects/:writeKey/settings'],
  [/^\/array\/([^/]+)\/config\.js$/, '/array/:token/config.js'],
  [/^\/array\/([^/]+)\/config\/?$/, '/array/:token/config'],
];

const pathOf = (url: string | undefined) => {
  const q = url?.indexOf('?') ?? -1;
  return q >= 0 ? url!.slice(0, q) : (url ?? '');
};

/** The route of a path, its template (the path itself, or one with :writeKey / :token: what logs and metrics show), and the key a keyed path holds. */
function resolve(path: string): { route: Route; template: string; pathKey?: string } | undefined {
  if (ROUTES.has(path)) return { route: ROUTES.get(path)!, template: path };
  for (const [re, template] of KEYED_PATHS) {
    const m = re.exec(path);
    if (m) return { route: ROUTES.get(template)!, template, pathKey: decodeURIComponent(m[1]) };
  }
  return undefined;
}

/**
 * Headers a preflight allows: those the browser asks for (RudderStack sends its own, such as SentAt
 * and RSA-Since-Last-Attempt), when they are plain header names; else the ones SDKs commonly send.
 */
function corsHeaders(requested: string | string[] | undefined): string {
  const asked = typeof requested === 'string' ? requested.trim() : '';
  return asked && asked.length <= 1000 && /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/.test(asked) ? asked : 'Content-Type, Authorization, AnonymousId, X-Request-Id';
}

/**
 * The ingestion fast path: `/v1/events`, the Segment spec (`/v1/batch`, `/v1/track`, …, also what
 * RudderStack sends), PostHog capture (`/batch/`, `/e/`, `/capture/`, `/i/v0/e/`) and what browser
 * SDKs fetch and send (analytics.js' settings and short paths, RudderStack's source config and
 * beacon, posthog-js' remote config and flags), with CORS for the origins each browser key allows.
 * Answered here, ahead of Express and the Nest pipeline: at 1,000+ requests a second their
 * per-request cost (body-parser, router, guards) was most of the CPU. Same services, auth and error
 * shape as the rest of the API. Documented in OpenAPI by ingest-openapi.ts (no Nest route serves these paths).
 */
@Injectable()
export class IngestHttpHandler {
  private readonly logger = new Logger('Ingest');

  constructor(
    private readonly auth: AuthService,
    private readonly events: EventsService,
    private readonly mappings: EventMappingsService,
    private readonly stats: IngestStatsService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  matches(req: IncomingMessage): boolean {
    return this.routeOf(req) !== undefined;
  }

  /** The route template this handler answers the request under (a metrics label: keys never appear), or undefined. */
  routeOf(req: IncomingMessage): string | undefined {
    const found = resolve(pathOf(req.url));
    return found !== undefined && (req.method === found.route.method || req.method === 'OPTIONS') ? found.template : undefined;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const requestId = String(req.id);
    const { route, template, pathKey } = resolve(pathOf(req.url))!;
    logFields(req, { route: template });
    const ctx: Ctx = { req, pathKey, origin: this.crossOrigin(req) };
    const work = req.method === 'OPTIONS' ? this.preflight(ctx, req.headers['access-control-request-headers']) : this.run(req, route, ctx);
    work.then(
      (out) => this.send(res, out.status ?? 200, out.body, requestId, { ...out.headers, ...this.cors(ctx) }),
      (err: unknown) => void this.fail(req, res, route, err, requestId, ctx),
    );
  }

  /**
   * Answers an error. Before any key was known (a missing or unknown key, a bad body), a page of an
   * origin some browser key allows may read it, so its SDK sees the 4xx and what is wrong instead
   * of a CORS failure; an origin refused by the request's own key may not.
   */
  private async fail(req: IncomingMessage, res: ServerResponse, route: Route, err: unknown, requestId: string, ctx: Ctx): Promise<void> {
    if (ctx.origin && !ctx.key && req.method !== 'OPTIONS') ctx.allowed = await this.auth.isBrowserOrigin(ctx.origin).catch(() => false);
    const out = toErrorResponse(err, requestId);
    const line = errorLog(out, `${req.method} ${pathOf(req.url)}`, err);
    if (line) this.logger.error(line);
    if ('format' in route && req.method !== 'OPTIONS') this.stats.reject(ctx.key?.id, route.format, [[`request: ${out.status} ${firstMessage(out.body.message)}`]]);
    // An unread body must not be parsed as the next request on this connection.
    if (!req.complete) out.headers.Connection = 'close';
    this.send(res, out.status, out.body, requestId, { ...out.headers, ...this.cors(ctx) });
    if (!req.complete) req.resume();
  }

  private async run(req: IncomingMessage, route: Route, ctx: Ctx): Promise<Answer> {
    if ('answer' in route) return this.answer(req, route, ctx);
    if (route.format === 'native') {
      this.keyed(ctx, await this.auth.authenticateWriteKey(req.headers.authorization));
      return { body: await this.events.ingest(envelope.transform(await this.readBody(req)).events, ctx.key!.id, 'native') };
    }
    // SDKs put the key in a header (Segment: Basic key:), in the body (writeKey, api_key, token) or in the query (beacons).
    const body = await this.readBody(req);
    const key = keyFromHeader(req.headers.authorization) ?? (route.format === 'segment' ? segmentKey(body, route.key === 'query' ? req.url : undefined) : postHogKey(body));
    if (!key) {
      throw new UnauthorizedException(
        route.format === 'segment'
          ? 'Authorization: missing; send the write key as HTTP Basic user ("Basic base64(key:)"), as writeKey in the body or (beacons) as ?writeKey='
          : 'api_key: missing; send the write key as api_key, or token in the body or in each event\'s properties',
      );
    }
    const writeKey = this.keyed(ctx, await this.auth.authenticateWriteKey(`Bearer ${key}`));
    const opts = { browser: writeKey.browser };
    if (route.format === 'segment') {
      const r = await this.events.ingestMapped(mapSegment(body, route.call, this.mappings.lookup('segment'), opts), writeKey, 'segment');
      return { body: { success: true, ...r } };
    }
    const r = await this.events.ingestMapped(mapPostHog(body, this.mappings.lookup('posthog'), opts), writeKey, 'posthog');
    return { body: { status: 1, ...r } };
  }

  /** The settings, source config, remote config and flags browser SDKs fetch, for a known key. */
  private async answer(req: IncomingMessage, route: Extract<Route, { answer: string }>, ctx: Ctx): Promise<Answer> {
    let key = route.key === 'path' ? ctx.pathKey : keyFromHeader(req.headers.authorization);
    if (!key && route.key === 'query') key = queryParam(req.url, 'writeKey');
    if (!key && route.key === 'body') key = postHogKey(await this.readBody(req));
    if (route.key === 'path') {
      // A path naming an unknown key is a resource that does not exist (as on the SDKs' own CDNs).
      const found = key ? await this.auth.writeKey(key) : null;
      if (!found) throw new NotFoundException(`writeKey: no active write key ${key ? `starting ${key.slice(0, 10)}` : ''} (create one under Admin → Write keys)`);
      this.keyed(ctx, found);
    } else {
      if (!key) throw new UnauthorizedException(route.key === 'body' ? 'token: missing; send the project token (the write key) in the body' : 'Authorization: missing; send the write key as HTTP Basic user');
      this.keyed(ctx, await this.auth.authenticateWriteKey(`Bearer ${key}`));
    }
    switch (route.answer) {
      case 'segment-settings':
        return { body: segmentSettings(key!, this.baseUrl(req)) };
      case 'rudder-source-config':
        return { body: rudderSourceConfig(key!, ctx.key!.id) };
      case 'posthog-config':
        return { body: postHogRemoteConfig(key!) };
      case 'posthog-config-js':
        return { body: postHogRemoteConfigScript(key!), headers: { 'Content-Type': 'application/javascript; charset=utf-8' } };
      case 'posthog-flags':
        return { body: postHogFlags(key!) };
    }
  }

  /**
   * A CORS preflight carries no key: it is answered for an origin some active browser key allows,
   * and refused (403, no CORS headers) for any other. The request itself is checked against its own key.
   */
  private async preflight(ctx: Ctx, requestedHeaders: string | string[] | undefined): Promise<Answer> {
    if (!ctx.origin) throw new BadRequestException('Origin: missing; an OPTIONS request here is a CORS preflight');
    if (!(await this.auth.isBrowserOrigin(ctx.origin))) throw new ForbiddenException(`Origin: ${ctx.origin} is not allowed by any browser write key; add it to the key's allowed origins under Admin → Write keys`);
    ctx.allowed = true;
    return {
      status: 204,
      body: null,
      headers: { 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': corsHeaders(requestedHeaders), 'Access-Control-Max-Age': '600' },
    };
  }

  /**
   * The key that sent a request. A request from a browser (it has an Origin) passes only from an
   * origin the key allows: a key without allowed origins (every server key) refuses browsers.
   */
  private keyed(ctx: Ctx, key: WriteKeyPrincipal): WriteKeyPrincipal {
    ctx.key = key;
    logFields(ctx.req, { key_id: key.id });
    if (ctx.origin !== undefined) {
      if (!key.origins.includes(ctx.origin)) {
        throw new ForbiddenException(
          key.browser
            ? `Origin: ${ctx.origin} is not an allowed origin of this browser write key; add it under Admin → Write keys`
            : `Origin: this write key is not a browser key, so it is refused from web pages (${ctx.origin}); make a browser key for pages`,
        );
      }
      ctx.allowed = true;
    }
    return this.sending(key);
  }

  /** CORS headers for an allowed browser origin, none otherwise (the browser then keeps the answer from the page). */
  private cors(ctx: Ctx): Record<string, string> {
    if (!ctx.origin || !ctx.allowed) return ctx.origin ? { Vary: 'Origin' } : {};
    return { 'Access-Control-Allow-Origin': ctx.origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
  }

  /**
   * The Origin of a request from another site, which CORS governs; undefined for clients that send
   * none (servers, curl) and for this site's own pages (the API docs' "try it out").
   */
  private crossOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    if (typeof origin !== 'string') return undefined;
    const own = [`http://${req.headers.host}`, `https://${req.headers.host}`, ...(this.config.publicUrl ? [new URL(this.config.publicUrl).origin] : [])];
    return own.includes(origin.toLowerCase()) ? undefined : origin;
  }

  /** The address SDKs are told to send to: HUBPULSE_PUBLIC_URL, else the host this request came to. */
  private baseUrl(req: IncomingMessage): URL {
    if (this.config.publicUrl) return new URL(this.config.publicUrl);
    const tls = (req.socket as { encrypted?: boolean }).encrypted;
    return new URL(`${tls ? 'https' : 'http'}://${req.headers.host ?? `localhost:${this.config.port}`}`);
  }

  /** Every ingestion route sends events: the key needs that scope (as @WriteKey() checks on Nest routes). */
  private sending(key: WriteKeyPrincipal): WriteKeyPrincipal {
    if (!key.scopes.includes('events')) throw new MissingScopeError('events');
    return key;
  }

  private send(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string>): void {
    if (res.headersSent) return;
    const text = status === 204 ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'X-Request-Id': requestId,
      ...headers,
    });
    res.end(text);
  }

  private readBody(req: IncomingMessage): Promise<unknown> {
    return readJsonBody(req, this.config.maxBodyBytes);
  }
}

interface Ctx {
  req: IncomingMessage;
  pathKey?: string;
  origin?: string;
  key?: WriteKeyPrincipal;
  /** The request's Origin may read the answer. */
  allowed?: boolean;
}

interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

function queryParam(url: string | undefined, name: string): string | undefined {
  const q = url?.indexOf('?') ?? -1;
  return q >= 0 ? (new URLSearchParams(url!.slice(q + 1)).get(name) ?? undefined) : undefined;
}

/** The Segment spec's key in the body (`writeKey`), else in the query (RudderStack's beacon). */
function segmentKey(body: unknown, url: string | undefined): string | undefined {
  return (isObj(body) && typeof body.writeKey === 'string' ? body.writeKey : undefined) ?? queryParam(url, 'writeKey');
}

function keyFromHeader(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(authorization);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    return user || undefined;
  }
  return undefined;
}

function firstMessage(m: unknown): string {
  return String(Array.isArray(m) ? m[0] : m).slice(0, 160);
}
