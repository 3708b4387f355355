import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorLog, toErrorResponse } from './error-response';

/** Every error leaves as JSON `{statusCode, error, message, request_id}`; unknown and store errors are logged, not leaked. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    if (res.headersSent) return;
    const out = toErrorResponse(exception, String(req.id));
    // Refused before anything read its body (a guard or a pipe on a raw upload): close the connection
    // rather than read the rest of a large upload just to drop it. A body being drained is left to finish.
    if (!req.complete && req.readableFlowing === null) out.headers.Connection = 'close';
    const line = errorLog(out, `${req.method} ${req.path}`, exception);
    if (line) this.logger.error(line);
    res.set(out.headers).status(out.status).json(out.body);
  }
}
