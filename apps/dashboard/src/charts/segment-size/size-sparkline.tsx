import { memo } from 'react';
import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatInteger } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { chartA11y } from '../shared/chart-figure';
import { sizeSummary, type SizePoint } from './segment-size.transform';

/** Size per run, as wide as its cell. No axes: the row states the current size. Hidden sizes are gaps. */
export const SizeSparkline = memo(function SizeSparkline({ points, height = 32 }: { points: SizePoint[]; height?: number }) {
  return (
    <LineChart {...chartA11y('Size per run', sizeSummary(points))} data={points} responsive style={{ width: '100%', height }} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
      {/* A flat series sits in the middle, not on the top edge. */}
      <YAxis hide domain={[(min: number) => min - Math.max(1, min * 0.05), (max: number) => max + Math.max(1, max * 0.05)]} />
      <Tooltip cursor={{ stroke: chartTheme.grid }} allowEscapeViewBox={{ x: false, y: true }} wrapperStyle={{ zIndex: 30 }} content={SparkTooltip} />
      <Line
        type="monotone"
        dataKey="size"
        stroke={chartTheme.primary}
        strokeWidth={1.75}
        dot={points.length <= 2 ? { r: 2 } : false}
        activeDot={{ r: 3 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
});

function SparkTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as SizePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">{point.label} UTC</p>
      <p>{point.size === null ? <span className="chart-tooltip__muted">Size hidden for privacy</span> : <strong>{formatInteger(point.size)} people</strong>}</p>
    </div>
  );
}
