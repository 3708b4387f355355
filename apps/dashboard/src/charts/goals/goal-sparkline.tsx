import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatMetricValue, formatMonth } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import type { SparkPoint } from './goals.transform';

interface GoalSparklineProps {
  points: SparkPoint[];
  unit: string;
  height?: number;
}

/** Monthly values (solid) against the target (dashed). No axes: the card states the numbers. */
export function GoalSparkline({ points, unit, height = 56 }: GoalSparklineProps) {
  return (
    <LineChart data={points} responsive style={{ width: '100%', height }} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
      <YAxis hide domain={['auto', 'auto']} />
      <Tooltip
        cursor={{ stroke: chartTheme.grid }}
        allowEscapeViewBox={{ x: false, y: true }}
        content={(props) => <SparkTooltip {...props} unit={unit} />}
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
      />
    </LineChart>
  );
}

function SparkTooltip({ active, payload, unit }: TooltipContentProps & { unit: string }) {
  const point = payload?.[0]?.payload as SparkPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">{formatMonth(point.period)}</p>
      <p>
        {formatMetricValue(point.value, unit)} <span className="chart-tooltip__muted">/ target {formatMetricValue(point.target, unit)}</span>
      </p>
    </div>
  );
}
