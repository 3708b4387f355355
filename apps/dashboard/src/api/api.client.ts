// The one way the dashboard talks to the API: same origin, httpOnly session cookie, JSON.
// Every failure becomes an ApiError carrying the server's message and request id.

/** The error body every API endpoint returns. */
interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  /** Validation problems, where an endpoint names each one (`{path: 'weights.view', message}`). */
  issues?: ApiIssue[];
  request_id?: string;
}

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly messages: string[],
    /** The path that was called, so handlers can tell a failed login from an expired session. */
    readonly path: string,
    readonly requestId?: string,
    /** Field-level problems of a 400, when the server lists them. */
    readonly issues: ApiIssue[] = [],
  ) {
    super(messages.join('; ') || `Request failed (${status})`);
    this.name = 'ApiError';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Query = Record<string, string | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a Blob (an uploaded file) is sent as it is, with the Blob's type as Content-Type. */
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, ['Could not reach the Hubpulse server. Check your connection and try again.'], path);
  }

  const payload = await readJson(res);
  if (!res.ok) throw apiError(res, payload, path);
  return payload as T;
}

/** The ApiError for a refused request, from the API's JSON error body (messages, issues, request id). */
function apiError(res: Response, payload: unknown, path: string): ApiError {
  const errBody = (payload ?? {}) as ApiErrorBody;
  const raw = errBody.message;
  const messages = Array.isArray(raw) ? raw : raw ? [raw] : [defaultMessage(res.status)];
  const issues = Array.isArray(errBody.issues) ? errBody.issues.filter(isIssue) : [];
  return new ApiError(res.status, messages, path, errBody.request_id ?? res.headers.get('x-request-id') ?? undefined, issues);
}

/**
 * A file the server builds (an export), fetched rather than linked so that a refusal shows its
 * reason; the file name comes from Content-Disposition when the server gives one.
 */
export async function apiDownload(path: string, accept: string): Promise<{ blob: Blob; fileName: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept } });
  } catch {
    throw new ApiError(0, ['Could not reach the Hubpulse server. Check your connection and try again.'], path);
  }
  if (!res.ok) throw apiError(res, await readJson(res), path);
  const match = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '');
  return { blob: await res.blob(), fileName: match ? match[1] : null };
}

function isIssue(value: unknown): value is ApiIssue {
  const v = value as ApiIssue | null;
  return !!v && typeof v.path === 'string' && typeof v.message === 'string';
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, for instance: keep the status, drop the body.
    return undefined;
  }
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The server ran into a problem. Please try again in a moment.';
  return `Request failed (${status}).`;
}
