import { HttpException, HttpStatus } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as fs from 'node:fs';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import * as zlib from 'node:zlib';
import { InvalidInputError } from './errors';

/**
 * The one reader of raw request bodies (those Express's JSON parser does not take): the ingestion
 * fast path's JSON batches, bulk import files and KPI CSV files. Each reads within a byte limit and
 * answers a refusal with a BodyError in the API's error shape.
 */

/** A 4xx about the request body, in the API's error shape (message: one "where: why" line). */
class BodyError extends HttpException {
  constructor(status: number, message: string) {
    super({ statusCode: status, error: HttpStatus[status], message: [message] }, status);
  }
}

/** A request whose body Express's JSON parser may already have read (`_body` is its mark). */
export type BodyRequest = IncomingMessage & { _body?: boolean };

const GIB = 1024 ** 3;
const human = (bytes: number) => (bytes >= GIB ? `${+(bytes / GIB).toFixed(2)} GiB` : `${bytes} bytes`);

/** The declared Content-Encoding, lower case; `identity` when none. */
function contentEncoding(req: IncomingMessage): string {
  return String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
}

const declaredLength = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0);

/**
 * What each raw-body route takes (media types, lower case; a request without Content-Type is taken
 * too): anything else is refused with a 415 naming these before a byte is read.
 */
const ACCEPTED_TYPES = {
  /** SDKs send JSON as JSON, as text (sendBeacon, PostHog's gzip-js), as a `data=` form or as bytes. */
  ingest: ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'],
  /** Files as browsers and curl label them: CSV (Windows browsers say application/vnd.ms-excel), NDJSON, gzip, bytes. */
  import: [
    'application/octet-stream',
    'text/csv',
    'application/csv',
    'application/vnd.ms-excel',
    'text/plain',
    'application/x-ndjson',
    'application/ndjson',
    'application/jsonl',
    'application/jsonlines',
    'application/x-jsonlines',
    'application/gzip',
    'application/x-gzip',
  ],
  kpiCsv: ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'],
} as const;

/** 415 unless the Content-Type is one of `accepted` (or a +json type where JSON is) or absent. */
function acceptOnly(req: IncomingMessage, accepted: readonly string[]): void {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!type || accepted.includes(type)) return;
  if (accepted.includes('application/json') && /^application\/[\w.+-]+\+json$/.test(type)) return;
  throw drain(req, new BodyError(415, `Content-Type: ${type} is not accepted here; send ${accepted.join(', ')} (or no Content-Type)`));
}

/** The body was already read, as JSON, by Express: the raw readers have nothing left to read. */
const takenByJsonParser = (req: BodyRequest) => Boolean(req._body) || req.readableEnded;

/** A decompressor for the Content-Encoding (null for identity); 415 for an unknown one. */
function decoderFor(encoding: string): Transform | null {
  if (encoding === 'identity') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  throw new BodyError(415, `Content-Encoding: ${encoding} is not supported (use gzip, deflate, br or none)`);
}

const cannotDecode = (err: Error) => new BodyError(400, `body: could not be decoded (${err.message}); check Content-Encoding`);

/** On a refusal the rest of the body is read and dropped, so the client gets the answer instead of a reset connection. */
function drain(req: IncomingMessage, err: unknown): unknown {
  if (!req.readableEnded) req.resume();
  return err;
}

// ── JSON batches (the ingestion fast path) ──

/**
 * Reads the body within `limit` and decodes it by what it is: declared Content-Encoding, gzip bytes
 * whatever the headers say (PostHog's compression=gzip-js), a form field `data=` (base64, older
 * PostHog clients), then JSON whatever the Content-Type.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const tooLarge = () => new BodyError(413, `body: larger than the limit of ${limit} bytes; send smaller batches`);
  acceptOnly(req, ACCEPTED_TYPES.ingest);
  if (declaredLength(req) > limit) throw tooLarge();
  const decoder = decoderFor(contentEncoding(req));
  const source: NodeJS.ReadableStream = decoder ? req.pipe(decoder) : req;

  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge());
        decoder?.destroy();
        req.unpipe();
        return;
      }
      chunks.push(chunk);
    });
    source.on('end', resolve);
    source.on('error', (err: Error) => reject(decoder ? cannotDecode(err) : err));
  });
  if (size === 0) throw new BodyError(400, 'body: empty');
  let buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
  buf = gunzipIfGzip(buf, limit);
  let text = buf.toString('utf8');
  if (text.startsWith('data=')) {
    const data = new URLSearchParams(text).get('data') ?? '';
    text = gunzipIfGzip(Buffer.from(data, 'base64'), limit).toString('utf8');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BodyError(400, `body: not valid JSON (${(err as Error).message})`);
  }
}

function gunzipIfGzip(buf: Buffer, limit: number): Buffer {
  if (buf.length < 2 || buf[0] !== 0x1f || buf[1] !== 0x8b) return buf;
  try {
    return zlib.gunzipSync(buf, { maxOutputLength: limit });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new BodyError(413, `body: larger than the limit of ${limit} bytes once inflated`);
    throw new BodyError(400, `body: looks gzip-compressed but could not be inflated (${(err as Error).message})`);
  }
}

// ── files to disk (bulk imports) ──

class TooLarge extends Error {}
class Interrupted extends Error {}

/** Counts bytes going through and fails once they exceed the limit. */
class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) done(new TooLarge());
    else done(null, chunk);
  }
}

/** Checks what can be checked before a byte of an upload is read: body not taken by the JSON parser, encoding, declared size. */
function checkUploadHeaders(req: BodyRequest, maxBytes: number): string {
  if (takenByJsonParser(req)) {
    throw new BodyError(415, 'Content-Type: send the file as application/octet-stream, text/csv or application/x-ndjson (application/json bodies are parsed as one JSON document)');
  }
  acceptOnly(req, ACCEPTED_TYPES.import);
  const encoding = contentEncoding(req);
  decoderFor(encoding)?.destroy();
  if (encoding === 'identity' && declaredLength(req) > maxBytes) throw new BodyError(413, `body: larger than the import limit of ${human(maxBytes)}`);
  return encoding;
}

/**
 * Streams the request body, decoded, into `file`; resolves with the bytes written. Never holds
 * more than a stream buffer: the socket is read only as fast as the disk takes it. Over
 * `maxBytes` (decoded) it stops reading and rejects with a 413.
 */
function saveBody(req: IncomingMessage, file: string, encoding: string, maxBytes: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const limit = new ByteLimit(maxBytes);
    const decoder = decoderFor(encoding);
    const out = fs.createWriteStream(file);
    const head: Transform = decoder ?? limit;
    const done = (err: Error | null | undefined) => {
      req.unpipe(head);
      if (!err) return resolve(limit.bytes);
      if (err instanceof TooLarge) reject(new BodyError(413, `body: larger than the import limit of ${human(maxBytes)}`));
      else if (err instanceof Interrupted) reject(new BodyError(400, 'body: the upload was interrupted before its end'));
      else if (decoder && (err as NodeJS.ErrnoException).code?.startsWith('Z_')) reject(cannotDecode(err));
      else reject(err);
    };
    if (decoder) pipeline(decoder, limit, out, done);
    else pipeline(limit, out, done);
    // The request is piped, not part of the pipeline: a failure must not destroy the socket
    // before the error response is sent.
    req.on('error', (err) => head.destroy(err));
    req.on('close', () => {
      if (!req.complete) head.destroy(new Interrupted());
    });
    req.pipe(head);
  });
}

/**
 * An uploaded file still in the request, for the service that stores it: the service chooses where
 * and never handles the request itself.
 */
export class UploadBody {
  constructor(
    private readonly req: BodyRequest,
    private readonly res: ServerResponse,
  ) {}

  get contentType(): string | undefined {
    return this.req.headers['content-type'];
  }

  /** Refuses what can be refused before a byte is read; returns the Content-Encoding to decode. */
  check(maxBytes: number): string {
    return checkUploadHeaders(this.req, maxBytes);
  }

  /** Streams the body, decoded, into `file` (see saveBody); resolves with the bytes written. */
  saveTo(file: string, encoding: string, maxBytes: number): Promise<number> {
    return saveBody(this.req, file, encoding, maxBytes);
  }

  /** The upload was refused: unless its body was read to the end, the connection closes after the answer. */
  refused(): void {
    if (!this.req.complete) this.res.setHeader('Connection', 'close');
  }
}

// ── small text files (KPI CSV) ──

/** A KPI file is small: a few years of months. */
const KPI_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Streams the raw request body as UTF-8 text into `push`, piece by piece, then calls `end`. Refuses a
 * body the JSON parser already took (415), a Content-Encoding (415), more than `maxBytes` (413) and
 * bytes that are not UTF-8 (400). On a refusal the rest of the body is read and dropped.
 */
export async function readCsvText(req: BodyRequest, sink: { push(text: string): void; end(): void }, maxBytes = KPI_UPLOAD_MAX_BYTES): Promise<void> {
  if (takenByJsonParser(req)) throw new BodyError(415, 'Content-Type: send the CSV as text/csv (an application/json body is parsed as JSON)');
  acceptOnly(req, ACCEPTED_TYPES.kpiCsv);
  const encoding = contentEncoding(req);
  if (encoding !== 'identity') throw drain(req, new BodyError(415, `Content-Encoding: ${encoding} is not supported for KPI files (send plain text)`));
  if (declaredLength(req) > maxBytes) throw drain(req, new BodyError(413, `body: larger than ${maxBytes} bytes`));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    // Not destroyed on an early exit: destroying the request would close the socket before the answer.
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new BodyError(413, `body: larger than ${maxBytes} bytes`);
      sink.push(decodeUtf8(decoder, chunk, bytes));
    }
    sink.push(decodeUtf8(decoder, undefined, bytes));
    sink.end();
  } catch (err) {
    throw drain(req, err);
  }
}

function decodeUtf8(decoder: TextDecoder, chunk: Buffer | undefined, bytes: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new InvalidInputError([`body: not UTF-8 text (in the first ${bytes} bytes); save the file as UTF-8 CSV`]);
  }
}
