import { timingSafeEqual } from 'node:crypto';

/**
 * Why a scrape is refused, or null: with HUBPULSE_METRICS_TOKEN set, `Authorization: Bearer <token>`
 * is required; unset, /metrics is open (keep it on an internal network then).
 */
export function metricsRefusal(token: string | undefined, authorization: string | undefined): string | null {
  if (!token) return null;
  if (!authorization) return 'Authorization: missing; send the metrics token (HUBPULSE_METRICS_TOKEN) as "Bearer <token>"';
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!sent) return 'Authorization: not a Bearer token; send the metrics token (HUBPULSE_METRICS_TOKEN) as "Bearer <token>"';
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b) ? null : 'Authorization: not the metrics token (HUBPULSE_METRICS_TOKEN)';
}
