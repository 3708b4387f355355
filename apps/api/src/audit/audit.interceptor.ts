import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { AuditLogRepository } from '@hubpulse/database';
import type { AuthedRequest } from '../auth/auth.guard';
import { resultName, summariseBody } from './audit-details';
import { AUDIT_KEY, type AuditContext, type AuditMeta } from './audit.decorator';

/** Who acted: the signed-in user's email, or the write key that authorised the request. */
export function auditActor(req: AuthedRequest): string {
  if (req.user) return req.user.email;
  if (req.writeKey) return `write_key:${req.writeKey.id}`;
  return 'unknown';
}

/**
 * Global: for a route marked @Audited, records the entry after the handler succeeded and before the
 * answer is sent, so an admin reading the log right after sees it. The change is already stored by
 * then; should the log itself fail, the answer still reports the change and the entry is written to
 * the server log instead (an error line holding the whole entry).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogRepository,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<AuditMeta | undefined>(AUDIT_KEY, ctx.getHandler());
    if (meta?.kind !== 'route' || ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const c: AuditContext = { params: (req.params ?? {}) as Record<string, string>, query: (req.query ?? {}) as Record<string, unknown>, body: req.body as unknown, result };
        const entry = { actor: auditActor(req), action: meta.action, target: meta.target(c), details: withName(meta.details ? meta.details(c) : summariseBody(c.body), result) };
        try {
          await this.audit.record(entry);
        } catch (err) {
          this.logger.error(`could not write the audit entry ${JSON.stringify(entry)}: ${(err as Error).message}`);
        }
        return result;
      }),
    );
  }
}

/** Details name what was acted on when the answer says and the request did not (a renamed goal keeps its new name from the body). */
function withName(details: Record<string, unknown>, result: unknown): Record<string, unknown> {
  const name = resultName(result);
  return name !== undefined && details.name === undefined ? { name, ...details } : details;
}
