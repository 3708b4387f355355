import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { SessionUser } from '@hubpulse/contracts';
import type { WriteKeyScope } from '@hubpulse/contracts';
import { MissingScopeError } from '../common/errors';
import { AUTH_KIND, ROLES_KEY, WRITE_KEY_SCOPE } from '../common/public.decorator';
import { AuthService, SESSION_COOKIE, type WriteKeyPrincipal } from './auth.service';

export interface AuthedRequest extends Request {
  user?: SessionUser;
  writeKey?: WriteKeyPrincipal;
}

/**
 * Global guard. By default a route needs a session cookie; @Public() routes need nothing;
 * @WriteKey(scope) routes need `Authorization: Bearer <write key>` of a key holding that scope — and a
 * write key opens nothing else.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.getAllAndOverride<string | undefined>(AUTH_KIND, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (kind === 'public') return true;
    if (kind === 'write-key') {
      req.writeKey = await this.auth.authenticateWriteKey(req.headers.authorization);
      const scope = this.reflector.getAllAndOverride<WriteKeyScope>(WRITE_KEY_SCOPE, [ctx.getHandler(), ctx.getClass()]);
      if (!req.writeKey.scopes.includes(scope)) throw new MissingScopeError(scope);
      return true;
    }
    const user = await this.auth.userForSession(req.cookies?.[SESSION_COOKIE]);
    if (!user) throw new UnauthorizedException('Sign in first (no valid session)');
    req.user = user;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}; you are signed in as ${user.role}`);
    }
    return true;
  }
}
