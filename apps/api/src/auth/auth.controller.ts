import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Inject } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { Public } from '../common/public.decorator';
import { ZodBody } from '../common/zod.pipe';
import type { AuthedRequest } from './auth.guard';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { NotAudited } from '../audit/audit.decorator';

const required = z.string({ error: 'is required' }).min(1, 'is required');
const loginSchema = z.object({ email: required, password: required });

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  @NotAudited('signing in: the user list keeps each last sign-in, the throttle counts failures')
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the httpOnly session cookie (Secure over HTTPS). 429 with Retry-After after too many failures for the account or the address' })
  async login(@ZodBody(loginSchema) { email, password }: z.output<typeof loginSchema>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, user, expiresAt } = await this.auth.login(email, password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    await this.auth.recordSignIn(user.id, token, req.headers['user-agent']);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.secure(req), expires: expiresAt, path: '/' });
    return { user };
  }

  /** Cookies are Secure when configured so or when the request came over HTTPS (directly or via a trusted proxy). */
  private secure(req: Request): boolean {
    return this.config.secureCookies || req.secure;
  }

  @NotAudited('signing out')
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secure(req), path: '/' });
  }

  @Get('me')
  me(@Req() req: AuthedRequest) {
    return { user: req.user };
  }
}
