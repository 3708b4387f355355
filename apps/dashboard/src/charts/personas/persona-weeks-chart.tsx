import { hiddenReasonText } from '@hubpulse/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatAxisNumber, formatInteger, formatShortDay } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import type { PersonaDef, PersonaWeekBar } from './personas.transform';

/** Inactive grey at the bottom, then from taking to giving. */
export const PERSONA_COLORS: Record<string, string> = {
  inactive: '#cbd5e1',
  observer: '#93c5fd',
  responder: '#0d9488',
  broadcaster: '#d97706',
  engager: '#2563eb',
  catalyst: '#7c3aed',
};

/** People per persona and ISO week, stacked to the population. A hidden count leaves its segment out. */
export function PersonaWeeksChart({ bars, personas, minGroupSize, height = 280 }: { bars: PersonaWeekBar[]; personas: PersonaDef[]; minGroupSize: number; height?: number }) {
  const axisTick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };
  return (
    <BarChart data={bars} responsive style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis dataKey="week" tickFormatter={formatShortDay} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={12} />
      <YAxis tickFormatter={formatAxisNumber} width={44} tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} />
      <Tooltip cursor={{ fill: '#f1f5f9' }} content={(props) => <WeekTooltip {...props} personas={personas} minGroupSize={minGroupSize} />} />
      <Legend verticalAlign="top" align="left" height={30} iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
      {personas.map((p) => (
        <Bar key={p.key} dataKey={p.key} name={p.label} stackId="personas" fill={PERSONA_COLORS[p.key] ?? chartTheme.target} maxBarSize={48} />
      ))}
    </BarChart>
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
