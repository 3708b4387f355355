import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';

/**
 * What every response carries and what every cookie-authenticated write must show: the browser-facing
 * defences of the API and the dashboard it serves.
 */

/**
 * The dashboard is one origin's scripts, styles, images and fetches: nothing inline, nothing from
 * elsewhere, never framed. (React's style props go through the CSSOM, which CSP does not restrict.)
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/api/docs) puts inline styles and an inline script in its page. */
const API_DOCS_CSP = DASHBOARD_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const HEADERS: [string, string][] = [
  ['Content-Security-Policy', DASHBOARD_CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Sets the security headers on a response, before anything answers it (also the ingestion fast path). */
export function setSecurityHeaders(url: string | undefined, res: ServerResponse): void {
  for (const [name, value] of HEADERS) res.setHeader(name, value);
  if (url?.startsWith('/api/docs')) res.setHeader('Content-Security-Policy', API_DOCS_CSP);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence for the session cookie: a POST/PUT/PATCH/DELETE carrying the cookie (and every
 * sign-in) must come from this site — its Origin (else its Referer) naming the host the request was
 * sent to, or the configured public URL — or it is refused with a 403 saying why. Browsers send
 * Origin on every cross-site write, so a request with neither header is a non-browser client (curl,
 * scripts, tests) and allowed; requests without the cookie (write-key ingestion) are not checked.
 * SameSite=Lax cookies already stay home on cross-site POSTs in current browsers; this also covers
 * same-site neighbours (other subdomains) and older browsers.
 */
export function originCheck(opts: { cookie: string; publicUrl?: string }) {
  const publicOrigin = opts.publicUrl ? originOf(opts.publicUrl) : null;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const signIn = req.path === '/api/auth/login';
    if (!signIn && !req.cookies?.[opts.cookie]) return next();
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    if (origin === undefined && referer === undefined) return next();
    const from = origin !== undefined ? originOf(origin) : originOf(referer!);
    const header = origin !== undefined ? 'Origin' : 'Referer';
    const host = req.headers.host;
    if (from && ((host && new URL(from).host === host) || from === publicOrigin)) return next();
    const allowed = [host ? `this host (${host})` : null, publicOrigin ? `HUBPULSE_PUBLIC_URL (${publicOrigin})` : null].filter(Boolean).join(' or ');
    res.status(403).json({
      statusCode: 403,
      error: 'Forbidden',
      message: [`${header}: ${from ?? `"${origin ?? referer}"`} is not ${allowed}; a request with the session cookie that changes something must come from the dashboard's own origin (behind a proxy that rewrites Host, set HUBPULSE_PUBLIC_URL)`],
      request_id: String(req.id),
    });
  };
}
