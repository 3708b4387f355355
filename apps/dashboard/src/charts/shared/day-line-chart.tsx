import type { ReactNode } from 'react';
import { CartesianGrid, Legend, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatShortDay } from '../../lib/format';
import { chartTheme } from './chart-theme';
import type { ChartA11yProps } from './chart-figure';
import { legendLabel } from './chart-patterns';
import { pickDayTicks } from './day-ticks';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

interface DayLineChartProps {
  /** One point per day, keyed `day` (YYYY-MM-DD), with the lines' values beside it. */
  points: readonly { day: string }[];
  height: number;
  /** About how many days the x axis names. */
  tickCount: number;
  /** y-axis range; on 0–100 the ticks are the quarters. */
  domain?: [number, number];
  tooltip: (props: TooltipContentProps) => ReactNode;
  /** A legend of the lines above the plot. */
  legend?: boolean;
  /** The chart's name and text alternative (from ChartFigure). */
  a11y?: ChartA11yProps;
  /** The <Line>s. */
  children: ReactNode;
}

/** The frame of every daily line chart: day axis below, 0–100 (or a zoomed range) at the left, a tooltip per day. */
export function DayLineChart({ points, height, tickCount, domain = [0, 100], tooltip, legend, a11y, children }: DayLineChartProps) {
  const quarters = domain[0] === 0 && domain[1] === 100;
  return (
    <LineChart {...a11y} data={points as { day: string }[]} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis
        dataKey="day"
        ticks={pickDayTicks(points, tickCount)}
        tickFormatter={formatShortDay}
        tick={tick}
        tickLine={false}
        axisLine={{ stroke: chartTheme.grid }}
        minTickGap={16}
      />
      <YAxis domain={domain} ticks={quarters ? [0, 25, 50, 75, 100] : undefined} allowDataOverflow width={36} tick={tick} tickLine={false} axisLine={false} />
      <Tooltip content={tooltip} />
      {legend && <Legend verticalAlign="top" align="left" height={32} iconType="plainline" iconSize={24} wrapperStyle={{ fontSize: 12 }} formatter={legendLabel} />}
      {children}
    </LineChart>
  );
}
