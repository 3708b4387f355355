import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatAxisNumber, formatInteger } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { chartA11y } from '../shared/chart-figure';
import { churnSummary, sizeSummary, type SizePoint } from './segment-size.transform';

const tick = { fill: chartTheme.axis, fontSize: chartTheme.fontSize };
const ENTERED = chartTheme.secondary;
const LEFT = 'var(--chart-churn-left)';

interface Props {
  points: SizePoint[];
  height?: number;
}

/** Size after each run (line; a hidden size is a gap); failed runs as red marks that leave the line alone. */
export function SizeHistoryChart({ points, height = 220 }: Props) {
  return (
    <LineChart {...chartA11y('Segment size after each run', sizeSummary(points))} data={points} syncId="segment-runs" responsive style={{ width: '100%', height }} margin={{ top: 22, right: 24, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      {/* Band scale, like the churn bars below, so a run sits at the same x in both charts. */}
      <XAxis dataKey="key" scale="band" tickFormatter={(k: string) => points[Number(k)]?.label ?? ''} tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={24} />
      <YAxis width={48} tick={tick} tickLine={false} axisLine={false} tickFormatter={formatAxisNumber} domain={['auto', 'auto']} allowDecimals={false} />
      <Tooltip content={RunTooltip} />
      {points
        .filter((p) => p.failed)
        .map((p) => (
          <ReferenceLine key={p.key} x={p.key} stroke={chartTheme.danger} strokeDasharray="3 3" label={{ value: 'failed', position: 'top', fill: chartTheme.danger, fontSize: 11 }} />
        ))}
      <Line type="monotone" dataKey="size" name="Size" stroke={chartTheme.primary} strokeWidth={2} dot={{ r: 2.5 }} activeDot={{ r: 4 }} connectNulls isAnimationActive={false} />
    </LineChart>
  );
}

/** People entering (up) and leaving (down) at each run, against the run before. */
export function ChurnChart({ points, height = 140 }: Props) {
  return (
    <BarChart {...chartA11y('People entering and leaving at each run', churnSummary(points))} data={points} syncId="segment-runs" stackOffset="sign" responsive style={{ width: '100%', height }} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis dataKey="key" tickFormatter={(k: string) => points[Number(k)]?.label ?? ''} tick={tick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={24} />
      <YAxis width={48} tick={tick} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatAxisNumber(Math.abs(v))} allowDecimals={false} />
      <ReferenceLine y={0} stroke={chartTheme.axis} />
      <Tooltip content={RunTooltip} cursor={{ fill: chartTheme.grid, opacity: 0.5 }} />
      <Bar dataKey="entered" name="Entered" stackId="churn" fill={ENTERED} isAnimationActive={false} maxBarSize={28} />
      <Bar dataKey="leftDown" name="Left" stackId="churn" fill={LEFT} isAnimationActive={false} maxBarSize={28} />
    </BarChart>
  );
}

export const CHURN_COLORS = { entered: ENTERED, left: LEFT };

function RunTooltip({ active, payload }: TooltipContentProps) {
  const p = payload?.[0]?.payload as SizePoint | undefined;
  if (!active || !p) return null;
  const n = (v: number | null) => (v === null ? <span className="chart-tooltip__muted">hidden</span> : <strong>{formatInteger(v)}</strong>);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{p.label} UTC</p>
      {p.failed ? (
        <p style={{ color: chartTheme.danger }}>Run failed: {p.error ?? 'no reason recorded'}. The previous membership stayed.</p>
      ) : (
        <>
          <p>Size {n(p.size)}</p>
          <p>
            <span className="swatch" style={{ background: ENTERED }} /> Entered {n(p.entered)}
          </p>
          <p>
            <span className="swatch" style={{ background: LEFT }} /> Left {n(p.left)}
          </p>
          <p className="chart-tooltip__muted">
            Membership v{p.version ?? '—'} · definition v{p.definitionVersion ?? '—'}
          </p>
        </>
      )}
    </div>
  );
}
