import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  goalCreateSchema,
  goalLinkCreateSchema,
  goalLinkUpdateSchema,
  goalUpdateSchema,
  KPI_CSV_HELP,
  kpiValuePutSchema,
  kpiValuesBulkSchema,
  periodSchema,
  type GoalDetailDto,
  type GoalLinkDto,
  type GoalListDto,
  type KpiBulkResultDto,
  type KpiHistoryDto,
  type KpiImportResultDto,
  type KpiValueDto,
  type LinkAnalysisDto,
  type StrategyOverviewDto,
} from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodParam, ZodQuery } from '../common/zod.pipe';
import { GoalLinksService } from './goal-links.service';
import { GoalsService } from './goals.service';
import { kpiImportQuerySchema, readKpiCsv } from './kpi-csv';
import { StrategyService } from './strategy.service';
import { Audited, byParam, byResultId } from '../audit/audit.decorator';
import { counts, summariseBody } from '../audit/audit-details';

const who = (req: AuthedRequest) => req.user?.email ?? 'unknown';

/** Strategy goals, KPI values and links. Admins and leaders write; every signed-in role reads. */
@ApiTags('strategy')
@ApiCookieAuth('hp_session')
@Controller('api/goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly links: GoalLinksService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every goal as a card: status with its rule, progress, latest value, forecast for the last month, sparkline' })
  list(): Promise<GoalListDto> {
    return this.goals.list();
  }

  @Audited('goal.create', byResultId('goal'))
  @Post()
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Create a goal (GoalCreateInput); a 400 names each bad field' })
  create(@ZodBody(goalCreateSchema) body: z.output<typeof goalCreateSchema>, @Req() req: AuthedRequest): Promise<GoalDetailDto> {
    return this.goals.create(body, who(req));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One goal: values with who set them, status with its rule, progress, forecast with 80%/95% bands, month-by-month series, links, programmes' })
  detail(@Param('id') id: string): Promise<GoalDetailDto> {
    return this.goals.detail(id);
  }

  @Audited('goal.update', byParam('goal'))
  @Put(':id')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Change a goal (any GoalCreateInput fields; monthly_targets replaces the list); the result is checked as a whole' })
  update(@Param('id') id: string, @ZodBody(goalUpdateSchema) body: z.output<typeof goalUpdateSchema>, @Req() req: AuthedRequest): Promise<GoalDetailDto> {
    return this.goals.update(id, body, who(req));
  }

  @Audited('goal.delete', byParam('goal'))
  @Delete(':id')
  @Roles('admin', 'leader')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a goal with its values, history and links (programmes stay, unlinked)' })
  remove(@Param('id') id: string): Promise<void> {
    return this.goals.remove(id);
  }

  // ── KPI values ──

  @Audited('kpi.values.set', byParam('goal'), ({ body, result }) => ({ periods: ((body as { values?: { period: string }[] }).values ?? []).map((v) => v.period).join(', '), ...counts(result, 'created', 'updated', 'unchanged') }))
  @Post(':id/values')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Store several monthly values at once ({values: [{period, value, note?}]}): all or none; overwritten values go to the history' })
  bulk(@Param('id') id: string, @ZodBody(kpiValuesBulkSchema) body: z.output<typeof kpiValuesBulkSchema>, @Req() req: AuthedRequest): Promise<KpiBulkResultDto> {
    return this.goals.bulk(id, body, who(req));
  }

  @Audited('kpi.values.import', byParam('goal'), ({ result }) => counts(result, 'filename', 'rows', 'stored', 'created', 'updated', 'unchanged'))
  @Post(':id/values/import')
  @Roles('admin', 'leader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import monthly values from CSV (raw text/csv body)', description: KPI_CSV_HELP })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'period,value,note\n2026-01,41250000,\n2026-02,41900000,restated' } })
  @ApiQuery({ name: 'filename', required: false, description: 'Shown in the note of each imported value ("kpi.csv line 7")' })
  @ApiResponse({ status: 200, description: 'KpiImportResultDto: good rows stored, bad rows listed by line and column' })
  @ApiResponse({ status: 400, description: 'Wrong header row, not UTF-8, or more than 10,000 rows: nothing stored' })
  importCsv(@Param('id') id: string, @ZodQuery(kpiImportQuerySchema) query: z.output<typeof kpiImportQuerySchema>, @Req() req: AuthedRequest): Promise<KpiImportResultDto> {
    return this.goals.importCsv(id, () => readKpiCsv(req), query.filename, who(req));
  }

  @Get(':id/values/history')
  @ApiOperation({ summary: 'Overwritten and deleted values, newest change first, with who set and who replaced them' })
  history(@Param('id') id: string): Promise<KpiHistoryDto> {
    return this.goals.history(id);
  }

  @Audited('kpi.value.set', byParam('goal'), ({ params, body }) => ({ period: params.period, ...summariseBody(body) }))
  @Put(':id/values/:period')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Set one month\'s value ({value, note?}); period is YYYY-MM or YYYY-MM-01' })
  // The period comes after the body so that its pipe runs first: a bad period is reported before a bad body.
  putValue(@Param('id') id: string, @ZodBody(kpiValuePutSchema) body: z.output<typeof kpiValuePutSchema>, @ZodParam('period', periodSchema) period: string, @Req() req: AuthedRequest): Promise<KpiValueDto> {
    return this.goals.putValue(id, period, body, who(req));
  }

  @Audited('kpi.value.delete', byParam('goal'), ({ params }) => ({ period: params.period }))
  @Delete(':id/values/:period')
  @Roles('admin', 'leader')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one month\'s value (kept in the history)' })
  deleteValue(@Param('id') id: string, @ZodParam('period', periodSchema) period: string, @Req() req: AuthedRequest): Promise<void> {
    return this.goals.deleteValue(id, period, who(req));
  }

  // ── links ──

  @Get(':id/links')
  @ApiOperation({ summary: 'The goal\'s contribution hypotheses' })
  listLinks(@Param('id') id: string): Promise<GoalLinkDto[]> {
    return this.links.list(id);
  }

  @Audited('goal.link.create', byParam('goal'), ({ body, result }) => ({ link_id: (result as { id?: string }).id, ...summariseBody(body) }))
  @Post(':id/links')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Link an audience (segment, programme, or scope of departments / locations / organisation) with a hypothesis (GoalLinkCreateInput)' })
  createLink(@Param('id') id: string, @ZodBody(goalLinkCreateSchema) body: z.output<typeof goalLinkCreateSchema>, @Req() req: AuthedRequest): Promise<GoalLinkDto> {
    return this.links.create(id, body, who(req));
  }

  @Audited('goal.link.update', byParam('goal'), ({ params, body }) => ({ link_id: params.linkId, ...summariseBody(body) }))
  @Put(':id/links/:linkId')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Change a link\'s hypothesis or purpose' })
  updateLink(@Param('id') id: string, @Param('linkId') linkId: string, @ZodBody(goalLinkUpdateSchema) body: z.output<typeof goalLinkUpdateSchema>): Promise<GoalLinkDto> {
    return this.links.update(id, linkId, body);
  }

  @Audited('goal.link.delete', byParam('goal'), ({ params }) => ({ link_id: params.linkId }))
  @Delete(':id/links/:linkId')
  @Roles('admin', 'leader')
  @HttpCode(204)
  removeLink(@Param('id') id: string, @Param('linkId') linkId: string): Promise<void> {
    return this.links.remove(id, linkId);
  }

  @Get(':id/links/:linkId/analysis')
  @ApiOperation({
    summary: 'The audience\'s monthly engagement against the KPI, lagged correlations (0–3 months, Pearson and Spearman with n, 95% CI, p) and, for a launched programme, difference in differences — correlation, not proof',
  })
  analysis(@Param('id') id: string, @Param('linkId') linkId: string): Promise<LinkAnalysisDto> {
    return this.links.analysis(id, linkId);
  }
}

@ApiTags('strategy')
@ApiCookieAuth('hp_session')
@Controller('api/strategy')
export class StrategyController {
  constructor(private readonly strategy: StrategyService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Leadership\'s landing page: goal cards, status counts, the five purposes scorecard with a department drill-down within the privacy threshold' })
  overview(): Promise<StrategyOverviewDto> {
    return this.strategy.overview();
  }
}
