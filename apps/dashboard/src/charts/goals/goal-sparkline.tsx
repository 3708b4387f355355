import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatMonth } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { chartA11y } from '../shared/chart-figure';
import { MONTHS, summarizeSeries } from '../shared/chart-summary';
import type { SparkPoint } from './goals.transform';

interface GoalSparklineProps {
  points: SparkPoint[];
  /** A value in the goal's unit. */
  format: (value: number) => string;
  height?: number;
  /** The goal's name, for the image's accessible name. */
  goal: string;
}

/** Monthly values (solid) against the target (dashed). No axes: the card states the numbers; the image's description tells the course. */
export function GoalSparkline({ points, format, height = 56, goal }: GoalSparklineProps) {
  const summary = summarizeSeries({ what: 'Monthly values', points: points.map((p) => ({ label: formatMonth(p.period), value: p.value })), format, noun: MONTHS });
  return (
    <LineChart {...chartA11y(`Monthly course of ${goal}`, summary)} data={points} responsive style={{ width: '100%', height }} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
      <YAxis hide domain={['auto', 'auto']} />
      <Tooltip
        cursor={{ stroke: chartTheme.grid }}
        allowEscapeViewBox={{ x: false, y: true }}
        content={(props) => <SparkTooltip {...props} format={format} />}
      />
      <Line
        type="linear"
        dataKey="target"
        name="Target"
        stroke={chartTheme.target}
        strokeDasharray="4 3"
        strokeWidth={1.5}
        dot={false}
        activeDot={false}
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="value"
        name="Value"
        stroke={chartTheme.primary}
        strokeWidth={2}
        dot={points.length === 1 ? { r: 2.5 } : false}
        activeDot={{ r: 3 }}
        // Drawn at once: a card may be printed or photographed right after it loads.
        isAnimationActive={false}
      />
    </LineChart>
  );
}

function SparkTooltip({ active, payload, format }: TooltipContentProps & { format: (value: number) => string }) {
  const point = payload?.[0]?.payload as SparkPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">{formatMonth(point.period)}</p>
      <p>
        {format(point.value)} {point.target !== null && <span className="chart-tooltip__muted">/ target {format(point.target)}</span>}
      </p>
    </div>
  );
}
