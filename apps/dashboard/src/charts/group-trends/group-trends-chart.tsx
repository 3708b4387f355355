import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatDay, formatShortDay } from '../../lib/format';
import { pickDayTicks } from '../engagement/engagement.transform';
import { chartTheme, seriesColor } from '../shared/chart-theme';
import type { TrendPoint, TrendSeries } from './group-trends.transform';

interface GroupTrendsChartProps {
  series: (TrendSeries & { color?: string })[];
  points: TrendPoint[];
  height?: number;
  /** y-axis range; 0–100 unless the caller zooms in (see trendDomain). */
  domain?: [number, number];
}

/** Daily mean 0–100 score of each chosen group. Gaps are days without a shown mean. */
export function GroupTrendsChart({ series, points, height = 300, domain = [0, 100] }: GroupTrendsChartProps) {
  const ticks = pickDayTicks(points, 7);
  return (
    <LineChart data={points} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis
        dataKey="day"
        ticks={ticks}
        tickFormatter={formatShortDay}
        tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }}
        tickLine={false}
        axisLine={{ stroke: chartTheme.grid }}
        minTickGap={16}
      />
      <YAxis
        domain={domain}
        ticks={domain[0] === 0 && domain[1] === 100 ? [0, 25, 50, 75, 100] : undefined}
        allowDataOverflow
        width={36}
        tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }}
        tickLine={false}
        axisLine={false}
      />
      <Tooltip content={(props) => <TrendsTooltip {...props} series={series} />} />
      <Legend verticalAlign="top" align="left" height={32} iconType="plainline" iconSize={14} wrapperStyle={{ fontSize: 12 }} />
      {series.map((s, i) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.dataKey}
          name={s.label}
          stroke={s.color ?? seriesColor(i)}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          activeDot={{ r: 3.5 }}
        />
      ))}
    </LineChart>
  );
}

function TrendsTooltip({ active, payload, label, series }: TooltipContentProps & { series: (TrendSeries & { color?: string })[] }) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  const rows = series
    .map((s, i) => ({ s, i, v: point[s.dataKey] as number | null }))
    .sort((a, b) => (b.v ?? -1) - (a.v ?? -1));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatDay(String(label ?? point.day))}</p>
      {rows.map(({ s, i, v }) => (
        <p key={s.key}>
          <span className="swatch" style={{ background: s.color ?? seriesColor(i) }} /> {s.label}{' '}
          {v === null ? <span className="chart-tooltip__muted">no score</span> : <strong>{v.toFixed(1)}</strong>}
        </p>
      ))}
    </div>
  );
}
