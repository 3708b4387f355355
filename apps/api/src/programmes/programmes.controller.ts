import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { programmeCreateSchema, programmeUpdateSchema } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodQuery } from '../common/zod.pipe';
import { ProgrammesService, programmeListQuerySchema } from './programmes.service';
import { Audited, byParam, byResultId } from '../audit/audit.decorator';

/** Comms programmes: everyone signed in reads; admins and planners plan and launch. */
@ApiTags('programmes')
@Controller('api/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiOperation({ summary: 'Programmes, newest first' })
  @ApiQuery({ name: 'segment_id', required: false })
  @ApiQuery({ name: 'goal_id', required: false })
  list(@ZodQuery(programmeListQuerySchema) query: z.output<typeof programmeListQuerySchema>) {
    return this.programmes.list(query);
  }

  @Audited('programme.create', byResultId('programme'))
  @Post()
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Create a draft programme: segment, grouping, content, channels, tactic, measure (and optionally a goal)' })
  create(@ZodBody(programmeCreateSchema) body: z.output<typeof programmeCreateSchema>, @Req() req: AuthedRequest) {
    return this.programmes.create(body, req.user?.email ?? 'unknown');
  }

  @Get(':id')
  @ApiOperation({ summary: 'One programme' })
  get(@Param('id') id: string) {
    return this.programmes.get(id);
  }

  @Audited('programme.update', byParam('programme'))
  @Put(':id')
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Edit a draft (409 once launched)' })
  update(@Param('id') id: string, @ZodBody(programmeUpdateSchema) body: z.output<typeof programmeUpdateSchema>) {
    return this.programmes.update(id, body);
  }

  @Audited('programme.delete', byParam('programme'))
  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Delete a draft (409 once launched)' })
  async remove(@Param('id') id: string) {
    await this.programmes.remove(id);
  }

  @Audited('programme.launch', byParam('programme'))
  @Post(':id/launch')
  @HttpCode(200)
  @Roles('admin', 'planner')
  @ApiOperation({ summary: 'Launch a draft; the forecast of this moment is kept with it' })
  launch(@Param('id') id: string, @Req() req: AuthedRequest) {
    return this.programmes.launch(id, { id: req.user!.id, email: req.user!.email });
  }

  @Get(':id/forecast')
  @ApiOperation({ summary: "Reach forecast: segment size (after privacy suppression) × the segment's read rate on the chosen channels" })
  forecast(@Param('id') id: string, @Req() req: AuthedRequest) {
    return this.programmes.forecast(id, req.user!.id);
  }

  @Get(':id/scorecard')
  @ApiOperation({ summary: 'The measure: actual against target over its period, with a weekly cumulative series' })
  scorecard(@Param('id') id: string) {
    return this.programmes.scorecard(id);
  }
}
