import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Inject } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { Public } from '../common/public.decorator';
import { ZodBody } from '../common/zod.pipe';
import type { AuthedRequest } from './auth.guard';
import { AuthService, SESSION_COOKIE } from './auth.service';

const required = z.string({ error: 'is required' }).min(1, 'is required');
const loginSchema = z.object({ email: required, password: required });

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the httpOnly session cookie' })
  async login(@ZodBody(loginSchema) { email, password }: z.output<typeof loginSchema>, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    const { token, user, expiresAt } = await this.auth.login(email, password);
    await this.auth.recordSignIn(user.id, token, req.headers['user-agent']);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, expires: expiresAt, path: '/' });
    return { user };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@Req() req: AuthedRequest) {
    return { user: req.user };
  }
}
