import {
  FORECAST_METHOD,
  GOAL_METRIC_LABELS,
  GOAL_STATUS_RULE,
  PROGRESS_DEFINITION,
  TARGET_TYPE_LABELS,
  type GoalCardDto,
  type GoalDto,
  type GoalLinkDto,
  type KpiValueDto,
  type KpiValueHistoryDto,
} from '@hubpulse/contracts';
import type { GoalEntity, GoalLinkEntity, GoalMonthlyTargetEntity, KpiValueEntity, KpiValueHistoryEntity } from '@hubpulse/database';
import { goalForecast, goalStatus, type GoalRuleInput } from './goal-rules';

/** Entities → the DTOs of goals.types.ts and goal-links.types.ts. */

export function toGoalDto(g: GoalEntity, targets: GoalMonthlyTargetEntity[]): GoalDto {
  return {
    id: g.id,
    name: g.name,
    metric: g.metric,
    metric_label: g.metric === 'custom' && g.customMetricName ? g.customMetricName : GOAL_METRIC_LABELS[g.metric],
    custom_metric_name: g.customMetricName,
    scope: g.scope,
    scope_value: g.scopeValue,
    scope_label: g.scope === 'organisation' ? 'Organisation' : `${g.scope === 'department' ? 'Department' : 'Location'}: ${g.scopeValue}`,
    unit_kind: g.unitKind,
    unit: g.unit,
    baseline: g.baseline,
    target: g.target,
    target_type: g.targetType,
    target_type_label: TARGET_TYPE_LABELS[g.targetType],
    period_start: g.periodStart,
    period_end: g.periodEnd,
    monthly_targets: targets.filter((t) => t.goalId === g.id).map((t) => ({ period: t.period, target: t.target })),
    owner: g.owner,
    created_by: g.createdBy,
    created_at: g.createdAt,
    updated_at: g.updatedAt ?? g.createdAt,
  };
}

export const ruleInput = (g: GoalDto): GoalRuleInput => ({
  baseline: g.baseline,
  target: g.target,
  target_type: g.target_type,
  period_start: g.period_start,
  period_end: g.period_end,
  monthly_targets: g.monthly_targets,
});

export const toKpiValueDto = (v: KpiValueEntity): KpiValueDto => ({ period: v.period, value: v.value, source: v.source, set_by: v.setBy, set_at: v.setAt, note: v.note });

export const toHistoryDto = (h: KpiValueHistoryEntity): KpiValueHistoryDto => ({
  period: h.period, value: h.value, source: h.source, set_by: h.setBy, set_at: h.setAt, note: h.note, change: h.change, replaced_by: h.replacedBy, replaced_at: h.replacedAt,
});

export function toCardDto(goal: GoalDto, values: KpiValueEntity[], links: number): GoalCardDto {
  const series = values.filter((v) => v.goalId === goal.id).map((v) => ({ period: v.period, value: v.value }));
  const { forecast, reason } = goalForecast(ruleInput(goal), series);
  const last = series.at(-1);
  return {
    ...goal,
    latest: last ? { period: last.period, value: last.value } : null,
    status: goalStatus(ruleInput(goal), series),
    forecast_end: forecast?.end ?? null,
    probability_of_meeting_target: forecast?.probability_of_meeting_target ?? null,
    forecast_reason: reason,
    sparkline: series,
    links,
  };
}

export const GOAL_TEXTS = { status_rule: GOAL_STATUS_RULE, progress_definition: PROGRESS_DEFINITION, forecast_method: FORECAST_METHOD };

interface AudienceNames {
  segments: Map<string, string>;
  programmes: Map<string, string>;
}

function audienceLabel(l: GoalLinkEntity, names: AudienceNames): string {
  switch (l.kind) {
    case 'segment':
      return `Segment: ${names.segments.get(l.segmentId!) ?? l.segmentId}`;
    case 'programme':
      return `Programme: ${names.programmes.get(l.programmeId!) ?? l.programmeId}`;
    case 'scope':
      if (l.scope === 'organisation') return 'Organisation';
      return `${l.scope === 'department' ? 'Department' : 'Location'}${l.scopeValues.length > 1 ? 's' : ''}: ${l.scopeValues.join(', ')}`;
  }
}

export const toLinkDto = (l: GoalLinkEntity, names: AudienceNames): GoalLinkDto => ({
  id: l.id,
  goal_id: l.goalId,
  kind: l.kind,
  segment_id: l.segmentId,
  programme_id: l.programmeId,
  scope: l.scope,
  scope_values: l.scopeValues,
  audience_label: audienceLabel(l, names),
  purpose: l.purpose,
  hypothesis: l.hypothesis,
  created_by: l.createdBy,
  created_at: l.createdAt,
  updated_at: l.updatedAt,
});
