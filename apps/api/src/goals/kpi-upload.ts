import type { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';
import { InvalidInputError } from '../common/errors';
import { UploadError } from '../imports/upload-body';
import type { KpiCsvReader } from './kpi-csv';

/** A KPI file is small: a few years of months. */
export const KPI_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Streams the raw request body as UTF-8 text into the CSV reader, piece by piece. Refuses a body
 * the JSON parser already took (415), a Content-Encoding (415), more than `maxBytes` (413) and
 * bytes that are not UTF-8 (400). On a refusal the rest of the body is read and dropped, so the
 * client gets the answer instead of a reset connection.
 */
export async function readCsvBody(req: IncomingMessage & { _body?: boolean }, reader: KpiCsvReader, maxBytes = KPI_UPLOAD_MAX_BYTES): Promise<void> {
  if (req._body || req.readableEnded) {
    throw new UploadError(415, 'Content-Type: send the CSV as text/csv (an application/json body is parsed as JSON)');
  }
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') throw drain(req, new UploadError(415, `Content-Encoding: ${encoding} is not supported for KPI files (send plain text)`));
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw drain(req, new UploadError(413, `body: larger than ${maxBytes} bytes`));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    // Not destroyed on an early exit: destroying the request would close the socket before the answer.
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new UploadError(413, `body: larger than ${maxBytes} bytes`);
      reader.push(decode(decoder, chunk, bytes));
    }
    reader.push(decode(decoder, undefined, bytes));
    reader.end();
  } catch (err) {
    throw drain(req, err);
  }
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, bytes: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new InvalidInputError([`body: not UTF-8 text (in the first ${bytes} bytes); save the file as UTF-8 CSV`]);
  }
}

function drain(req: IncomingMessage, err: unknown): unknown {
  if (!req.readableEnded) req.resume();
  return err;
}
