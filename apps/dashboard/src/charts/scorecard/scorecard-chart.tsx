import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { ProgrammeMetric } from '@hubpulse/contracts';
import { formatDay } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { ChartFigure } from '../shared/chart-figure';
import { WEEKS, summarizeSeries } from '../shared/chart-summary';
import { textCell, valueCell } from '../shared/chart-table';
import { METRIC_LABELS, type ScorecardPoint, formatMeasure } from './scorecard.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

/** The measure per week, cumulative from the start of the period, against the target (dashed). */
export function ScorecardChart({ points, metric, target, max, height = 240, minGroupSize }: { points: ScorecardPoint[]; metric: ProgrammeMetric; target: number; max: number; height?: number; minGroupSize: number }) {
  const format = (v: number) => formatMeasure(metric, v);
  const what = `${METRIC_LABELS[metric]}, cumulative`;
  // A week without a value is "hidden or no data": the points do not say which, so neither is claimed.
  const summary = `${summarizeSeries({ what, points: points.map((p) => ({ label: `week of ${formatDay(p.week)}`, value: p.value })), format, noun: WEEKS })} Target ${format(target)}.`;
  const table = () => ({
    caption: `${what}, by week, against the target`,
    rowHeader: 'Week of',
    columns: [
      { label: 'Actual', numeric: true },
      { label: 'Target', numeric: true },
    ],
    rows: points.map((p) => ({ key: p.week, label: formatDay(p.week), cells: [valueCell(p.value, format, undefined, 'hidden or no data'), textCell(format(p.target))] })),
  });
  return (
    <ChartFigure name="Scorecard: actual against target, by week" summary={summary} table={table} minGroupSize={minGroupSize}>
      {(a11y) => (
        <LineChart {...a11y} data={points} responsive style={{ width: '100%', height }} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
          <YAxis domain={[0, max]} width={48} tick={tick} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatMeasure(metric, v)} />
          <ReferenceLine y={target} stroke={chartTheme.target} strokeDasharray="5 4" label={{ value: `target ${formatMeasure(metric, target)}`, position: 'insideTopRight', fill: chartTheme.axis, fontSize: 11 }} />
          <Tooltip content={(p) => <WeekTooltip {...p} metric={metric} />} />
          <Line type="monotone" dataKey="value" name="Actual" stroke={chartTheme.primary} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      )}
    </ChartFigure>
  );
}

function WeekTooltip({ active, payload, metric }: TooltipContentProps & { metric: ProgrammeMetric }) {
  const p = payload?.[0]?.payload as ScorecardPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">Week of {formatDay(p.week)}</p>
      <p>{p.value === null ? <span className="chart-tooltip__muted">hidden or no data</span> : <strong>{formatMeasure(metric, p.value)}</strong>} <span className="chart-tooltip__muted">/ target {formatMeasure(metric, p.target)}</span></p>
    </div>
  );
}
