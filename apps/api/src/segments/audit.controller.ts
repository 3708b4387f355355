import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditLogRepository } from '@hubpulse/database';
import { Roles } from '../common/public.decorator';
import { ZodQuery } from '../common/zod.pipe';

const auditQuery = z.object({
  action: z.string().max(100, 'must be at most 100 characters').optional(),
  target: z.string().max(200, 'must be at most 200 characters').optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
});

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit log, newest first (admins only): e.g. ?action=segment.members.export' })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'target', required: false })
  @ApiQuery({ name: 'limit', required: false })
  list(@ZodQuery(auditQuery) query: z.output<typeof auditQuery>) {
    return this.audit.list(query);
  }
}
