import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { ProgrammeMetric } from '@hubpulse/contracts';
import { formatDay } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { type ScorecardPoint, formatMeasure } from './scorecard.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

/** The measure per week, cumulative from the start of the period, against the target (dashed). */
export function ScorecardChart({ points, metric, target, max, height = 240 }: { points: ScorecardPoint[]; metric: ProgrammeMetric; target: number; max: number; height?: number }) {
  return (
    <LineChart data={points} responsive style={{ width: '100%', height }} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
      <YAxis domain={[0, max]} width={48} tick={tick} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatMeasure(metric, v)} />
      <ReferenceLine y={target} stroke={chartTheme.target} strokeDasharray="5 4" label={{ value: `target ${formatMeasure(metric, target)}`, position: 'insideTopRight', fill: chartTheme.axis, fontSize: 11 }} />
      <Tooltip content={(p) => <WeekTooltip {...p} metric={metric} />} />
      <Line type="monotone" dataKey="value" name="Actual" stroke={chartTheme.primary} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
    </LineChart>
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
