import { Controller, Get, Header, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { EXPORT_FORMATS, exportCreateSchema, type ExportCreate, type ExportDto, type ExportViewDto } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Audited, byResultId } from '../audit/audit.decorator';
import { ZodBody, ZodParam, ZodQuery } from '../common/zod.pipe';
import { ExportsService, type RerunFrom } from './exports.service';

const exportId = z.uuid({ error: 'must be an export id' });
const listSchema = z.strictObject({ all: z.enum(['0', '1', 'true', 'false'], { error: 'must be 0 or 1' }).optional() }, { error: 'unknown parameter' });
/** The manifest of an earlier export (the file beside it), to make the same file again. */
const rerunSchema = z.object(
  {
    view: z.string({ error: 'is required' }).min(1, 'is required').max(100),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]), { error: 'must be an object' }),
    format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
    created_at: z.iso.datetime({ error: 'must be an ISO time' }),
    created_by: z.string({ error: 'is required' }).min(1, 'is required').max(320),
  },
  { error: 'must be the JSON manifest of an export' },
);

/** Server exports of every view: CSV, XLSX, Parquet, NDJSON, each with a manifest. Every role exports what it may read. */
@ApiTags('exports')
@ApiCookieAuth('hp_session')
@Controller('api/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('views')
  @ApiOperation({ summary: 'The views you may export: id, title, parameters, and whether it is a large export' })
  views(@Req() req: AuthedRequest): ExportViewDto[] {
    return this.exports.listViews(req.user!);
  }

  @Post()
  @Audited('export.create', byResultId('export'))
  @ApiOperation({ summary: 'Export a view: {"view", "params", "format": csv | xlsx | parquet | ndjson}; 202 with the export, made in the background (poll GET /api/exports/{id})' })
  @ApiResponse({ status: 202, description: 'ExportDto, status queued' })
  @ApiResponse({ status: 400, description: 'A bad format or parameter, named (params.from: …)' })
  @ApiResponse({ status: 403, description: 'Your role may not read this view' })
  @ApiResponse({ status: 404, description: 'No such view' })
  async create(@ZodBody(exportCreateSchema) body: ExportCreate, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<ExportDto> {
    const dto = await this.exports.create(body, req.user!);
    res.status(202).setHeader('Location', `/api/exports/${dto.id}`);
    return dto;
  }

  @Post('rerun')
  @Audited('export.rerun', byResultId('export'), ({ body }) => ({ view: (body as RerunFrom).view, format: (body as RerunFrom).format, params: (body as RerunFrom).params, of: (body as RerunFrom).created_at }))
  @ApiOperation({ summary: 'Export again from a manifest (the JSON beside an export): same view, parameters, format and stamp, so unchanged data gives the same bytes (the same SHA-256)' })
  async rerun(@ZodBody(rerunSchema) body: RerunFrom, @Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<ExportDto> {
    const dto = await this.exports.rerun(body, req.user!);
    res.status(202).setHeader('Location', `/api/exports/${dto.id}`);
    return dto;
  }

  @Get()
  @ApiOperation({ summary: 'Your exports, newest first (admins: ?all=1 for everyone’s)' })
  @ApiQuery({ name: 'all', required: false, description: '1 = everyone’s (admins)' })
  list(@ZodQuery(listSchema) query: z.output<typeof listSchema>, @Req() req: AuthedRequest): Promise<ExportDto[]> {
    return this.exports.list(req.user!, query.all === '1' || query.all === 'true');
  }

  @Get(':id')
  @ApiOperation({ summary: 'One export: status, progress, rows, hidden cells, size, SHA-256, links once done' })
  get(@ZodParam('id', exportId) id: string, @Req() req: AuthedRequest): Promise<ExportDto> {
    return this.exports.get(id, req.user!);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'The file (409 until done, 410 after the retention period)' })
  async file(@ZodParam('id', exportId) id: string, @Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await this.exports.sendFile(id, req.user!, res);
  }

  @Get(':id/manifest.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'The manifest beside the file: view, parameters, minimum group size, versions, data watermark, who and when, columns, hidden cells' })
  manifest(@ZodParam('id', exportId) id: string, @Req() req: AuthedRequest): Promise<string> {
    return this.exports.manifest(id, req.user!);
  }
}
