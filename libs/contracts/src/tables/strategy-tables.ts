import type { ViewTable } from '../exports.types';
import type { LinkAnalysisDto } from '../goal-links.types';
import type { GoalDetailDto, KpiHistoryDto } from '../goals.types';
import type { StrategyOverviewDto } from '../strategy.types';
import { col, dayOf, finishTable, plainTable, shown, utcTime, type DraftCell } from './view-table';

/**
 * Strategy → a goal's panels and the purposes scorecard as tables, from the DTOs the pages draw.
 * KPI values are the organisation's own figures (not counts of people): nothing is hidden in them.
 */

const GOAL_COLUMNS = [col('goal_id', 'string', 'Goal id'), col('goal', 'string', 'Goal name')];
const VALUE_COLUMNS = [
  col('period', 'date', 'Month (its first day)'),
  col('value', 'float', 'The KPI value of the month'),
  col('unit', 'string', "The goal's unit (a currency code or a label)"),
];
const SET_COLUMNS = [
  col('source', 'string', 'entry (typed in), api, import (CSV) or demo'),
  col('set_by', 'string', 'Who set it (email), or demo'),
  col('set_at', 'datetime', 'When it was set'),
  col('note', 'string', 'Note given with the value (for imports: file and line)'),
];

/** Goal → KPI values: one row per month with a value, oldest first, with its month's target. */
export function kpiValuesTable(goal: Pick<GoalDetailDto, 'id' | 'name' | 'values' | 'unit' | 'monthly_targets'>): ViewTable {
  const targets = new Map(goal.monthly_targets.map((t) => [t.period, t.target]));
  return plainTable(
    [...GOAL_COLUMNS, ...VALUE_COLUMNS, col('month_target', 'float', "The month's target, if one was set"), ...SET_COLUMNS],
    [...goal.values].sort((a, b) => a.period.localeCompare(b.period)).map((v) => [goal.id, goal.name, dayOf(v.period), v.value, goal.unit, targets.get(v.period) ?? null, v.source, v.set_by, utcTime(v.set_at), v.note]),
  );
}

/** Goal → value history: overwritten and deleted values, newest change first. */
export function kpiHistoryTable(dto: KpiHistoryDto, goal: Pick<GoalDetailDto, 'name' | 'unit'>): ViewTable {
  return plainTable(
    [
      ...GOAL_COLUMNS,
      ...VALUE_COLUMNS,
      ...SET_COLUMNS,
      col('change', 'string', 'overwritten (a new value replaced it) or deleted'),
      col('replaced_by', 'string', 'Who replaced or deleted it'),
      col('replaced_at', 'datetime', 'When'),
    ],
    dto.history.map((h) => [dto.goal_id, goal.name, dayOf(h.period), h.value, goal.unit, h.source, h.set_by, utcTime(h.set_at), h.note, h.change, h.replaced_by, utcTime(h.replaced_at)]),
  );
}

/** Goal → link analysis: every engagement series × lag × method, as the correlations table shows them. */
export function linkCorrelationsTable(dto: LinkAnalysisDto): ViewTable {
  return finishTable(
    [
      ...GOAL_COLUMNS,
      col('link_id', 'string', 'The link (audience and hypothesis)'),
      col('audience', 'string', 'The linked audience'),
      col('series', 'string', "Engagement series: mean_score or a purpose's reach"),
      col('lag_months', 'int', 'KPI month = engagement month + lag'),
      col('method', 'string', 'pearson or spearman'),
      col('n', 'int', 'Months paired'),
      col('estimate', 'float', 'Correlation coefficient'),
      col('ci95_low', 'float', 'Lower end of the 95% interval'),
      col('ci95_high', 'float', 'Upper end of the 95% interval'),
      col('p_value', 'float', 'p value (not corrected for the many comparisons)'),
      col('not_computed_because', 'string', 'Why it was not computed'),
      col('caveat', 'string', 'Correlation, not proof'),
    ],
    dto.correlations.flatMap((c) =>
      [c.pearson, c.spearman].map((x): DraftCell[] => [
        dto.goal.id, dto.goal.name, dto.link.id, dto.link.audience_label, c.series, c.lag, x.method, x.n, x.estimate, x.ci95?.[0] ?? null, x.ci95?.[1] ?? null, x.p_value, x.reason, dto.caveat,
      ]),
    ),
    dto.min_group_size,
  );
}

/** Strategy overview → the five purposes: organisation and each department, one row per group and purpose. */
export function purposeScorecardTable(dto: Pick<StrategyOverviewDto, 'scorecard' | 'min_group_size'>): ViewTable {
  const { day, window_days, purposes } = dto.scorecard;
  return finishTable(
    [
      col('day', 'date', 'The day of the indices (the newest with purpose indices)'),
      col('group', 'string', 'Organisation, or a department'),
      col('purpose', 'string', 'The purpose'),
      col('value_percent', 'float', 'The purpose index on the day, 0–100'),
      col(`change_points`, 'float', `Change against ${window_days} days earlier, in points`),
      col('not_available_because', 'string', 'Why there is no value (other than privacy, which the note says)'),
    ],
    purposes.flatMap((p) => [
      [dayOf(day), 'Organisation', p.purpose, shown(p.organisation.value, p.organisation.hidden_reason), shown(p.organisation.change, p.organisation.hidden_reason), p.organisation.value === null && !p.organisation.hidden_reason ? (p.unavailable_reason ?? p.organisation.reason) : null],
      ...p.departments.map((d): DraftCell[] => {
        const reason = d.hidden_reason ?? (d.suppressed ? 'below_minimum' : null);
        return [dayOf(day), d.department, p.purpose, shown(d.value, reason), shown(d.change, reason), null];
      }),
    ]),
    dto.min_group_size,
  );
}
