import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { IngestHttpHandler } from '../../apps/api/src/ingest/ingest-http';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface ExpressLayer {
  name?: string;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: unknown[] };
}

/**
 * Every `METHOD path` the running API answers: the routes on its Express router (Nest's controllers,
 * the OpenAPI document and Swagger UI) and the paths the ingestion fast path takes ahead of Express.
 * Read from the live app, not from a list, so a route nobody wrote down still shows up.
 */
export function registeredRoutes(app: INestApplication): string[] {
  return [...new Set([...expressRoutes(app), ...ingestRoutes(app.get(IngestHttpHandler))])].sort();
}

function expressRoutes(app: INestApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router?: { stack?: ExpressLayer[] } }).router;
  if (!router?.stack) throw new Error('the Express app has no router stack: registeredRoutes() needs updating for this Express');
  return router.stack.flatMap((layer) => {
    // A mounted router would hide its routes behind a prefix this walk cannot read back (Express 5).
    if (layer.handle?.stack) throw new Error(`a router is mounted as middleware (${layer.name}): registeredRoutes() cannot list its routes`);
    if (!layer.route) return [];
    const { path, methods } = layer.route;
    if (typeof path !== 'string') throw new Error(`a route with a non-string path (${String(path)}): give it a string path or teach registeredRoutes()`);
    return Object.keys(methods).map((m) => `${m === '_all' ? 'ALL' : m.toUpperCase()} ${path}`);
  });
}

/**
 * The fast path keeps its routes in a module-private Map that `matches()` consults: catch that Map
 * as it does, then ask `matches()` which methods each path takes.
 */
function ingestRoutes(handler: IngestHttpHandler): string[] {
  const has = Map.prototype.has;
  let table: Map<unknown, unknown> | undefined;
  Map.prototype.has = function (this: Map<unknown, unknown>, key: unknown) {
    table ??= this;
    return has.call(this, key);
  };
  try {
    for (const method of METHODS) handler.matches({ method, url: '/route-access-probe' } as IncomingMessage);
  } finally {
    Map.prototype.has = has;
  }
  if (!table) throw new Error('IngestHttpHandler.matches() no longer looks its paths up in a Map: update ingestRoutes()');
  const routes = [...table.keys()].flatMap((path) =>
    METHODS.filter((method) => handler.matches({ method, url: String(path) } as IncomingMessage)).map((method) => `${method} ${String(path)}`),
  );
  if (!routes.length) throw new Error('no ingestion fast-path route found: update ingestRoutes()');
  return routes;
}
