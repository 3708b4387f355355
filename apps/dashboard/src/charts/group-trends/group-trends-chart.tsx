import { Line } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatDay } from '../../lib/format';
import { seriesColor } from '../shared/chart-theme';
import { DayLineChart } from '../shared/day-line-chart';
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
  return (
    <DayLineChart points={points} height={height} tickCount={7} domain={domain} tooltip={(props) => <TrendsTooltip {...props} series={series} />} legend>
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
    </DayLineChart>
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
