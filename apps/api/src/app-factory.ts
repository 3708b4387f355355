import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLogger, HubpulseLogger, type HubpulseConfig, type LogLevel } from '@hubpulse/config';
import { versionsSince } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';
import type pino from 'pino';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/auth.service';
import { dashboardPageHtml } from './common/dashboard-html';
import { httpLogger } from './common/http-log';
import { originCheck, setSecurityHeaders } from './common/http-hardening';
import { SeedService } from './seed/seed.service';
import { IngestHttpHandler } from './ingest/ingest-http';
import { withIngestPaths } from './ingest/ingest-openapi';
import { timeRequest } from './metrics/http-metrics';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Finds the built dashboard (dist/dashboard) from the source tree or from the bundle. */
function findDashboardDir(start = __dirname): string | null {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'dist', 'dashboard'), path.join(dir, 'dashboard')]) {
      if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  return null;
}

/** Body-parser failures become the same JSON errors as everything else. */
function bodyErrors(err: { type?: string; status?: number; message?: string; limit?: number }, req: Request, res: Response, next: NextFunction) {
  if (!err || (!err.type && !(err.status && err.status >= 400 && err.status < 500))) return next(err);
  const requestId = String(req.id);
  const send = (status: number, message: string) => res.status(status).json({ statusCode: status, message: [message], request_id: requestId });
  if (err.type === 'entity.too.large') return send(413, `body: larger than the limit of ${err.limit} bytes; send smaller batches`);
  if (err.type === 'entity.parse.failed') return send(400, `body: not valid JSON (${err.message})`);
  if (err.type === 'encoding.unsupported') return send(415, `Content-Encoding: ${err.message}`);
  if (!err.type) return send(400, `body: could not be decoded (${err.message}); check Content-Encoding`);
  return send(err.status ?? 400, `body: ${err.message}`);
}

/** The least severe level of Nest's logger-levels list, as the tests give it. */
const levelOf = (levels: false | ('log' | 'error' | 'warn')[]): LogLevel => (!levels ? 'silent' : levels.includes('log') ? 'info' : levels.includes('warn') ? 'warn' : 'error');

/**
 * Builds the configured API app (not yet listening): used by main.ts, which passes its logger, and by
 * the tests, which pass the levels they want to see (else HUBPULSE_LOG_LEVEL decides).
 */
export async function createApiApp(config: HubpulseConfig, opts: { logger?: false | ('log' | 'error' | 'warn')[]; log?: pino.Logger } = {}) {
  const log = opts.log ?? createLogger(opts.logger === undefined ? config.logLevel : levelOf(opts.logger), 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new HubpulseLogger(log),
  });
  // Whose X-Forwarded-For/-Proto count (client address for sign-in throttling, HTTPS for Secure cookies).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // gzip/deflate bodies are inflated by the parser; the limit applies to the inflated size.
  app.use(express.json({ limit: config.maxBodyBytes, type: ['application/json', 'application/*+json'] }));
  app.use(bodyErrors);
  app.use(cookieParser());
  app.use(originCheck({ cookie: SESSION_COOKIE, publicUrl: config.publicUrl }));
  // A read request's data versions may come from one read started after it arrived (DataVersions): its plan, small facts and cache share one.
  app.use((req: Request, _res: Response, next: NextFunction) => (req.method === 'GET' || req.method === 'HEAD' ? versionsSince.run(performance.now(), next) : next()));

  const doc = new DocumentBuilder()
    .setTitle('Hubpulse API')
    .setDescription('Ingestion of hub activity (/v1, write key) and the dashboard API (/api, session cookie; GET routes also take a personal read token).')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'write key' })
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: "personal read token (hp_rt_…, made under /api/me/tokens): opens the GET routes its owner's role may read, nothing else" }, 'read-token')
    .addCookieAuth('hp_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => withIngestPaths(SwaggerModule.createDocument(app, doc)), { jsonDocumentUrl: 'api/docs/openapi.json' });

  const dashboard = findDashboardDir();
  if (dashboard) {
    // Built files under /assets/ are named by a hash of their content: a browser keeps them for a year
    // without asking again (a new build names new files). Anything else there, an hour.
    const assets = path.join(dashboard, 'assets') + path.sep;
    const setHeaders = (res: Response, file: string) => {
      if (file.startsWith(assets)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    };
    app.use(express.static(dashboard, { index: false, maxAge: '1h', setHeaders }));
    const indexHtml = path.join(dashboard, 'index.html');
    // Client-side routes fall back to index.html, naming the page's first reads; API paths never do.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/v1') || req.path === '/metrics') return next();
      fs.promises.readFile(indexHtml, 'utf8').then((html) => {
        const hasSession = typeof (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE] === 'string';
        res.setHeader('Cache-Control', 'no-cache');
        // send() sets the ETag and answers 304 to a browser that has this very page.
        res.type('html').send(dashboardPageHtml(html, { path: req.path, hasQuery: Object.keys(req.query).length > 0, hasSession }));
      }, next);
    });
  } else {
    new Logger('Dashboard').warn('no built dashboard found (run npm run build:dashboard); serving the API only');
  }
  await app.init();
  // Ingestion routes are served ahead of Express (see IngestHttpHandler); request ids and access lines ahead of both.
  const ingest = app.get(IngestHttpHandler);
  const metrics = app.get(Metrics);
  const logged = httpLogger(log);
  const server = app.getHttpServer() as import('node:http').Server;
  const [framework] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    logged(req, res, () => {
      setSecurityHeaders(req.url, res);
      const ingestRoute = ingest.routeOf(req);
      timeRequest(metrics, req, res, ingestRoute);
      if (ingestRoute) ingest.handle(req, res);
      else framework(req, res);
    }),
  );
  await app.get(SeedService).run();
  return app;
}
