import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { eventBatchEnvelopeSchema } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { AuthService, type WriteKeyPrincipal } from '../auth/auth.service';
import { MissingScopeError } from '../common/errors';
import { errorLogLine, toErrorResponse } from '../common/error-response';
import { readJsonBody } from '../common/request-body';
import { ZodPipe } from '../common/zod.pipe';
import { EventMappingsService } from './event-mappings.service';
import { EventsService } from './events.service';
import { isObj } from './formats/mapped-batch';
import { mapPostHog, postHogKey } from './formats/posthog';
import { mapSegment } from './formats/segment';
import { IngestStatsService } from './ingest-stats.service';

/** `{"events":[…]}`, validated as a Nest route's body would be (the events themselves one by one later). */
const envelope = new ZodPipe(eventBatchEnvelopeSchema);

type Route = { format: 'native' } | { format: 'segment'; call: string | null } | { format: 'posthog' };

const ROUTES = new Map<string, Route>([
  ['/v1/events', { format: 'native' }],
  ['/v1/batch', { format: 'segment', call: null }],
  ...['track', 'identify', 'group', 'page', 'screen', 'alias'].map((c): [string, Route] => [`/v1/${c}`, { format: 'segment', call: c }]),
  ...['/batch', '/e', '/capture', '/i/v0/e', '/track'].flatMap((p): [string, Route][] => [
    [p, { format: 'posthog' }],
    [`${p}/`, { format: 'posthog' }],
  ]),
]);

const pathOf = (url: string | undefined) => {
  const q = url?.indexOf('?') ?? -1;
  return q >= 0 ? url!.slice(0, q) : (url ?? '');
};

/**
 * The ingestion fast path: `/v1/events`, the Segment spec (`/v1/batch`, `/v1/track`, …, also what
 * RudderStack sends) and PostHog capture (`/batch/`, `/e/`, `/capture/`, `/i/v0/e/`). Answered here,
 * ahead of Express and the Nest pipeline: at 1,000+ requests a second their per-request cost
 * (body-parser, router, guards) was most of the CPU. Same services, auth and error shape as the rest
 * of the API. Documented in OpenAPI by ingest-openapi.ts (no Nest route serves these paths).
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
    return req.method === 'POST' && ROUTES.has(pathOf(req.url));
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && header.length <= 100 ? header : randomUUID();
    const route = ROUTES.get(pathOf(req.url))!;
    const ctx: { keyId?: string } = {};
    this.run(req, route, ctx).then(
      (body) => this.send(res, 200, body, requestId, {}),
      (err: unknown) => {
        const out = toErrorResponse(err, requestId);
        const line = errorLogLine(out, `POST ${req.url}`, requestId, err);
        if (line) this.logger.error(line);
        if (ctx.keyId) this.stats.reject(ctx.keyId, route.format, [[`request: ${out.status} ${firstMessage(out.body.message)}`]]);
        // An unread body must not be parsed as the next request on this connection.
        if (!req.complete) out.headers.Connection = 'close';
        this.send(res, out.status, out.body, requestId, out.headers);
        if (!req.complete) req.resume();
      },
    );
  }

  private async run(req: IncomingMessage, route: Route, ctx: { keyId?: string }): Promise<unknown> {
    if (route.format === 'native') {
      ctx.keyId = this.sending(await this.auth.authenticateWriteKey(req.headers.authorization)).id;
      return this.events.ingest(envelope.transform(await this.readBody(req)).events, ctx.keyId, 'native');
    }
    // SDKs put the key in a header (Segment: Basic key:) or in the body (writeKey, api_key, token).
    const headerKey = keyFromHeader(req.headers.authorization);
    const body = await this.readBody(req);
    const key = headerKey ?? (route.format === 'segment' ? (isObj(body) && typeof body.writeKey === 'string' ? body.writeKey : undefined) : postHogKey(body));
    if (!key) {
      throw new UnauthorizedException(
        route.format === 'segment'
          ? 'Authorization: missing; send the write key as HTTP Basic user ("Basic base64(key:)") or as writeKey in the body'
          : 'api_key: missing; send the write key as api_key (or token) in the body',
      );
    }
    const writeKey = this.sending(await this.auth.authenticateWriteKey(`Bearer ${key}`));
    ctx.keyId = writeKey.id;
    if (route.format === 'segment') {
      const r = await this.events.ingestMapped(mapSegment(body, route.call, this.mappings.lookup('segment')), writeKey, 'segment');
      return { success: true, ...r };
    }
    const r = await this.events.ingestMapped(mapPostHog(body, this.mappings.lookup('posthog')), writeKey, 'posthog');
    return { status: 1, ...r };
  }

  /** Every ingestion route sends events: the key needs that scope (as @WriteKey() checks on Nest routes). */
  private sending(key: WriteKeyPrincipal): WriteKeyPrincipal {
    if (!key.scopes.includes('events')) throw new MissingScopeError('events');
    return key;
  }

  private send(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string>): void {
    if (res.headersSent) return;
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
      'X-Request-Id': requestId,
      ...headers,
    });
    res.end(json);
  }

  private readBody(req: IncomingMessage): Promise<unknown> {
    return readJsonBody(req, this.config.maxBodyBytes);
  }
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
