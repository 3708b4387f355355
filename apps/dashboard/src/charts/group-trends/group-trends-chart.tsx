import { Line } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatDay } from '../../lib/format';
import { seriesColor } from '../shared/chart-theme';
import { ChartFigure } from '../shared/chart-figure';
import { DayLineChart } from '../shared/day-line-chart';
import { seriesDash, trendHidden, trendsSummary, trendsTable, type TrendPoint, type TrendSeries } from './group-trends.transform';

interface GroupTrendsChartProps {
  series: (TrendSeries & { color?: string })[];
  points: TrendPoint[];
  height?: number;
  /** y-axis range; 0–100 unless the caller zooms in (see trendDomain). */
  domain?: [number, number];
  /** The chart's accessible name and its table's caption. */
  name?: string;
  /** What every line measures, for the summary ("Daily mean score"). */
  what?: string;
  /** A value as the summary and the table write it (one decimal unless told). */
  format?: (n: number) => string;
  /** For the hidden marks of the table. */
  minGroupSize?: number;
}

/**
 * Daily values of each chosen group, a line each, told apart by dash as well as colour, with a
 * summary and a "View as table". Gaps are days without a shown value; the tooltip and the table say
 * which were hidden for privacy.
 */
export function GroupTrendsChart({ series, points, height = 300, domain = [0, 100], name = 'Daily mean score by group', what = 'Daily mean score', format, minGroupSize = 5 }: GroupTrendsChartProps) {
  return (
    <ChartFigure name={name} summary={trendsSummary(what, series, points, format)} table={() => trendsTable(name, series, points, format)} minGroupSize={minGroupSize}>
      {(a11y) => (
        <DayLineChart a11y={a11y} points={points} height={height} tickCount={7} domain={domain} tooltip={(props) => <TrendsTooltip {...props} series={series} />} legend>
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.dataKey}
              name={s.label}
              stroke={s.color ?? seriesColor(i)}
              strokeDasharray={seriesDash(i)}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              activeDot={{ r: 3.5 }}
            />
          ))}
        </DayLineChart>
      )}
    </ChartFigure>
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
          {v !== null ? <strong>{v.toFixed(1)}</strong> : <span className="chart-tooltip__muted">{trendHidden(point, s.dataKey) ? 'hidden for privacy' : 'no score'}</span>}
        </p>
      ))}
    </div>
  );
}
