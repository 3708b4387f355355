import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, NotFoundException, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { z } from 'zod';
import {
  goalCreateSchema,
  goalUpdateSchema,
  kpiValuePutSchema,
  kpiValuesBulkSchema,
  type GoalDetailDto,
  type GoalDto,
  type GoalListDto,
  type KpiBulkResultDto,
  type KpiHistoryDto,
  type KpiImportResultDto,
  type KpiSource,
  type KpiValueDto,
  type GoalSummary,
} from '@hubpulse/contracts';
import { addMonths } from '@hubpulse/analytics';
import { ALERT_JOB_OPTS, JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { GoalsRepository, ProgrammesRepository, SegmentDefinitionsRepository, type GoalEntity, type GoalFields, type KpiWrite } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';
import { parseOr400 } from '../common/zod.pipe';
import { goalForecast, goalProgress, goalSeries, goalStatus } from './goal-rules';
import { GOAL_TEXTS, ruleInput, toCardDto, toGoalDto, toHistoryDto, toKpiValueDto, toLinkDto } from './goal-dtos';
import type { KpiCsvReader } from './kpi-csv';

/** Values may go back this many months before the period starts (history for the trend). */
const KPI_HISTORY_MONTHS = 36;

/** Why a value for `period` cannot be stored on this goal, or null. */
function periodProblem(goal: Pick<GoalDto, 'period_start' | 'period_end'>, period: string, today = new Date().toISOString().slice(0, 10)): string | null {
  const thisMonth = `${today.slice(0, 7)}-01`;
  if (period > thisMonth) return `${period} is in the future (this month is ${thisMonth})`;
  if (period > addMonths(goal.period_end, 0)) return `${period} is after the goal's period ${goal.period_start}..${goal.period_end}`;
  if (period < addMonths(goal.period_start, -KPI_HISTORY_MONTHS)) return `${period} is more than ${KPI_HISTORY_MONTHS} months before the goal's period starts (${goal.period_start})`;
  return null;
}

/** Goals, their monthly targets and KPI values: CRUD, status, progress and forecast. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly repo: GoalsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly segments: SegmentDefinitionsRepository,
    @Optional() @InjectQueue(QueueName.Alerts) private readonly alerts?: Queue,
  ) {}

  /** After a write that may change a goal's status or forecast: its alerts are evaluated (alerts queue). */
  private async kpiChanged(goalId: string): Promise<void> {
    const data: JobPayloads[JobName.AlertsEvaluate] = { reason: 'kpi', goalId };
    await this.alerts?.add(JobName.AlertsEvaluate, data, ALERT_JOB_OPTS);
  }

  async list(): Promise<GoalListDto> {
    const [goals, targets, values, links] = await Promise.all([this.repo.listGoals(), this.repo.targets(), this.repo.values(), this.repo.links()]);
    return {
      ...GOAL_TEXTS,
      goals: goals.map((g) => toCardDto(toGoalDto(g, targets), values, links.filter((l) => l.goalId === g.id).length)),
    };
  }

  async goal(id: string): Promise<GoalDto> {
    const g = await this.repo.findGoal(id);
    if (!g) throw new NotFoundException(`goal ${id}: not found`);
    return toGoalDto(g, await this.repo.targets([id]));
  }

  async detail(id: string): Promise<GoalDetailDto> {
    const goal = await this.goal(id);
    const [values, links, programmes, historyCount] = await Promise.all([
      this.repo.values([id]),
      this.repo.links([id]),
      this.programmes.forGoals([id]),
      this.repo.historyCount(id),
    ]);
    const linkedProgrammes = new Set(links.map((l) => l.programmeId));
    const names = await this.audienceNames(
      links.flatMap((l) => (l.segmentId ? [l.segmentId] : [])),
      links.flatMap((l) => (l.programmeId ? [l.programmeId] : [])),
    );
    const series = values.map((v) => ({ period: v.period, value: v.value }));
    const { forecast, reason } = goalForecast(ruleInput(goal), series);
    return {
      ...goal,
      values: values.map(toKpiValueDto),
      status: goalStatus(ruleInput(goal), series),
      progress_definition: GOAL_TEXTS.progress_definition,
      forecast,
      forecast_reason: reason,
      series: goalSeries(ruleInput(goal), series, forecast),
      links: links.map((l) => toLinkDto(l, names)),
      programmes: programmes.map((p) => ({ id: p.id, name: p.name, status: p.status, launched_at: p.launchedAt, segment_id: p.segmentId, linked: linkedProgrammes.has(p.id) })),
      history_count: historyCount,
    };
  }

  /** Names of segments and programmes, for audience labels. */
  async audienceNames(segmentIds: string[], programmeIds: string[]): Promise<{ segments: Map<string, string>; programmes: Map<string, string> }> {
    const [segments, programmes] = await Promise.all([
      segmentIds.length ? this.segments.findMany(segmentIds) : [],
      programmeIds.length ? this.programmes.findMany(programmeIds) : [],
    ]);
    return { segments: new Map(segments.map((s) => [s.id, s.name])), programmes: new Map(programmes.map((p) => [p.id, p.name])) };
  }

  /** The goals as the overview shows them (GoalSummary). */
  async summaries(): Promise<GoalSummary[]> {
    const [goals, values, targets] = await Promise.all([this.repo.listGoals(), this.repo.values(), this.repo.targets()]);
    return goals.map((g) => {
      const monthly = new Map(targets.filter((t) => t.goalId === g.id).map((t) => [t.period, t.target]));
      const series = values.filter((v) => v.goalId === g.id).map((v) => ({ period: v.period, value: v.value, target: monthly.get(v.period) ?? null }));
      const last = series.at(-1);
      return {
        id: g.id,
        name: g.name,
        metric: g.metric,
        unit: g.unit,
        baseline: g.baseline,
        target: g.target,
        target_type: g.targetType,
        period_start: g.periodStart,
        period_end: g.periodEnd,
        latest: last ? { period: last.period, value: last.value } : null,
        progress: goalProgress(g.baseline, g.target, last?.value ?? null),
        values: series,
      };
    });
  }

  async create(input: z.output<typeof goalCreateSchema>, by: string): Promise<GoalDetailDto> {
    const id = await this.repo.createGoal(toFields(input), input.monthly_targets, by);
    return this.detail(id);
  }

  /** Merges the changes into the stored goal and checks the result as a whole. */
  async update(id: string, changes: z.output<typeof goalUpdateSchema>, _by: string): Promise<GoalDetailDto> {
    const current = await this.goal(id);
    const merged = {
      name: current.name, metric: current.metric, custom_metric_name: current.custom_metric_name, scope: current.scope, scope_value: current.scope_value,
      unit_kind: current.unit_kind, unit: current.unit, baseline: current.baseline, target: current.target, target_type: current.target_type,
      period_start: current.period_start, period_end: current.period_end, monthly_targets: current.monthly_targets, owner: current.owner,
      ...changes,
    };
    // Targets outside a changed period would now be refused: drop them unless new ones were sent.
    if (!changes.monthly_targets) merged.monthly_targets = merged.monthly_targets.filter((t) => t.period >= merged.period_start && t.period <= merged.period_end);
    if (changes.metric && changes.metric !== 'custom' && changes.custom_metric_name === undefined) merged.custom_metric_name = null;
    if (changes.scope === 'organisation' && changes.scope_value === undefined) merged.scope_value = null;
    const input = parseOr400(goalCreateSchema, merged);
    if (!(await this.repo.updateGoal(id, toFields(input), input.monthly_targets))) throw new NotFoundException(`goal ${id}: not found`);
    await this.kpiChanged(id);
    return this.detail(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repo.deleteGoal(id))) throw new NotFoundException(`goal ${id}: not found`);
  }

  // ── KPI values ──

  async putValue(id: string, period: string, input: z.output<typeof kpiValuePutSchema>, by: string): Promise<KpiValueDto> {
    const goal = await this.goal(id);
    const problem = periodProblem(goal, period);
    if (problem) throw new InvalidInputError([`period: ${problem}`]);
    const res = await this.repo.writeValues(id, [{ period, value: input.value, note: input.note ?? null }], 'entry', by);
    await this.kpiChanged(id);
    return toKpiValueDto(res.rows[0]);
  }

  async deleteValue(id: string, period: string, by: string): Promise<void> {
    await this.goal(id);
    if (!(await this.repo.deleteValue(id, period, by))) throw new NotFoundException(`goal ${id}: no value for ${period}`);
    await this.kpiChanged(id);
  }

  /** All stored or none: every problem is a 400 line naming values[i].field. */
  async bulk(id: string, input: z.output<typeof kpiValuesBulkSchema>, by: string): Promise<KpiBulkResultDto> {
    const goal = await this.goal(id);
    const problems: string[] = [];
    const first = new Map<string, number>();
    input.values.forEach((v, i) => {
      const problem = periodProblem(goal, v.period);
      if (problem) problems.push(`values[${i}].period: ${problem}`);
      if (first.has(v.period)) problems.push(`values[${i}].period: ${v.period} repeats values[${first.get(v.period)}]`);
      else first.set(v.period, i);
    });
    if (problems.length) throw new InvalidInputError(problems);
    const res = await this.repo.writeValues(id, input.values.map((v) => ({ period: v.period, value: v.value, note: v.note ?? null })), 'api', by);
    await this.kpiChanged(id);
    return { goal_id: id, created: res.created, updated: res.updated, unchanged: res.unchanged, values: res.rows.map(toKpiValueDto) };
  }

  /** CSV upload: a wrong header is a 400; bad rows are reported by line and column, good rows stored. */
  /** `readCsv` reads the request's CSV body; it is called once the goal is known to exist. */
  async importCsv(id: string, readCsv: () => Promise<KpiCsvReader>, filename: string, by: string): Promise<KpiImportResultDto> {
    const goal = await this.goal(id);
    const reader = await readCsv();
    const errors = [...reader.errors];
    const good: KpiWrite[] = [];
    for (const row of reader.rows) {
      const problem = periodProblem(goal, row.period);
      if (problem) errors.push({ line: row.line, column: 'period', message: problem });
      else good.push({ period: row.period, value: row.value, note: row.note ?? `${filename} line ${row.line}` });
    }
    errors.sort((a, b) => a.line - b.line);
    const source: KpiSource = 'import';
    const res = good.length ? await this.repo.writeValues(id, good, source, by) : { created: 0, updated: 0, unchanged: 0, rows: [] };
    if (good.length) await this.kpiChanged(id);
    return {
      goal_id: id,
      filename,
      rows: reader.read,
      stored: good.length,
      created: res.created,
      updated: res.updated,
      rejected: new Set(errors.map((e) => e.line)).size,
      errors,
    };
  }

  async history(id: string): Promise<KpiHistoryDto> {
    await this.goal(id);
    return { goal_id: id, history: (await this.repo.history(id)).map(toHistoryDto) };
  }
}

function toFields(input: ReturnType<typeof goalCreateSchema.parse>): GoalFields {
  return {
    name: input.name,
    metric: input.metric,
    customMetricName: input.custom_metric_name ?? null,
    scope: input.scope,
    scopeValue: input.scope === 'organisation' ? null : (input.scope_value ?? null),
    unitKind: input.unit_kind,
    unit: input.unit,
    baseline: input.baseline,
    target: input.target,
    targetType: input.target_type,
    periodStart: input.period_start,
    periodEnd: input.period_end,
    owner: input.owner || null,
  } satisfies Omit<GoalEntity, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;
}
