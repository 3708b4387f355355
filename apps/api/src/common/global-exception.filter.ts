import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { StorageUnavailableError } from './errors';

/** Every error leaves as JSON `{statusCode, error, message, request_id}`; unknown errors are logged, not leaked. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const requestId = String(req.headers['x-request-id'] ?? '');
    if (res.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload = typeof body === 'string' ? { statusCode: status, message: body } : (body as Record<string, unknown>);
      if (exception instanceof StorageUnavailableError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
      if (status >= 500) this.logger.error(`${req.method} ${req.url} → ${status} [${requestId}]: ${JSON.stringify(payload.message)}`);
      res.status(status).json({ ...payload, request_id: requestId });
      return;
    }
    this.logger.error(`${req.method} ${req.url} [${requestId}]`, exception instanceof Error ? exception.stack : String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Something went wrong on our side; quote request id ${requestId} when reporting it`,
      request_id: requestId,
    });
  }
}
