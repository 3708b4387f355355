import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/auth.guard';
import { UploadBody } from '../common/request-body';
import { ZodQuery } from '../common/zod.pipe';
import { importQuerySchema, type ImportQuery } from './dto/import-query';
import { ImporterGuard } from './importer.guard';
import { ImportsService } from './imports.service';
import { Audited, byResultId } from '../audit/audit.decorator';
import { summariseBody } from '../audit/audit-details';

@ApiTags('imports')
@ApiCookieAuth('hp_session')
@UseGuards(ImporterGuard)
@Controller('api/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Upload a file of events or people (the raw request body, any size, gzip allowed) and import it in the background',
    description:
      'NDJSON: one object per line, as POST /v1/events or PUT /v1/people take them. CSV: a header row of those field names; ' +
      'properties.<name> / attributes.<name> columns fill the flat object; empty cells are absent. Events without event_id get ' +
      'a stable id derived from their row, so importing a file again counts each event once. Send Content-Type ' +
      'application/octet-stream, text/csv or application/x-ndjson (not application/json).',
  })
  @Audited('import.upload', byResultId('import', 'import'), ({ query }) => summariseBody(query))
  @ApiConsumes('application/octet-stream', 'text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'kind', enum: ['events', 'people', 'content'] })
  @ApiQuery({ name: 'format', enum: ['ndjson', 'csv'], required: false, description: 'default: from the filename or Content-Type' })
  @ApiQuery({ name: 'filename', required: false })
  @ApiResponse({ status: 202, description: '{"import": {id, status: "queued", progress, …}}; poll GET /api/imports/{id}' })
  @ApiResponse({ status: 400, description: 'Bad kind, format or body' })
  @ApiResponse({ status: 403, description: 'Not an admin' })
  @ApiResponse({ status: 413, description: 'File over 10 GiB' })
  @ApiResponse({ status: 415, description: 'Unsupported Content-Encoding, or an application/json body' })
  async upload(@ZodQuery(importQuerySchema) query: ImportQuery, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    const view = await this.imports.upload(req.user!, query, new UploadBody(req, res));
    res.setHeader('Location', `/api/imports/${view.id}`);
    return { import: view };
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first (the latest 100)' })
  list() {
    return this.imports.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One import: status (queued, running, done, failed), progress {bytes, total, rows, accepted, rejected}, error' })
  @ApiResponse({ status: 404, description: 'No such import' })
  async get(@Param('id') id: string) {
    return { import: await this.imports.get(id) };
  }

  @Get(':id/errors')
  @ApiOperation({ summary: 'The error report as CSV: line (of the file), errors ("field: why; …")' })
  @ApiResponse({ status: 404, description: 'No such import' })
  async errors(@Param('id') id: string): Promise<StreamableFile> {
    const { meta, stream } = await this.imports.errorsFile(id);
    const name = `${meta.filename.replace(/[^\w.-]+/g, '_')}.errors.csv`;
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}"` });
  }

}
