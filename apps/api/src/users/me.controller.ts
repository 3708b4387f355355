import { Controller, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ownPasswordSchema, type OwnPasswordChange } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { SESSION_COOKIE } from '../auth/auth.service';
import { sha256 } from '../auth/password';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import { MeService } from './me.service';
import { AuditedInService, NotAudited } from '../audit/audit.decorator';

/** The sha256 of this request's session cookie, to tell the current session from the others. */
const currentHash = (req: AuthedRequest) => sha256(String(req.cookies?.[SESSION_COOKIE] ?? ''));

/** Everyone's own account: password and sessions. */
@ApiTags('users')
@Controller('api/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @AuditedInService('user.password.change')
  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password: {"current_password", "new_password"}; your other sessions end' })
  async changePassword(@ZodBody(ownPasswordSchema) input: OwnPasswordChange, @Req() req: AuthedRequest): Promise<void> {
    await this.me.changePassword(req.user!, currentHash(req), input);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Your sessions: id, created, last seen, browser, and which one is this' })
  async sessions(@Req() req: AuthedRequest) {
    return { sessions: await this.me.listSessions(req.user!, currentHash(req)) };
  }

  @NotAudited('a person signing out one of their own browsers')
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions (signs that browser out)' })
  async endSession(@ZodParam('id', z.uuid({ error: 'must be a session id' })) id: string, @Req() req: AuthedRequest): Promise<void> {
    await this.me.endSession(req.user!, id);
  }

  @NotAudited('a person signing out their other browsers')
  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'End all your sessions but this one' })
  async endOthers(@Req() req: AuthedRequest): Promise<void> {
    await this.me.endOtherSessions(req.user!, currentHash(req));
  }
}
