import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { writeKeyCreateSchema, writeKeyUpdateSchema, type WriteKeyCreate, type WriteKeyDto, type WriteKeyUpdate } from '@hubpulse/contracts';
import { Roles } from '../common/public.decorator';
import { ZodBody } from '../common/zod.pipe';
import type { AuthedRequest } from './auth.guard';
import { AuthService } from './auth.service';
import { AuditedInService } from '../audit/audit.decorator';

/** Ingestion (write) keys: admins create, list and revoke them. A key is shown once, at creation. */
@ApiTags('ingestion admin')
@Roles('admin')
@Controller('api/ingestion/keys')
export class WriteKeysController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'Write keys (name, prefix, scopes, browser, created, revoked, last used) — never the keys themselves' })
  @ApiOkResponse({
    description:
      '{"keys": [WriteKeyDto]}: id, name, prefix, scopes, browser, created_at, revoked_at (null: active), last_used_at — when the key last authenticated an ingestion request, null if never; recorded at most once a minute per key, so up to a minute behind',
  })
  async list() {
    return { keys: await this.auth.listWriteKeys() };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a write key: {"name", "scopes": ["events"] | ["events","directory"] (default ["events"]), "browser": false}; the answer holds the key, shown this once; audited',
    description: 'A browser key (browser: true) ships inside a web page and can never hold the directory scope.',
  })
  @AuditedInService('write_key.create')
  async create(@ZodBody(writeKeyCreateSchema) spec: WriteKeyCreate, @Req() req: AuthedRequest) {
    const { id, key } = await this.auth.createWriteKey(spec, undefined, req.user);
    return { id, ...spec, key, note: 'Store this key now: it is not shown again.' };
  }

  @AuditedInService('write_key.update')
  @Patch(':id')
  @ApiOperation({
    summary: 'Set the web origins a browser key may send from: {"allowed_origins": ["https://intranet.example.com"]}; audited',
    description:
      'Browsers send from these origins only (CORS): a preflight is answered for an origin some browser key allows, and a request from a browser origin its key does not allow is refused with a 403. A key without origins refuses every browser origin; server keys cannot have any (400).',
  })
  async update(@Param('id') id: string, @ZodBody(writeKeyUpdateSchema) patch: WriteKeyUpdate, @Req() req: AuthedRequest): Promise<WriteKeyDto> {
    const key = await this.auth.updateWriteKey(id, patch, req.user!);
    if (!key) throw new NotFoundException(`id: no write key ${id}`);
    return key;
  }

  @AuditedInService('write_key.revoke')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a write key (it stops being accepted; its data stays); audited' })
  async revoke(@Param('id') id: string, @Req() req: AuthedRequest): Promise<void> {
    if (!(await this.auth.revokeWriteKey(id, req.user!))) throw new NotFoundException(`id: no write key ${id}`);
  }
}
