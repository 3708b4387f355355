import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { inviteAcceptSchema, type InviteAccept } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { AuthedRequest } from '../auth/auth.guard';
import { SESSION_COOKIE } from '../auth/auth.service';
import { Public } from '../common/public.decorator';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import { UsersService } from './users.service';
import { AuditedInService } from '../audit/audit.decorator';

const token = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'is not a link token');

/** One-time links (invites and password resets), opened by people who are not signed in. */
@ApiTags('users')
@Public()
@Controller('api/invites')
export class InvitesController {
  constructor(
    private readonly users: UsersService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'What a link is for: {email, name, role, expires_at, kind: invite | reset}; 404 unknown, 410 used or expired' })
  info(@ZodParam('token', token) t: string) {
    return this.users.linkInfo(t);
  }

  @AuditedInService('user.invite.accept', 'user.password.reset.use')
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Use a link once: {"password", "name"?} sets the password and signs in (session cookie); a reset ends the other sessions' })
  async accept(@ZodParam('token', token) t: string, @ZodBody(inviteAcceptSchema) input: InviteAccept, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    const { token: session, user, expiresAt } = await this.users.accept(t, input, req.headers['user-agent']);
    res.cookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies || req.secure, expires: expiresAt, path: '/' });
    return { user };
  }
}
