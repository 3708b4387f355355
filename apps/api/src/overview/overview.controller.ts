import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OverviewResponse } from '@hubpulse/contracts';
import { OverviewService } from './overview.service';

@ApiTags('overview')
@Controller('api/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({ summary: 'Totals, daily engagement index, activity by channel and goals; people counts below the minimum group size are null' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD; default: 89 days before `to`' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD; default: day of the newest event' })
  get(@Query() query: Record<string, string>): Promise<OverviewResponse> {
    return this.overview.overview(query);
  }
}
