import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { auditFilterSchema, auditListSchema, AUDIT_PAGE_MAX, type AuditFacetsDto, type AuditFilter, type AuditListQuery, type AuditLogEntryDto } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodQuery } from '../common/zod.pipe';
import { AuditService } from './audit.service';

const FILTER_QUERIES = [
  { name: 'action', description: 'An action (goal.update), or a family by its prefix ending in a dot (goal.)' },
  { name: 'actor', description: 'Part of who acted, case-insensitive (an email, or write_key:)' },
  { name: 'target', description: 'A target exactly, e.g. goal:<id>' },
  { name: 'from', description: 'First day, YYYY-MM-DD (UTC), inclusive' },
  { name: 'to', description: 'Last day, YYYY-MM-DD (UTC), inclusive' },
];
const FilterQueries = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  for (const q of FILTER_QUERIES) ApiQuery({ ...q, required: false })(target, key, descriptor);
};

/** The audit log (admins only): every administrative action and every read of people's data. */
@ApiTags('audit')
@ApiCookieAuth('hp_session')
@Controller('api/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: `Audit log, newest first, ${AUDIT_PAGE_MAX} entries at most per page: filter by action, actor, target and days; page on with ?before=<id of the last entry>` })
  @FilterQueries()
  @ApiQuery({ name: 'before', required: false, description: 'The id of the previous page\'s last entry' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${AUDIT_PAGE_MAX}, default 100` })
  list(@ZodQuery(auditListSchema) query: AuditListQuery): Promise<AuditLogEntryDto[]> {
    return this.audit.list(query);
  }

  @Get('facets')
  @ApiOperation({ summary: 'The actions on record and the most recent 500 actors, for filter choices' })
  facets(): Promise<AuditFacetsDto> {
    return this.audit.facets();
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'Every entry matching the filters as CSV (at, actor, action, action_label, target, details as JSON), streamed; the export is itself audited' })
  @FilterQueries()
  async exportCsv(@ZodQuery(auditFilterSchema) filter: AuditFilter, @Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    await this.audit.exportCsv(filter, req.user!, res);
  }
}
