import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { SessionUser } from '@hubpulse/contracts';
import type { WriteKeyScope } from '@hubpulse/contracts';
import { MissingScopeError } from '../common/errors';
import { AUTH_KIND, NO_READ_TOKEN, ROLES_KEY, WRITE_KEY_SCOPE } from '../common/public.decorator';
import { AuthService, SESSION_COOKIE, type WriteKeyPrincipal } from './auth.service';
import { ReadTokensService, readTokenIn } from './read-tokens.service';

export interface AuthedRequest extends Request {
  user?: SessionUser;
  writeKey?: WriteKeyPrincipal;
  /** Set when a personal read token (not a session) authorised the request; `user` is then its owner. */
  readTokenId?: string;
}

/** Methods a read token may use: reading only (Express answers HEAD with the GET route). */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global guard. By default a route needs a session cookie; @Public() routes need nothing;
 * @WriteKey(scope) routes need `Authorization: Bearer <write key>` of a key holding that scope — and a
 * write key opens nothing else. `Authorization: Bearer hp_rt_…` (a personal read token) stands in for
 * its owner's session on GET routes, with the same role checks, and on nothing else: any other
 * method, and the routes marked @NoReadToken() (token management), answer 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly readTokens: ReadTokensService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const kind = this.reflector.getAllAndOverride<string | undefined>(AUTH_KIND, targets);
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (kind === 'public') return true;
    if (kind === 'write-key') {
      req.writeKey = await this.auth.authenticateWriteKey(req.headers.authorization);
      const scope = this.reflector.getAllAndOverride<WriteKeyScope>(WRITE_KEY_SCOPE, targets);
      if (!req.writeKey.scopes.includes(scope)) throw new MissingScopeError(scope);
      return true;
    }
    // A read token in the header decides the request, even beside a session cookie: it cannot be widened by one.
    const token = readTokenIn(req.headers.authorization);
    let user: SessionUser | null;
    if (token) {
      const principal = await this.readTokens.authenticate(token, req, ctx.switchToHttp().getResponse<Response>());
      if (!READ_METHODS.has(req.method)) throw new ForbiddenException(`A read token opens GET routes only; ${req.method} needs a signed-in session`);
      if (this.reflector.getAllAndOverride<boolean | undefined>(NO_READ_TOKEN, targets)) {
        throw new ForbiddenException('A read token cannot list, create or revoke tokens; sign in to manage them');
      }
      req.readTokenId = principal.id;
      user = principal.user;
    } else {
      user = await this.auth.userForSession(req.cookies?.[SESSION_COOKIE]);
      if (!user) throw new UnauthorizedException('Sign in first (no valid session)');
    }
    req.user = user;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}; ${token ? 'the owner of this read token is' : 'you are signed in as'} ${user.role}`);
    }
    return true;
  }
}
