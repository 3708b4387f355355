import { Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { inviteCreateSchema, userPatchSchema, type InviteCreate, type UserPatch } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import { UsersService } from './users.service';
import { AuditedInService } from '../audit/audit.decorator';

const userId = z.uuid({ error: 'must be a user id' });

/** People & access (admins): users, invites, roles, deactivation, password resets — each audited. */
@ApiTags('users')
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user: email, name, role, status (active | invited | deactivated), last sign-in' })
  async list() {
    return { users: await this.users.list() };
  }

  @Post('invites')
  @ApiOperation({
    summary: 'Invite by email with a role: a one-time link (HUBPULSE_INVITE_TTL_HOURS, default 72 h), mailed when SMTP is configured, otherwise in the answer (shown once)',
    description: 'Inviting an email that is invited but has not joined yet makes a new link (the old one stops working); 409 when the email already has an account.',
  })
  @AuditedInService('user.invite')
  invite(@ZodBody(inviteCreateSchema) input: InviteCreate, @Req() req: AuthedRequest) {
    return this.users.invite(input, req.user!);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a role and/or (de)activate: {"role"?, "active"?}',
    description: 'Deactivating ends every session of the user at once and refuses sign-in; 409 when it would leave no active admin.',
  })
  @AuditedInService('user.role.change', 'user.activate', 'user.deactivate')
  patch(@ZodParam('id', userId) id: string, @ZodBody(userPatchSchema) patch: UserPatch, @Req() req: AuthedRequest) {
    return this.users.patch(id, patch, req.user!);
  }

  @AuditedInService('user.password.reset')
  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'A one-time link to choose a new password (mailed when SMTP is configured, otherwise in the answer); the old password works until it is used' })
  passwordReset(@ZodParam('id', userId) id: string, @Req() req: AuthedRequest) {
    return this.users.passwordReset(id, req.user!);
  }
}
