import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'hubpulse:audit';

/** What a route's audit entry is made from: the request as sent and the handler's answer. */
export interface AuditContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed JSON body (undefined for raw-body routes). */
  body: unknown;
  result: unknown;
}

export type AuditMeta =
  | { kind: 'route'; action: string; target: (c: AuditContext) => string; details?: (c: AuditContext) => Record<string, unknown> }
  | { kind: 'service'; actions: readonly string[] }
  | { kind: 'none'; reason: string };

/**
 * Every state-changing route carries one of the three decorators below, checked by
 * tests/e2e/audit.e2e.spec.ts over the running app: a new route without one fails the build.
 *
 * `@Audited(action, target, details?)`: once the handler has succeeded, the AuditInterceptor records
 * who (the signed-in user or the write key) did `action` to `target`, with `details` — by default a
 * summary of the JSON body (secrets never, long values shortened). A refused or failed request is
 * not recorded: nothing changed.
 */
export const Audited = (action: string, target: (c: AuditContext) => string, details?: (c: AuditContext) => Record<string, unknown>) =>
  SetMetadata<string, AuditMeta>(AUDIT_KEY, { kind: 'route', action, target, details });

/** The service records this route's entries itself, with what only it knows (a role's old value, whether a mail went out). */
export const AuditedInService = (...actions: string[]) => SetMetadata<string, AuditMeta>(AUDIT_KEY, { kind: 'service', actions });

/** Not an administrative action (signing in, a preview that stores nothing, ingestion), with the reason. */
export const NotAudited = (reason: string) => SetMetadata<string, AuditMeta>(AUDIT_KEY, { kind: 'none', reason });

/** `prefix:<route param>` as a target, e.g. `byParam('goal')` → goal:<id>. */
export const byParam =
  (prefix: string, param = 'id') =>
  (c: AuditContext) =>
    `${prefix}:${c.params[param] ?? '?'}`;

/** `prefix:<id of the created thing>`, read from the handler's answer (`result.id`, or `result[key].id`). */
export const byResultId =
  (prefix: string, key?: string) =>
  (c: AuditContext) => {
    const holder = key ? (c.result as Record<string, unknown> | undefined)?.[key] : c.result;
    const id = (holder as { id?: unknown } | undefined)?.id;
    return `${prefix}:${typeof id === 'string' || typeof id === 'number' ? id : '?'}`;
  };
