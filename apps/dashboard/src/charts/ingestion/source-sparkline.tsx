import { memo } from 'react';
import { Bar, BarChart, Tooltip, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatInteger } from '../../lib/format';
import { formatBucket, type MinutePoint, type MinuteSeries } from './source-activity.transform';
import { chartTheme } from '../shared/chart-theme';
import { chartA11y } from '../shared/chart-figure';
import { HatchPattern, usePatternId } from '../shared/chart-patterns';
import { MINUTES, summarizeSeries } from '../shared/chart-summary';

interface SourceSparklineProps {
  series: MinuteSeries;
  /** Whose events: the source's name, so each row's picture has its own name. */
  source: string;
  height?: number;
}

/**
 * Accepted (blue) and rejected (red, striped) events per minute, stacked, as wide as its cell. No
 * axes: the row has the totals; the image's description tells the course.
 */
export const SourceSparkline = memo(function SourceSparkline({ series, source, height = 34 }: SourceSparklineProps) {
  const rejected = usePatternId('rejected');
  const label = (p: MinutePoint) => formatBucket(p.start, series.bucketMinutes);
  const summary = [
    summarizeSeries({ what: 'Accepted events', points: series.points.map((p) => ({ label: label(p), value: p.accepted })), format: formatInteger, noun: MINUTES }),
    `Rejected: ${formatInteger(series.points.reduce((n, p) => n + p.rejected, 0))} in all.`,
  ].join(' ');
  return (
    <BarChart
      {...chartA11y(`Events per time slot from ${source}`, summary)}
      data={series.points}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 2, right: 0, bottom: 0, left: 0 }}
      barCategoryGap={series.points.length > 40 ? 0 : 1}
    >
      <HatchPattern id={rejected} color={chartTheme.danger} tint={0.45} />
      {/* A floor of 1 keeps one stray event from filling the whole height of a quiet source. */}
      <YAxis hide domain={[0, (max: number) => Math.max(1, max)]} />
      <Tooltip
        cursor={{ fill: chartTheme.grid }}
        allowEscapeViewBox={{ x: false, y: true }}
        wrapperStyle={{ zIndex: 30 }}
        content={(props) => <SparkTooltip {...props} bucketMinutes={series.bucketMinutes} />}
      />
      <Bar dataKey="accepted" name="Accepted" stackId="events" fill={chartTheme.primary} isAnimationActive={false} />
      <Bar dataKey="rejected" name="Rejected" stackId="events" fill={`url(#${rejected})`} isAnimationActive={false} />
    </BarChart>
  );
});

function SparkTooltip({ active, payload, bucketMinutes }: TooltipContentProps & { bucketMinutes: number }) {
  const point = payload?.[0]?.payload as MinutePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip chart-tooltip--small">
      <p className="chart-tooltip__title">{formatBucket(point.start, bucketMinutes)}</p>
      <p>
        <span className="swatch" style={{ background: chartTheme.primary }} /> Accepted <strong>{formatInteger(point.accepted)}</strong>
      </p>
      <p>
        <span className="swatch" style={{ background: chartTheme.danger }} /> Rejected <strong>{formatInteger(point.rejected)}</strong>
      </p>
    </div>
  );
}
