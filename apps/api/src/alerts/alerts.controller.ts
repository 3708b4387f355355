import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ALERT_RULE_TEXT, alertCreateSchema, alertUpdateSchema, type AlertCreate, type AlertDto, type AlertHistoryDto, type AlertOptionsDto, type AlertUpdate } from '@hubpulse/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { Audited, byParam, byResultId } from '../audit/audit.decorator';
import { Roles } from '../common/public.decorator';
import { ZodBody, ZodParam } from '../common/zod.pipe';
import { AlertsService } from './alerts.service';

const id = z.string().trim().min(1, 'is required').max(36, 'must be at most 36 characters');

/** Alerts for leadership (Reports → Alerts): admins, leaders and planners; goal alerts for admins and leaders. */
@ApiTags('alerts')
@ApiCookieAuth()
@Controller('api/alerts')
@Roles('admin', 'leader', 'planner')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Every alert with its condition, current state (ok, firing, resolved) and last value', description: ALERT_RULE_TEXT })
  list(@Req() req: AuthedRequest): Promise<AlertDto[]> {
    return this.alerts.list(req.user!);
  }

  @Get('options')
  @ApiOperation({ summary: 'What an alert may watch: the goals, and the departments and locations with purpose indices' })
  options(@Req() req: AuthedRequest): Promise<AlertOptionsDto> {
    return this.alerts.options(req.user!);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert' })
  get(@ZodParam('id', id) alertId: string, @Req() req: AuthedRequest): Promise<AlertDto> {
    return this.alerts.get(alertId, req.user!);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "An alert's transitions (firing, changed, resolved) and its deliveries, newest first" })
  history(@ZodParam('id', id) alertId: string): Promise<AlertHistoryDto> {
    return this.alerts.history(alertId);
  }

  @Audited('alert.create', byResultId('alert'), ({ result }) => auditDetails(result))
  @Post()
  @ApiOperation({ summary: 'Create an alert: a goal status, a goal’s chance of meeting its target, or a purpose index of the organisation or a group; a 400 names each bad field', description: ALERT_RULE_TEXT })
  @ApiResponse({ status: 403, description: 'A planner asked for a goal alert (leadership’s)' })
  create(@ZodBody(alertCreateSchema) body: AlertCreate, @Req() req: AuthedRequest): Promise<AlertDto> {
    return this.alerts.create(body, req.user!);
  }

  @Audited('alert.update', byParam('alert'), ({ result }) => auditDetails(result))
  @Patch(':id')
  @ApiOperation({ summary: 'Change an alert (its owner or an admin); the result is checked as a whole; webhooks, when given, replaces the list' })
  update(@ZodParam('id', id) alertId: string, @ZodBody(alertUpdateSchema) body: AlertUpdate, @Req() req: AuthedRequest): Promise<AlertDto> {
    return this.alerts.update(alertId, body, req.user!);
  }

  @Audited('alert.delete', byParam('alert'))
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert with its history (its owner or an admin)' })
  async remove(@ZodParam('id', id) alertId: string, @Req() req: AuthedRequest): Promise<void> {
    await this.alerts.remove(alertId, req.user!);
  }
}

/** What an alert is: never a webhook's URL (its path is a secret), only hosts. */
function auditDetails(result: unknown): Record<string, unknown> {
  const a = result as AlertDto | undefined;
  return { name: a?.name, condition: a?.condition, cooldown_hours: a?.cooldown_hours, enabled: a?.enabled, recipients: a?.recipients.map((r) => r.email).join(', '), webhooks: a?.webhooks.map((w) => `${w.kind} ${w.target}`).join(', ') };
}
