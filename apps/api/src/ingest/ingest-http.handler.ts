import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as zlib from 'node:zlib';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { AuthService } from '../auth/auth.service';
import { toErrorResponse } from '../common/error-response';
import { EventsService } from './events.service';

class BodyError extends HttpException {
  constructor(status: number, message: string) {
    super({ statusCode: status, error: HttpStatus[status], message: [message] }, status);
  }
}

/**
 * The ingestion fast path. Ingestion routes are answered here, ahead of Express and the Nest
 * pipeline: at 1,000+ requests a second their per-request cost (body-parser, router, guards,
 * interceptors) was most of the CPU. Same services, same auth, same errors as the rest of the API;
 * the Nest controllers for these routes stay as the documented contract and a fallback.
 */
@Injectable()
export class IngestHttpHandler {
  private readonly logger = new Logger('Ingest');

  constructor(
    private readonly auth: AuthService,
    private readonly events: EventsService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  matches(req: IncomingMessage): boolean {
    return req.method === 'POST' && (req.url === '/v1/events' || req.url?.startsWith('/v1/events?') === true);
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && header.length <= 100 ? header : randomUUID();
    this.run(req, requestId).then(
      (body) => this.send(res, 200, body, requestId, {}),
      (err: unknown) => {
        const out = toErrorResponse(err, requestId);
        if (out.unexpected) this.logger.error(`POST ${req.url} [${requestId}]`, err instanceof Error ? err.stack : String(err));
        // An unread body must not be parsed as the next request on this connection.
        if (!req.complete) out.headers.Connection = 'close';
        this.send(res, out.status, out.body, requestId, out.headers);
        if (!req.complete) req.resume();
      },
    );
  }

  private async run(req: IncomingMessage, requestId: string): Promise<unknown> {
    void requestId;
    const keyId = await this.auth.authenticateWriteKey(req.headers.authorization);
    const body = await this.readJson(req);
    return this.events.ingest(body, keyId);
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

  /** Reads the (possibly compressed) body within the size limit and parses it as JSON. */
  private async readJson(req: IncomingMessage): Promise<unknown> {
    const limit = this.config.maxBodyBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) throw new BodyError(413, `body: larger than the limit of ${limit} bytes; send smaller batches`);
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    let source: NodeJS.ReadableStream = req;
    if (encoding === 'gzip' || encoding === 'x-gzip') source = req.pipe(zlib.createGunzip());
    else if (encoding === 'deflate') source = req.pipe(zlib.createInflate());
    else if (encoding === 'br') source = req.pipe(zlib.createBrotliDecompress());
    else if (encoding !== 'identity') throw new BodyError(415, `Content-Encoding: ${encoding} is not supported (use gzip, deflate, br or none)`);

    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      source.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          reject(new BodyError(413, `body: larger than the limit of ${limit} bytes; send smaller batches`));
          if (source !== req) (source as zlib.Gunzip).destroy();
          req.unpipe();
          return;
        }
        chunks.push(chunk);
      });
      source.on('end', resolve);
      source.on('error', (err: Error) =>
        reject(source === req ? err : new BodyError(400, `body: could not be decoded (${err.message}); check Content-Encoding`)),
      );
    });
    if (size === 0) throw new BodyError(400, 'body: empty; send {"events":[…]}');
    const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString('utf8');
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new BodyError(400, `body: not valid JSON (${(err as Error).message})`);
    }
  }
}
