import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from './error-response';

/** Every error leaves as JSON `{statusCode, error, message, request_id}`; unknown errors are logged, not leaked. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    if (res.headersSent) return;
    const requestId = String(req.headers['x-request-id'] ?? '');
    const out = toErrorResponse(exception, requestId);
    if (out.unexpected) this.logger.error(`${req.method} ${req.url} [${requestId}]`, exception instanceof Error ? exception.stack : String(exception));
    else if (out.status >= 500) this.logger.error(`${req.method} ${req.url} → ${out.status} [${requestId}]: ${JSON.stringify(out.body.message)}`);
    res.set(out.headers).status(out.status).json(out.body);
  }
}
