import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Metrics, statusClass } from '@hubpulse/metrics';

/**
 * Times a request from arrival to answer, by route template: the ingestion fast path's (given, as
 * it is known before Express), else the Express route that took it (`/api/segments/:id`, read when
 * the answer is out), else `other` (dashboard files, 404s). Installed ahead of everything, so guard
 * refusals, validation errors and ingestion are all seen. A client that leaves first is `aborted`.
 */
export function timeRequest(metrics: Metrics, req: IncomingMessage, res: ServerResponse, ingestRoute: string | undefined): void {
  const end = metrics.httpDuration.startTimer();
  res.once('close', () => {
    const route = ingestRoute ?? expressRoute(req) ?? 'other';
    end({ method: req.method ?? 'OTHER', route, status_class: res.writableFinished ? statusClass(res.statusCode) : 'aborted' });
  });
}

/** The path pattern Express matched (Express sets `req.route` on the request it routes). */
export function expressRoute(req: IncomingMessage): string | undefined {
  const path = (req as { route?: { path?: unknown } }).route?.path;
  return typeof path === 'string' ? path : undefined;
}
