import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatAxisNumber, formatInteger, suppressedLabel } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { ChartFigure, categoryFigure } from '../shared/chart-figure';
import type { TablePoint } from '../shared/chart-table';
import type { HistogramBar } from './score-histogram.transform';

interface ScoreHistogramChartProps {
  bars: HistogramBar[];
  minGroupSize: number;
  /** People with a raw score above 0, for the share in the tooltip. */
  active: number | null;
  height?: number;
}

/** People per band of raw score (log-spaced bands). A hidden count draws no bar, never a 0. */
export function ScoreHistogramChart({ bars, minGroupSize, active, height = 260 }: ScoreHistogramChartProps) {
  const axisTick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };
  const median = bars.find((b) => b.hasMedian);
  const points: TablePoint[] = bars.map((b) => ({ key: b.label, label: b.label, value: b.people, hidden: b.people === null, reason: b.hiddenReason }));
  const figure = categoryFigure('People per band of raw score', 'Raw score', 'People', points, formatInteger);
  return (
    <ChartFigure {...figure} summary={median ? `${figure.summary} The median raw score falls in the band ${median.label}.` : figure.summary} minGroupSize={minGroupSize}>
      {(a11y) => (
        <BarChart {...a11y} data={bars} responsive style={{ width: '100%', height }} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={8} />
          <YAxis tickFormatter={formatAxisNumber} width={44} tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} />
          <Tooltip cursor={{ fill: chartTheme.cursor }} content={(props) => <HistogramTooltip {...props} minGroupSize={minGroupSize} active_={active} />} />
          {median && (
            <ReferenceLine
              x={median.label}
              stroke={chartTheme.danger}
              strokeDasharray="4 3"
              label={{ value: 'median', position: 'top', fill: chartTheme.danger, fontSize: 11 }}
            />
          )}
          <Bar dataKey="people" name="People" fill={chartTheme.primary} radius={[3, 3, 0, 0]} />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function HistogramTooltip({ active, payload, minGroupSize, active_ }: TooltipContentProps & { minGroupSize: number; active_: number | null }) {
  const bar = payload?.[0]?.payload as HistogramBar | undefined;
  if (!active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">Raw score {bar.label}</p>
      {bar.people === null ? (
        <p className="chart-tooltip__muted">Hidden: {suppressedLabel(minGroupSize)} people</p>
      ) : (
        <>
          <p>
            <strong>{formatInteger(bar.people)}</strong> people
          </p>
          {active_ !== null && active_ > 0 && (
            <p className="chart-tooltip__muted">{Math.round((bar.people / active_) * 1000) / 10}% of active people</p>
          )}
        </>
      )}
      {bar.hasMedian && <p className="chart-tooltip__muted">The median raw score falls in this band</p>}
    </div>
  );
}
