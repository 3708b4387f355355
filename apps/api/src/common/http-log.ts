import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Store, storage } from 'nestjs-pino/storage';
import type pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { AuthedRequest } from '../auth/auth.guard';

/** An incoming id is kept only when short and plain: it is echoed in a header, in logs and in error bodies. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The caller's X-Request-Id when it is acceptable, else a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Probes scraped every few seconds: their access lines are debug unless they fail. */
const PROBES = /^\/(api\/health(\/|$)|metrics$)/;

const FIELDS = Symbol('hubpulse.logFields');
interface LogFields {
  route?: string;
  key_id?: string;
}
type LoggedRequest = IncomingMessage & { [FIELDS]?: LogFields; route?: { path?: string }; baseUrl?: string };

/** Names what Express cannot tell the access line for a request it never saw (the ingestion fast path). */
export function logFields(req: IncomingMessage, fields: LogFields): void {
  const r = req as LoggedRequest;
  r[FIELDS] = { ...r[FIELDS], ...fields };
}

/**
 * The route's template (`/api/invites/:token`, never the token). A path no route matched (the
 * dashboard's pages and files, 404s, a request refused before routing such as bad JSON) shows its
 * first segment only, `/invite/…`: its later segments can be credentials (an invitation or reset
 * token, a write key). Never the query string.
 */
function routeOf(req: LoggedRequest): string {
  const named = req[FIELDS]?.route ?? (req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : undefined);
  if (named) return named;
  const url = req.url ?? '';
  const path = url.slice(0, url.indexOf('?') < 0 ? url.length : url.indexOf('?'));
  const first = /^\/[^/]*/.exec(path)?.[0] ?? '/';
  return path.length > first.length ? `${first}/…` : first;
}

/** One access line per request: method, route, status, duration, request id, and who (ids only). */
function accessLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const r = req as LoggedRequest & Pick<AuthedRequest, 'user' | 'writeKey'>;
  return {
    method: req.method,
    route: routeOf(r),
    status: res.statusCode,
    duration_ms: durationMs,
    ...(r.user ? { user_id: r.user.id } : {}),
    ...((r[FIELDS]?.key_id ?? r.writeKey?.id) ? { key_id: r[FIELDS]?.key_id ?? r.writeKey?.id } : {}),
  };
}

const message = (req: IncomingMessage, res: ServerResponse) =>
  res.writableEnded ? `${req.method} ${routeOf(req as LoggedRequest)} ${res.statusCode}` : `${req.method} ${routeOf(req as LoggedRequest)} aborted`;

/**
 * Gives each request its id (`req.id`, the X-Request-Id response header, `request_id` on every line
 * logged while it is served) and writes its access line when it ends. Runs ahead of everything, the
 * ingestion fast path included; `serve` runs in the request's log scope, where Nest's Logger writes
 * through the request's logger.
 */
export function httpLogger(logger: pino.Logger): (req: IncomingMessage, res: ServerResponse, serve: () => void) => void {
  const log = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Lines logged during a request carry its id only, never the request itself (headers hold credentials).
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'request_id' },
    wrapSerializers: false,
    serializers: { req: () => undefined },
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : PROBES.test(routeOf(req as LoggedRequest)) ? 'debug' : 'info'),
    customSuccessObject: (req, res, val: { responseTime: number }) => accessLine(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => accessLine(req, res, val.responseTime),
    customSuccessMessage: message,
    customErrorMessage: message,
  });
  return (req, res, serve) => {
    log(req, res);
    storage.run(new Store(req.log), serve);
  };
}

/** Runs `fn` outside any request's log scope: for work shared by many requests (a group commit), whose lines are no one request's. */
export function outsideRequest(fn: () => void): void {
  storage.exit(fn);
}
