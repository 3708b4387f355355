import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiSeeOtherResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ssoCallbackQuerySchema, ssoLoginQuerySchema, type SsoCallbackQuery, type SsoInfoDto } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { Public } from '../../common/public.decorator';
import { ZodQuery } from '../../common/zod.pipe';
import { SESSION_COOKIE } from '../auth.service';
import { LOGIN_STATE_MINUTES } from './login-state';
import { SsoService } from './sso.service';

/** The cookie holding one sign-in's state, nonce and PKCE verifier (encrypted), sent back to the callback only. */
const STATE_COOKIE = 'hp_sso';
const STATE_COOKIE_PATH = '/api/auth/sso/callback';
const NOT_CONFIGURED = 'Single sign-on is not configured (HUBPULSE_OIDC_ISSUER)';

@ApiTags('auth')
@Controller('api/auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether single sign-on is on, and the label of its button (public, for the login page)' })
  @ApiOkResponse({ description: '{ enabled, label, login_url, sso_only }' })
  info(): SsoInfoDto {
    return this.sso.info();
  }

  @Public()
  @Get('login')
  @ApiOperation({ summary: 'Starts single sign-on: redirects to the identity provider (authorization code with PKCE); 404 when SSO is off' })
  @ApiQuery({ name: 'next', required: false, description: 'Path on this site to land on after signing in' })
  @ApiFoundResponse({ description: "To the provider's authorization endpoint; sets the short-lived hp_sso cookie" })
  @ApiSeeOtherResponse({ description: 'To /login?sso_error=unavailable when the provider cannot be reached' })
  async login(@ZodQuery(ssoLoginQuerySchema) { next }: { next?: string }, @Req() req: Request, @Res() res: Response): Promise<void> {
    const started = await this.sso.start(next);
    if (!started) throw new NotFoundException(NOT_CONFIGURED);
    if ('failed' in started) return res.redirect(303, started.failed);
    res.cookie(STATE_COOKIE, started.cookie, { httpOnly: true, sameSite: 'lax', secure: this.secure(req), maxAge: LOGIN_STATE_MINUTES * 60_000, path: STATE_COOKIE_PATH });
    res.redirect(302, started.url);
  }

  @Public()
  @Get('callback')
  @ApiOperation({ summary: "The identity provider's redirect back: sets the session cookie, or lands on /login?sso_error=<code>" })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'iss', required: false })
  @ApiQuery({ name: 'error', required: false })
  @ApiSeeOtherResponse({ description: 'To `next` (signed in) or to /login?sso_error=<code>' })
  async callback(@ZodQuery(ssoCallbackQuerySchema) query: SsoCallbackQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const outcome = await this.sso.finish(query, req.cookies?.[STATE_COOKIE], req.headers['user-agent']);
    if (!outcome) throw new NotFoundException(NOT_CONFIGURED);
    res.clearCookie(STATE_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secure(req), path: STATE_COOKIE_PATH });
    if (outcome.session) {
      res.cookie(SESSION_COOKIE, outcome.session.token, { httpOnly: true, sameSite: 'lax', secure: this.secure(req), expires: outcome.session.expiresAt, path: '/' });
    }
    res.redirect(303, outcome.redirect);
  }

  /** Cookies are Secure when configured so or when the request came over HTTPS (directly or via a trusted proxy). */
  private secure(req: Request): boolean {
    return this.config.secureCookies || req.secure;
  }
}
