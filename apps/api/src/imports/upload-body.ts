import { HttpException, HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import * as fs from 'node:fs';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';

/** A 4xx about the upload, in the API's error shape (message: one "where: why" line). */
export class UploadError extends HttpException {
  constructor(status: number, message: string) {
    super({ statusCode: status, error: HttpStatus[status], message: [message] }, status);
  }
}

const GIB = 1024 ** 3;
const human = (bytes: number) => (bytes >= GIB ? `${+(bytes / GIB).toFixed(2)} GiB` : `${bytes} bytes`);

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

function decoderFor(encoding: string): Transform | null {
  if (encoding === 'identity') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  throw new UploadError(415, `Content-Encoding: ${encoding} is not supported (use gzip, deflate, br or none)`);
}

/** Checks what can be checked before a byte is read: body not taken by the JSON parser, encoding, declared size. */
export function checkUploadHeaders(req: IncomingMessage & { _body?: boolean }, maxBytes: number): string {
  if (req._body || req.readableEnded) {
    throw new UploadError(415, 'Content-Type: send the file as application/octet-stream, text/csv or application/x-ndjson (application/json bodies are parsed as one JSON document)');
  }
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase() || 'identity';
  decoderFor(encoding)?.destroy();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (encoding === 'identity' && declared > maxBytes) throw new UploadError(413, `body: larger than the import limit of ${human(maxBytes)}`);
  return encoding;
}

/**
 * Streams the request body, decoded, into `file`; resolves with the bytes written. Never holds
 * more than a stream buffer: the socket is read only as fast as the disk takes it. Over
 * `maxBytes` (decoded) it stops reading and rejects with a 413.
 */
export function saveBody(req: IncomingMessage, file: string, encoding: string, maxBytes: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const limit = new ByteLimit(maxBytes);
    const decoder = decoderFor(encoding);
    const out = fs.createWriteStream(file);
    const head: Transform = decoder ?? limit;
    const done = (err: Error | null | undefined) => {
      req.unpipe(head);
      if (!err) return resolve(limit.bytes);
      if (err instanceof TooLarge) reject(new UploadError(413, `body: larger than the import limit of ${human(maxBytes)}`));
      else if (err instanceof Interrupted) reject(new UploadError(400, 'body: the upload was interrupted before its end'));
      else if (decoder && (err as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        reject(new UploadError(400, `body: could not be decoded (${err.message}); check Content-Encoding`));
      } else reject(err);
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
