import { hiddenReasonText } from '@hubpulse/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatAxisNumber, formatInteger, formatShortDay } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { ChartFigure } from '../shared/chart-figure';
import { HatchPattern, legendLabel, usePatternId } from '../shared/chart-patterns';
import { personaWeeksSummary, personaWeeksTable, type PersonaDef, type PersonaWeekBar } from './personas.transform';

/** Inactive grey at the bottom, then from taking to giving (themed in styles/base.css). */
export const PERSONA_COLORS: Record<string, string> = {
  inactive: 'var(--persona-inactive)',
  observer: 'var(--persona-observer)',
  responder: 'var(--persona-responder)',
  broadcaster: 'var(--persona-broadcaster)',
  engager: 'var(--persona-engager)',
  catalyst: 'var(--persona-catalyst)',
};

/**
 * People per persona and ISO week, stacked to the population. A hidden count leaves its segment out.
 * Every other persona is striped (legend too), so neighbours in a stack differ by texture as well as colour.
 */
export function PersonaWeeksChart({ bars, personas, minGroupSize, height = 280 }: { bars: PersonaWeekBar[]; personas: PersonaDef[]; minGroupSize: number; height?: number }) {
  const axisTick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };
  const hatch = usePatternId('persona');
  const color = (p: PersonaDef) => PERSONA_COLORS[p.key] ?? chartTheme.target;
  return (
    <ChartFigure name="People per persona, by week" summary={personaWeeksSummary(bars, personas)} table={() => personaWeeksTable(bars, personas)} minGroupSize={minGroupSize}>
      {(a11y) => (
        <BarChart {...a11y} data={bars} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {personas.map((p, i) => i % 2 === 1 && <HatchPattern key={p.key} id={`${hatch}-${p.key}`} color={color(p)} tint={0.4} />)}
          <CartesianGrid vertical={false} stroke={chartTheme.grid} />
          <XAxis dataKey="week" tickFormatter={formatShortDay} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={12} />
          <YAxis tickFormatter={formatAxisNumber} width={44} tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} />
          <Tooltip cursor={{ fill: chartTheme.cursor }} content={(props) => <WeekTooltip {...props} personas={personas} minGroupSize={minGroupSize} />} />
          <Legend verticalAlign="top" align="left" height={30} iconType="square" iconSize={12} itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={legendLabel} />
          {personas.map((p, i) => (
            <Bar key={p.key} dataKey={p.key} name={p.label} stackId="personas" fill={i % 2 === 1 ? `url(#${hatch}-${p.key})` : color(p)} maxBarSize={48} />
          ))}
        </BarChart>
      )}
    </ChartFigure>
  );
}

function WeekTooltip({ active, payload, personas, minGroupSize }: TooltipContentProps & { personas: PersonaDef[]; minGroupSize: number }) {
  const bar = payload?.[0]?.payload as PersonaWeekBar | undefined;
  if (!active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">Week of {formatShortDay(bar.week)}</p>
      {[...personas].reverse().map((p) => {
        const n = bar[p.key];
        return (
          <p key={p.key}>
            <span className="swatch" style={{ background: PERSONA_COLORS[p.key] }} /> {p.label}{' '}
            <strong>{n === null || n === undefined ? 'hidden' : formatInteger(n)}</strong>
            {(n === null || n === undefined) && bar.hidden[p.key] && <span className="muted"> — {hiddenReasonText(bar.hidden[p.key], minGroupSize)}</span>}
          </p>
        );
      })}
    </div>
  );
}
