import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodQuery } from '../common/zod.pipe';
import { daySchema, EngagementService, groupsSchema, jobSchema, peopleSchema, scoringModelBodySchema } from './engagement.service';
import { Audited } from '../audit/audit.decorator';
import { counts, summariseBody } from '../audit/audit-details';

@ApiTags('engagement')
@Controller('api/engagement')
export class EngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get('models')
  @ApiOperation({ summary: 'Scoring model versions, newest first (the newest is in use)' })
  models() {
    return this.engagement.listModels();
  }

  @Audited('scoring_model.create', ({ result }) => `scoring_model:v${(result as { model?: { version?: number } }).model?.version ?? '?'}`, ({ body, result }) => ({ ...summariseBody(body), ...counts(result, 'job_id') }))
  @Post('models')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a new scoring model version; history is recomputed with it in the background (a full score job)' })
  createModel(@ZodBody(scoringModelBodySchema) body: z.output<typeof scoringModelBodySchema>, @Req() req: AuthedRequest) {
    return this.engagement.createModel(body, req.user?.email ?? 'unknown');
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Recent score jobs with state, progress, phase and failure reason' })
  jobs() {
    return this.engagement.jobs();
  }

  @Audited('scores.recompute', () => 'scores', ({ body, result }) => ({ ...summariseBody(body), ...counts(result, 'job_id') }))
  @Post('jobs')
  @Roles('admin')
  @ApiOperation({ summary: 'Start a score job: {"kind":"incremental"} (days touched since the last run) or {"kind":"full"}' })
  startJob(@ZodBody(jobSchema) body: z.output<typeof jobSchema>) {
    return this.engagement.startJob(body);
  }

  @Get('distribution')
  @ApiOperation({ summary: 'Raw score histogram and population quantiles on a day (default: newest scored day)' })
  @ApiQuery({ name: 'day', required: false })
  distribution(@ZodQuery(daySchema) query: z.output<typeof daySchema>) {
    return this.engagement.distribution(query);
  }

  @Get('groups')
  @ApiOperation({ summary: 'Mean score, active share, action mix and daily trend per department / location / team / manager tree / tenure band' })
  @ApiQuery({ name: 'by', required: false, enum: ['department', 'location', 'team', 'manager', 'tenure'] })
  @ApiQuery({ name: 'attribution', required: false, enum: ['as_it_was', 'today'], description: "as_it_was (default): each day under the department, location and manager tree people had that day; today: under today's" })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  groups(@ZodQuery(groupsSchema) query: z.output<typeof groupsSchema>) {
    return this.engagement.groups(query);
  }

  @Get('people')
  @Roles('admin')
  @ApiOperation({ summary: 'Scored people on a day, highest first, filtered by id / name / department (admins only)' })
  people(@ZodQuery(peopleSchema) query: z.output<typeof peopleSchema>) {
    return this.engagement.people(query);
  }

  @Get('people/:personId/why')
  @Roles('admin')
  @ApiOperation({ summary: "One person's score taken apart: points per action type and per day, model version, rank (admins only)" })
  why(@Param('personId') personId: string, @ZodQuery(daySchema) query: z.output<typeof daySchema>) {
    return this.engagement.explain(personId, query);
  }
}
