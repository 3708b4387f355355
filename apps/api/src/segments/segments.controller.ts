import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import {
  segmentChannelsQuerySchema,
  segmentCreateSchema,
  segmentMembersQuerySchema,
  segmentPeopleSearchSchema,
  segmentPreviewSchema,
  segmentUpdateSchema,
} from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodQuery } from '../common/zod.pipe';
import { SegmentChannelsService } from './segment-channels.service';
import { SegmentMembersService } from './segment-members.service';
import { listQuerySchema, SegmentsService } from './segments.service';
import { Audited, byParam, byResultId, NotAudited } from '../audit/audit.decorator';
import { counts } from '../audit/audit-details';

const who = (req: AuthedRequest) => req.user?.email ?? 'unknown';

/**
 * Audience segments. Every signed-in role reads sizes, composition, history and channel statistics
 * (privacy-suppressed); admins and planners (SEGMENT_EDITOR_ROLES) build, preview, compute and
 * archive; only they (SEGMENT_MEMBER_ROLES) see or export who is in a segment or search the directory,
 * and that is audited.
 */
@ApiTags('segments')
@Controller('api/segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly members: SegmentMembersService,
    private readonly channels: SegmentChannelsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Segments with current size, status and runs (size over time, entered/left), privacy-suppressed' })
  @ApiQuery({ name: 'archived', required: false, description: '1 = include archived segments' })
  list(@ZodQuery(listQuerySchema) query: z.output<typeof listQuerySchema>) {
    return this.segments.list(query);
  }

  @Audited('segment.create', byResultId('segment', 'segment'))
  @Post()
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Create a segment (dynamic or static); a 400 names the bad rule node; its membership is computed in the background' })
  create(@ZodBody(segmentCreateSchema) body: z.output<typeof segmentCreateSchema>, @Req() req: AuthedRequest) {
    return this.segments.create(body, who(req));
  }

  @NotAudited('a preview: nothing is stored')
  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Live preview of a rule: size, composition by department/location/title, engagement distribution (nothing stored)' })
  preview(@ZodBody(segmentPreviewSchema) body: z.output<typeof segmentPreviewSchema>) {
    return this.segments.preview(body);
  }

  @Get('people')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Find directory people by name, email or id (e.g. the manager of a manager-tree rule); admins and planners; audited' })
  @ApiQuery({ name: 'q', required: true, description: 'at least 2 characters' })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 20' })
  people(@ZodQuery(segmentPeopleSearchSchema) query: z.output<typeof segmentPeopleSearchSchema>, @Req() req: AuthedRequest) {
    return this.members.searchPeople(query, req.user!);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One segment: definition, size, runs and composition of its current membership' })
  detail(@Param('id') id: string) {
    return this.segments.detail(id);
  }

  @Audited('segment.update', byParam('segment'))
  @Put(':id')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Edit name, description or rule (a new definition version in the history); a changed rule recomputes dynamic segments' })
  update(@Param('id') id: string, @ZodBody(segmentUpdateSchema) body: z.output<typeof segmentUpdateSchema>, @Req() req: AuthedRequest) {
    return this.segments.update(id, body, who(req));
  }

  @Audited('segment.archive', byParam('segment'))
  @Delete(':id')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Archive a segment (409 while other segments refer to it); history and memberships are kept' })
  archive(@Param('id') id: string) {
    return this.segments.archive(id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Edit history: every definition version, newest first' })
  history(@Param('id') id: string) {
    return this.segments.history(id);
  }

  @Audited('segment.recompute', byParam('segment'), ({ result }) => counts(result, 'job_id'))
  @Post(':id/recompute')
  @HttpCode(202)
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Recompute a dynamic segment now (one pending job per segment)' })
  recompute(@Param('id') id: string) {
    return this.segments.recompute(id);
  }

  @Audited('segment.freeze', byParam('segment'), ({ result }) => counts(result, 'job_id'))
  @Post(':id/freeze')
  @HttpCode(202)
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Freeze a static segment: take its membership now from its current rule' })
  freeze(@Param('id') id: string) {
    return this.segments.freeze(id);
  }

  @Get(':id/channels')
  @ApiOperation({ summary: 'Reach, read and interaction rate per channel and read rate per content purpose (shrunk towards the organisation, 95% intervals) with ranked recommendations; each rate hidden (with its reason) where its people or their complement are fewer than k, by subtraction too, or the window conflicts with what this user was shown before' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  channelStats(@Param('id') id: string, @ZodQuery(segmentChannelsQuerySchema) query: z.output<typeof segmentChannelsQuerySchema>, @Req() req: AuthedRequest) {
    return this.channels.stats(id, query, req.user!.id);
  }

  @Get(':id/members')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Members of the current membership, paged, by name (admins and planners; audited)' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'page_size', required: false })
  memberPage(@Param('id') id: string, @ZodQuery(segmentMembersQuerySchema) query: z.output<typeof segmentMembersQuerySchema>, @Req() req: AuthedRequest) {
    return this.members.page(id, query, req.user!);
  }

  @Get(':id/members.csv')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Export the current membership as CSV (admins and planners); every export is written to the audit log' })
  async exportCsv(@Param('id') id: string, @Req() req: AuthedRequest, @Res() res: Response) {
    await this.members.exportCsv(id, req.user!, res);
  }
}
