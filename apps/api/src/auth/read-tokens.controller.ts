import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { READ_TOKEN_DEFAULT_DAYS, READ_TOKEN_MAX_DAYS, readTokenCreateSchema, type ReadTokenCreate } from '@hubpulse/contracts';
import { AuditedInService } from '../audit/audit.decorator';
import { NoReadToken, Roles } from '../common/public.decorator';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import type { AuthedRequest } from './auth.guard';
import { ReadTokensService } from './read-tokens.service';

const tokenId = z.uuid({ error: 'must be a read token id' });

/** Everyone's own read tokens: list, create (shown once), revoke. Session only: a token never manages tokens. */
@ApiTags('read tokens')
@NoReadToken()
@Controller('api/me/tokens')
export class MyReadTokensController {
  constructor(private readonly tokens: ReadTokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your read tokens (name, prefix, created, expires, last used, revoked, status) — never the tokens themselves' })
  @ApiOkResponse({ description: '{"tokens": [ReadTokenDto]}, newest first; last_used_at is to the minute (every use is in the audit log)' })
  async list(@Req() req: AuthedRequest) {
    return { tokens: await this.tokens.listOwn(req.user!) };
  }

  @AuditedInService('read_token.create')
  @Post()
  @ApiOperation({
    summary: `Create a read token: {"name", "expires_in_days": 1–${READ_TOKEN_MAX_DAYS} (default ${READ_TOKEN_DEFAULT_DAYS})}; the answer holds the token, shown this once; audited`,
    description:
      'Send it as `Authorization: Bearer hp_rt_…`: it opens the GET routes your role may read, as you (re-checked at each use), and nothing else — no other method, no token management. Every use is audited.',
  })
  @ApiCreatedResponse({ description: 'ReadTokenCreatedDto: the listed fields plus "token" (shown once) and a note' })
  create(@ZodBody(readTokenCreateSchema) spec: ReadTokenCreate, @Req() req: AuthedRequest) {
    return this.tokens.create(req.user!, spec);
  }

  @AuditedInService('read_token.revoke')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your read tokens: refused from the next request on; audited' })
  async revoke(@ZodParam('id', tokenId) id: string, @Req() req: AuthedRequest): Promise<void> {
    await this.tokens.revokeOwn(req.user!, id);
  }
}

/** Admins: every user's read tokens, and revoking any of them. */
@ApiTags('read tokens')
@Roles('admin')
@NoReadToken()
@Controller('api/read-tokens')
export class ReadTokensAdminController {
  constructor(private readonly tokens: ReadTokensService) {}

  @Get()
  @ApiOperation({ summary: "Every user's read tokens with their owner (admins) — never the tokens themselves" })
  @ApiOkResponse({ description: '{"tokens": [ReadTokenAdminDto]}: ReadTokenDto plus owner {id, email, name, role, active}' })
  async list() {
    return { tokens: await this.tokens.listAll() };
  }

  @AuditedInService('read_token.revoke')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke anyone's read token (admins); audited with the owner" })
  async revoke(@ZodParam('id', tokenId) id: string, @Req() req: AuthedRequest): Promise<void> {
    await this.tokens.revokeAny(req.user!, id);
  }
}
