import { HttpException, HttpStatus } from '@nestjs/common';
import { StorageUnavailableError } from './errors';

export interface ErrorResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** Not a client's mistake: worth a log line with the stack. */
  unexpected: boolean;
}

/**
 * The one mapping from an error to what a client sees: `{statusCode, error, message, request_id}`.
 * Used by the global exception filter and by the ingestion fast path alike.
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
    return { status, body: { ...payload, request_id: requestId }, headers, unexpected: false };
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
