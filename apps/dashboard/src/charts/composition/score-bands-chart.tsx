import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatAxisNumber, formatInteger } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { ChartFigure, categoryFigure } from '../shared/chart-figure';
import type { TablePoint } from '../shared/chart-table';
import type { ScoreBar } from './composition.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

/** Members per band of the organisation's 0–100 engagement score. A hidden band draws no bar, never a 0. */
export function ScoreBandsChart({ bars, height = 180, minGroupSize }: { bars: ScoreBar[]; height?: number; minGroupSize: number }) {
  const points: TablePoint[] = bars.map((b) => ({ key: b.key, label: `Score ${b.label}`, value: b.count, hidden: b.count === null, reason: b.suppressed }));
  return (
    <ChartFigure {...categoryFigure('Members per engagement score band', 'Score band', 'Members', points, formatInteger)} minGroupSize={minGroupSize}>
      {(a11y) => (
        <BarChart {...a11y} data={bars} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap={3}>
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} interval={0} tickFormatter={(l: string) => l.split('–')[0]} />
          <YAxis width={40} tick={tick} tickLine={false} axisLine={false} tickFormatter={formatAxisNumber} allowDecimals={false} />
          <Tooltip content={BandTooltip} cursor={{ fill: chartTheme.grid, opacity: 0.5 }} />
          <Bar dataKey="count" name="Members" fill={chartTheme.secondary} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function BandTooltip({ active, payload }: TooltipContentProps) {
  const b = payload?.[0]?.payload as ScoreBar | undefined;
  if (!active || !b) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">Score {b.label}</p>
      <p>{b.count === null ? <span className="chart-tooltip__muted">Hidden for privacy</span> : <strong>{formatInteger(b.count)} members</strong>}</p>
    </div>
  );
}
