import { HttpException, HttpStatus } from '@nestjs/common';
import { StorageUnavailableError } from './errors';

interface ErrorResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** Not a client's mistake: worth a log line with the stack. */
  unexpected: boolean;
  /** What to log under the request id and never send (a store's own error text), if any. */
  logged?: unknown;
}

/**
 * The one mapping from an error to what a client sees: `{statusCode, error, message, request_id}`.
 * Used by the global exception filter and by the ingestion fast path alike. Only HttpExceptions'
 * own messages are sent; any other error (a store's, a bug's) becomes a generic 500.
 */
export function toErrorResponse(exception: unknown, requestId: string): ErrorResponse {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const payload = typeof raw === 'string' ? { statusCode: status, message: raw } : (raw as Record<string, unknown>);
    const headers: Record<string, string> = {};
    if (exception instanceof StorageUnavailableError || 'retryAfterSeconds' in exception) {
      headers['Retry-After'] = String((exception as StorageUnavailableError).retryAfterSeconds);
    }
    const logged = exception instanceof StorageUnavailableError ? exception.storeError : undefined;
    return { status, body: { ...payload, request_id: requestId }, headers, unexpected: false, logged };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Something went wrong on our side; quote request id ${requestId} when reporting it`,
      request_id: requestId,
    },
    headers: {},
    unexpected: true,
  };
}

/**
 * The log entry for an answered error (the error with its stack as `err`; the request id comes with
 * the request's logger), or null when there is nothing to log (a client's mistake). `what` is the
 * method and path: never the query string, which may hold a write key.
 */
export function errorLog(out: ErrorResponse, what: string, exception: unknown): { msg: string; err?: unknown } | null {
  if (out.unexpected) return { msg: `${what} → 500`, err: exception };
  if (out.status < 500) return null;
  return { msg: `${what} → ${out.status}: ${JSON.stringify(out.body.message)}`, ...(out.logged === undefined ? {} : { err: out.logged }) };
}
