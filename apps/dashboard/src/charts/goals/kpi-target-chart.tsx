import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { chartTheme } from '../shared/chart-theme';
import { chartSize, usePrinting } from '../shared/use-printing';
import { ChartFigure } from '../shared/chart-figure';
import { HatchPattern, usePatternId } from '../shared/chart-patterns';
import { kpiChartSummary, kpiChartTable, type KpiChartModel, type KpiChartPoint } from './kpi-target.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };

interface KpiTargetChartProps {
  model: KpiChartModel;
  target: number;
  /** A value in the goal's unit, full or compact (axis). */
  format: (value: number, compact?: boolean) => string;
  height?: number;
}

/**
 * Measured values (solid), where the goal should be each month (grey, dashed), the target, and
 * after the last value the forecast: a dashed line inside its 80% (solid tint) and 95% (striped)
 * bands, on a shaded stretch labelled "Forecast" — told apart by texture and label, not by shade alone.
 */
export function KpiTargetChart({ model, target, format, height = 300 }: KpiTargetChartProps) {
  const span = model.forecastSpan;
  const printing = usePrinting();
  const band95 = usePatternId('band95');
  const legend = (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <span className="legend-line" style={{ borderColor: chartTheme.primary }} /> Measured
      </li>
      <li>
        <span className="legend-line legend-line--dashed" style={{ borderColor: chartTheme.target }} /> Where it should be (monthly target, or the straight line to the target)
      </li>
      <li>
        <span className="legend-line legend-line--dashed" style={{ borderColor: chartTheme.primary }} /> Forecast
        <span className="legend-band legend-band--80" /> 80% band
        <span className="legend-band legend-band--95 legend-band--hatched" /> 95% band
      </li>
    </ul>
  );
  return (
    <div className="kpi-chart">
      <ChartFigure name="KPI against its target, with the forecast" summary={kpiChartSummary(model, target, format)} table={() => kpiChartTable(model, format)} minGroupSize={0} legend={legend}>
        {(a11y) => (
          <ComposedChart {...a11y} data={model.points} {...chartSize(printing, height)} margin={{ top: 22, right: 16, bottom: 0, left: 4 }}>
            <HatchPattern id={band95} color={chartTheme.primary} tint={0.06} />
            <CartesianGrid vertical={false} stroke={chartTheme.grid} />
            <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={12} />
            <YAxis
              domain={model.domain}
              ticks={model.ticks}
              width={64}
              tick={tick}
              tickLine={false}
              axisLine={false}
              tickFormatter={(v: number) => format(v, true)}
              allowDataOverflow
            />
            {span && (
              <ReferenceArea
                x1={span.from}
                x2={span.to}
                fill={chartTheme.grid}
                fillOpacity={0.45}
                ifOverflow="extendDomain"
                label={{ value: 'Forecast', position: 'insideTop', fill: chartTheme.axis, fontSize: 12, fontWeight: 600 }}
              />
            )}
            <Area dataKey="band95" name="95% band" stroke="none" fill={`url(#${band95})`} fillOpacity={0.35} isAnimationActive={false} connectNulls={false} activeDot={false} />
            <Area dataKey="band80" name="80% band" stroke="none" fill={chartTheme.primary} fillOpacity={0.2} isAnimationActive={false} connectNulls={false} activeDot={false} />
            <ReferenceLine
              y={target}
              stroke={chartTheme.axis}
              strokeDasharray="2 3"
              label={{ value: `Target ${format(target, true)}`, position: 'insideBottomLeft', fill: chartTheme.axis, fontSize: 11 }}
            />
            <Line type="linear" dataKey="expected" name="Where it should be" stroke={chartTheme.target} strokeDasharray="6 4" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Line type="linear" dataKey="forecast" name="Forecast" stroke={chartTheme.primary} strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3, fill: chartTheme.dotFill }} isAnimationActive={false} connectNulls={false} />
            <Line type="linear" dataKey="actual" name="Measured" stroke={chartTheme.primary} strokeWidth={2.5} dot={{ r: 3, fill: chartTheme.primary }} isAnimationActive={false} connectNulls={false} />
            <Tooltip content={(p) => <KpiTooltip {...p} format={format} />} />
          </ComposedChart>
        )}
      </ChartFigure>
    </div>
  );
}

function KpiTooltip({ active, payload, format }: TooltipContentProps & { format: KpiTargetChartProps['format'] }) {
  const p = payload?.[0]?.payload as KpiChartPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {p.label}
        {p.isForecast && <span className="forecast-tag forecast-tag--small">Forecast</span>}
      </p>
      {p.actual !== null && (
        <p>
          Measured <strong>{format(p.actual)}</strong>
        </p>
      )}
      {p.isForecast && p.forecast !== null && (
        <>
          <p>
            Forecast <strong>{format(p.forecast)}</strong>
          </p>
          {p.band80 && (
            <p className="chart-tooltip__muted">
              80%: {format(p.band80[0], true)} – {format(p.band80[1], true)}
            </p>
          )}
          {p.band95 && (
            <p className="chart-tooltip__muted">
              95%: {format(p.band95[0], true)} – {format(p.band95[1], true)}
            </p>
          )}
        </>
      )}
      {p.expected !== null && <p className="chart-tooltip__muted">Should be {format(p.expected)}</p>}
    </div>
  );
}
