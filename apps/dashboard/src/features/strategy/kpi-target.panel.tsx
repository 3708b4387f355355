import type { GoalDetailDto } from '@hubpulse/contracts';
import { forecastRangeText, formatChance, formatGoalValue } from '../../charts/goals/goals.transform';
import { KpiTargetChart } from '../../charts/goals/kpi-target-chart';
import { buildKpiChart } from '../../charts/goals/kpi-target.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState } from '../../charts/shared/chart-states';
import { formatMonth } from '../../lib/format';

/** The goal's KPI month by month against where it should be, the forecast band after the last value, and the rules beside the numbers. */
export function KpiTargetPanel({ goal }: { goal: GoalDetailDto }) {
  const fmt = (v: number, compact?: boolean) => formatGoalValue(v, goal, { compact: compact ?? Math.abs(v) >= 10_000 });
  const model = buildKpiChart(goal);
  const s = goal.status;
  const f = goal.forecast;
  const hasValues = goal.series.some((p) => p.actual !== null);
  return (
    <ChartPanel
      title="KPI against target"
      description={`${goal.metric_label} (${goal.unit}) each month against where it should be, and a forecast to ${formatMonth(goal.period_end)} — the shaded, dashed part is a forecast, not a measurement.`}
      className="panel--wide kpi-panel"
    >
      <dl className="key-figures">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--status badge--${s.status ?? 'none'}`}>{s.label ?? 'No status yet'}</span>
          </dd>
        </div>
        <div>
          <dt>Latest{s.as_of ? `, ${formatMonth(s.as_of)}` : ''}</dt>
          <dd>{s.latest === null ? '—' : fmt(s.latest)}</dd>
        </div>
        <div>
          <dt>Expected then</dt>
          <dd>{s.expected === null ? '—' : fmt(s.expected)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            {s.progress === null ? '—' : `${Math.round(s.progress * 100)}%`}
            {s.expected_progress !== null && <small> of {Math.round(s.expected_progress * 100)}% expected</small>}
          </dd>
        </div>
        <div>
          <dt>
            <span className="forecast-tag forecast-tag--small">Forecast</span> {f ? formatMonth(f.end.period) : ''}
          </dt>
          <dd>
            {f ? fmt(f.end.value) : '—'}
            {f && <small> {forecastRangeText(f.end, goal)}</small>}
          </dd>
        </div>
        <div>
          <dt>Chance of meeting the target</dt>
          <dd>{f ? formatChance(f.probability_of_meeting_target) : '—'}</dd>
        </div>
      </dl>

      {hasValues ? (
        <KpiTargetChart model={model} target={goal.target} format={fmt} />
      ) : (
        <EmptyState title="No KPI values yet" height={200}>
          Enter a month's value below, import a CSV file, or send values through the API.
        </EmptyState>
      )}
      {!f && goal.forecast_reason && <p className="panel__note">No forecast: {goal.forecast_reason}</p>}

      <div className="definitions definitions--row">
        <div>
          <h3 className="definitions__title">How status is decided</h3>
          <p>{s.rule}</p>
        </div>
        <div>
          <h3 className="definitions__title">Progress</h3>
          <p>{goal.progress_definition}</p>
        </div>
        <div>
          <h3 className="definitions__title">Forecast</h3>
          <p>
            {f
              ? `${f.method} Fitted on ${f.n} monthly values, ${formatMonth(f.fitted_from)} to ${formatMonth(f.fitted_to)}; trend ${fmt(f.slope_per_month, true)} a month.`
              : (goal.forecast_reason ?? 'No forecast.')}
          </p>
        </div>
      </div>
    </ChartPanel>
  );
}
