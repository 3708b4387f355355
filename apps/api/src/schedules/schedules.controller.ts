import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { scheduleCreateSchema, scheduleUpdateSchema, type ScheduleCreate, type ScheduleUpdate } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Audited, byParam, byResultId } from '../audit/audit.decorator';
import { openApiSchema, ZodBody, ZodParam } from '../common/zod.pipe';
import { SchedulesService } from './schedules.service';

const id = z.string().trim().min(1, 'is required').max(36, 'must be at most 36 characters');

/** Scheduled reports (Reports → Schedules): every signed-in role schedules the saved views it may open. */
@ApiTags('schedules')
@ApiCookieAuth()
@Controller('api/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @ApiOperation({ summary: 'Your schedules (an admin: everyone’s), by name; webhooks by host only' })
  list(@Req() req: AuthedRequest) {
    return this.schedules.list(req.user!);
  }

  @Get('recipients')
  @ApiOperation({ summary: 'Who a schedule may mail: the active Hubpulse users, with their roles (the form checks each against the views’ pages)' })
  recipients() {
    return this.schedules.recipients();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One schedule' })
  @ApiResponse({ status: 404, description: 'Deleted, or someone else’s' })
  get(@ZodParam('id', id) scheduleId: string, @Req() req: AuthedRequest) {
    return this.schedules.get(scheduleId, req.user!);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery history, newest first: each mail and webhook post with its status, attempts and last error' })
  history(@ZodParam('id', id) scheduleId: string, @Req() req: AuthedRequest) {
    return this.schedules.history(scheduleId, req.user!);
  }

  @Audited('schedule.create', byResultId('schedule'), (c) => summary(c.body))
  @Post()
  @ApiOperation({ summary: 'Schedule saved views: daily, weekly or monthly at a local time in an IANA time zone, to users and/or Slack/Teams/JSON webhooks, with CSV/XLSX/PDF files' })
  @ApiBody({ schema: openApiSchema(scheduleCreateSchema) })
  create(@ZodBody(scheduleCreateSchema) body: ScheduleCreate, @Req() req: AuthedRequest) {
    return this.schedules.create(body, req.user!);
  }

  @Audited('schedule.update', byParam('schedule'), (c) => summary(c.body))
  @Patch(':id')
  @ApiOperation({ summary: 'Change, pause (paused: true) or resume your schedule; webhooks replace the stored ones when given' })
  @ApiBody({ schema: openApiSchema(scheduleUpdateSchema) })
  update(@ZodParam('id', id) scheduleId: string, @ZodBody(scheduleUpdateSchema) body: ScheduleUpdate, @Req() req: AuthedRequest) {
    return this.schedules.update(scheduleId, body, req.user!);
  }

  @Audited('schedule.send', byParam('schedule'))
  @Post(':id/send')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send now, even if nothing changed; answers with this run’s deliveries' })
  send(@ZodParam('id', id) scheduleId: string, @Req() req: AuthedRequest) {
    return this.schedules.sendNow(scheduleId, req.user!);
  }

  @Audited('schedule.delete', byParam('schedule'))
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule and its history (its owner, or an admin)' })
  async remove(@ZodParam('id', id) scheduleId: string, @Req() req: AuthedRequest) {
    await this.schedules.remove(scheduleId, req.user!);
  }
}

/** What the audit log keeps of a schedule body: everything but webhook URLs, whose paths are secrets. */
function summary(body: unknown): Record<string, unknown> {
  const b = { ...((body ?? {}) as Record<string, unknown>) };
  if (Array.isArray(b.webhooks)) b.webhooks = (b.webhooks as { kind?: string; url?: string }[]).map((w) => ({ kind: w?.kind, host: typeof w?.url === 'string' && URL.canParse(w.url) ? new URL(w.url).host : null }));
  return b;
}
