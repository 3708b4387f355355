import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OverviewResponse } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ZodQuery } from '../common/zod.pipe';
import { OverviewService, overviewQuerySchema, type OverviewQuery } from './overview.service';

@ApiTags('overview')
@Controller('api/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({ summary: 'Totals, daily engagement index, activity by channel and goals; numbers that could describe fewer than the minimum group size are null with the reason' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD; default: 89 days before `to`' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD; default: day of the newest event' })
  get(@ZodQuery(overviewQuerySchema) query: OverviewQuery, @Req() req: AuthedRequest): Promise<OverviewResponse> {
    return this.overview.overview(query, req.user!.id);
  }
}
