import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { hiddenReasonText } from '@hubpulse/contracts';
import { SUPPRESSED_MARK, formatAxisNumber, formatInteger } from '../../lib/format';
import { categoryAxisProps, useNarrowScreen } from '../shared/category-axis';
import { chartTheme } from '../shared/chart-theme';
import { ChartFigure } from '../shared/chart-figure';
import { HatchPattern, legendLabel, usePatternId } from '../shared/chart-patterns';
import { channelActivitySummary, channelActivityTable, type ChannelBar } from './channel-activity.transform';

interface ChannelActivityChartProps {
  bars: ChannelBar[];
  minGroupSize: number;
  height?: number;
}

/**
 * Events and active people per channel. The two differ by orders of magnitude, so each has its
 * own axis (events left, people right). A suppressed people count draws no bar at all. People bars
 * are striped, so the two series differ by texture as well as colour.
 */
export function ChannelActivityChart({ bars, minGroupSize, height = 260 }: ChannelActivityChartProps) {
  const axisTick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };
  const peopleFill = usePatternId('people-hatch');
  const narrow = useNarrowScreen();
  return (
    <ChartFigure name="Events and active people by channel" summary={channelActivitySummary(bars)} table={() => channelActivityTable(bars)} minGroupSize={minGroupSize}>
      {(a11y) => (
        <BarChart {...a11y} data={bars} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 0, bottom: 0, left: 0 }} barGap={2}>
          <HatchPattern id={peopleFill} color={chartTheme.secondary} />
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="label" {...categoryAxisProps(narrow, bars.map((b) => b.label))} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} />
          {/* Tick labels take their series' colour, so each axis says which bars it measures. */}
          <YAxis
            yAxisId="events"
            tickFormatter={formatAxisNumber}
            width={44}
            tick={{ ...axisTick, fill: chartTheme.primary }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            yAxisId="people"
            orientation="right"
            tickFormatter={formatAxisNumber}
            width={40}
            tick={{ ...axisTick, fill: chartTheme.secondary }}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
          />
          <Tooltip cursor={{ fill: chartTheme.cursor }} content={(props) => <ChannelTooltip {...props} minGroupSize={minGroupSize} />} />
          <Legend
            verticalAlign="top"
            align="right"
            height={28}
            iconType="square"
            iconSize={10}
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            formatter={legendLabel}
          />
          <Bar yAxisId="events" dataKey="events" name="Events" fill={chartTheme.primary} radius={[3, 3, 0, 0]} maxBarSize={28} />
          <Bar
            yAxisId="people"
            dataKey="activePeople"
            name="Active people"
            fill={`url(#${peopleFill})`}
            stroke={chartTheme.secondary}
            radius={[3, 3, 0, 0]}
            maxBarSize={28}
          />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function ChannelTooltip({ active, payload, minGroupSize }: TooltipContentProps & { minGroupSize: number }) {
  const bar = payload?.[0]?.payload as ChannelBar | undefined;
  if (!active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{bar.label}</p>
      <p>
        <span className="swatch" style={{ background: chartTheme.primary }} /> Events <strong>{bar.events === null ? SUPPRESSED_MARK : formatInteger(bar.events)}</strong>
      </p>
      {bar.events === null && <p className="chart-tooltip__muted">{hiddenReasonText(bar.eventsHidden, minGroupSize)}</p>}
      <p>
        <span className="swatch" style={{ background: chartTheme.secondary }} /> Active people{' '}
        <strong>{bar.activePeople === null ? SUPPRESSED_MARK : formatInteger(bar.activePeople)}</strong>
      </p>
      {bar.activePeople === null && <p className="chart-tooltip__muted">{hiddenReasonText(bar.peopleHidden, minGroupSize)}</p>}
    </div>
  );
}
