import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { chartTheme } from '../shared/chart-theme';
import { chartSize, usePrinting } from '../shared/use-printing';
import { ChartFigure } from '../shared/chart-figure';
import { legendLabel } from '../shared/chart-patterns';
import { MONTHS, summarizeSeries, summarizeSeriesSet } from '../shared/chart-summary';
import { pointsTable, valueCell } from '../shared/chart-table';
import type { DidModel, LinkMonthPoint } from './link-analysis.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

interface SmallMultipleProps {
  points: LinkMonthPoint[];
  dataKey: 'kpi' | 'engagement';
  title: string;
  color: string;
  format: (v: number) => string;
  /** Synchronises the hover between the two charts of a pair. */
  syncId: string;
  domain?: [number, number];
  height?: number;
}

/** One monthly series with its own axis; two of them side by side share the months and the hover. */
export function MonthlySeriesChart({ points, dataKey, title, color, format, syncId, domain, height = 200 }: SmallMultipleProps) {
  const printing = usePrinting();
  // A month without a value may be hidden or not yet counted (the tooltip's note says which): neither is guessed.
  const values = points.map((p) => ({ key: p.period, label: p.label, value: p[dataKey] }));
  return (
    <figure className="small-multiple">
      <figcaption className="small-multiple__title">{title}</figcaption>
      <ChartFigure name={title} summary={summarizeSeries({ what: title, points: values, format, noun: MONTHS })} table={() => pointsTable(title, 'Month', title, values, format, 'no value')} minGroupSize={0}>
        {(a11y) => (
          <LineChart {...a11y} data={points} syncId={syncId} {...chartSize(printing, height)} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
            <CartesianGrid vertical={false} stroke={chartTheme.grid} />
            <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={10} />
            <YAxis width={56} tick={tick} tickLine={false} axisLine={false} domain={domain ?? ['auto', 'auto']} tickFormatter={(v: number) => format(v)} />
            <Tooltip content={(p) => <MonthTooltip {...p} title={title} format={format} dataKey={dataKey} />} />
            <Line type="linear" dataKey={dataKey} name={title} stroke={color} strokeWidth={2} dot={{ r: 3, fill: color }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        )}
      </ChartFigure>
    </figure>
  );
}

function MonthTooltip({ active, payload, title, format, dataKey }: TooltipContentProps & { title: string; format: (v: number) => string; dataKey: 'kpi' | 'engagement' }) {
  const p = payload?.[0]?.payload as LinkMonthPoint | undefined;
  if (!active || !p) return null;
  const v = p[dataKey];
  return (
    <div className="chart-tooltip chart-tooltip--wrap">
      <p className="chart-tooltip__title">{p.label}</p>
      <p>
        {title}: {v === null ? <span className="chart-tooltip__muted">no value</span> : <strong>{format(v)}</strong>}
      </p>
      {dataKey === 'engagement' && p.note && <p className="chart-tooltip__muted">{p.note}</p>}
    </div>
  );
}

/** Difference in differences: each group's monthly mean score around launch, to judge whether they moved alike before it. */
export function DidTrendChart({ model, height = 200 }: { model: DidModel; height?: number }) {
  const printing = usePrinting();
  const lines = [
    { name: 'Targeted', key: 'treated' as const },
    { name: 'Comparison', key: 'control' as const },
  ];
  const summary = `${summarizeSeriesSet({ what: 'Monthly mean score', series: lines.map((l) => ({ name: l.name, points: model.monthly.map((m) => ({ label: m.label, value: m[l.key] })) })), format: (n) => n.toFixed(1), noun: MONTHS })} Launch: ${model.launchLabel}.`;
  const table = () => ({
    caption: 'Monthly mean score of the targeted and the comparison group',
    rowHeader: 'Month',
    columns: lines.map((l) => ({ label: l.name, numeric: true })),
    rows: model.monthly.map((m) => ({ key: m.period, label: m.label === model.launchLabel ? `${m.label} (launch)` : m.label, cells: lines.map((l) => valueCell(m[l.key], (n) => n.toFixed(1), undefined, 'no value')) })),
  });
  return (
    <ChartFigure name="Targeted and comparison group around launch" summary={summary} table={table} minGroupSize={0}>
      {(a11y) => (
        <LineChart {...a11y} data={model.monthly} {...chartSize(printing, height)} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} />
          <YAxis width={40} tick={tick} tickLine={false} axisLine={false} domain={['auto', 'auto']} />
          <Tooltip />
          <Legend verticalAlign="top" height={24} iconType="plainline" iconSize={24} formatter={legendLabel} />
          <ReferenceLine x={model.launchLabel} stroke={chartTheme.axis} strokeDasharray="3 3" label={{ value: 'Launch', position: 'insideTopLeft', fill: chartTheme.axis, fontSize: 11 }} />
          <Line type="linear" dataKey="treated" name="Targeted" stroke={chartTheme.primary} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          <Line type="linear" dataKey="control" name="Comparison" stroke={chartTheme.target} strokeWidth={2} strokeDasharray="5 4" dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      )}
    </ChartFigure>
  );
}
