import { Line } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { hiddenReasonText } from '@hubpulse/contracts';
import { formatCount, formatDay, suppressedLabel } from '../../lib/format';
import { chartTheme } from '../shared/chart-theme';
import { DayLineChart } from '../shared/day-line-chart';
import { ChartFigure } from '../shared/chart-figure';
import { engagementChartSummary, engagementChartTable, type EngagementPoint } from './engagement.transform';

interface EngagementChartProps {
  points: EngagementPoint[];
  minGroupSize: number;
  height?: number;
}

/** Draws the daily engagement index, 0–100, with its summary and table. Gaps are days without a shown index. */
export function EngagementChart({ points, minGroupSize, height = 260 }: EngagementChartProps) {
  // A day between two gaps would be invisible as a line: give it a dot.
  const isolated = (i: number) => points[i]?.index !== null && points[i - 1]?.index == null && points[i + 1]?.index == null;

  return (
    <ChartFigure name="Engagement index by day" summary={engagementChartSummary(points)} table={() => engagementChartTable(points)} minGroupSize={minGroupSize}>
      {(a11y) => (
        <DayLineChart a11y={a11y} points={points} height={height} tickCount={6} tooltip={(props) => <EngagementTooltip {...props} minGroupSize={minGroupSize} />}>
          <Line
            type="monotone"
            dataKey="index"
            name="Engagement index"
            stroke={chartTheme.primary}
            strokeWidth={2}
            connectNulls={false}
            dot={(props: { cx?: number; cy?: number; index?: number }) =>
              props.index !== undefined && isolated(props.index) && props.cx != null && props.cy != null ? (
                <circle key={props.index} cx={props.cx} cy={props.cy} r={3} fill={chartTheme.primary} />
              ) : (
                <g key={props.index} />
              )
            }
            activeDot={{ r: 4 }}
          />
        </DayLineChart>
      )}
    </ChartFigure>
  );
}

function EngagementTooltip({ active, payload, minGroupSize }: TooltipContentProps & { minGroupSize: number }) {
  const point = payload?.[0]?.payload as EngagementPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatDay(point.day)}</p>
      {point.status === 'ok' && (
        <>
          <p>
            Index <strong>{point.index?.toFixed(1)}%</strong>
          </p>
          <p className="chart-tooltip__muted">
            {point.people === null ? `${suppressedLabel(minGroupSize)} people` : `${formatCount(point.people)} people active in the 7 days`}
          </p>
        </>
      )}
      {point.status === 'suppressed' && (
        <p className="chart-tooltip__muted">{hiddenReasonText(point.hiddenReason, minGroupSize)}</p>
      )}
      {point.status === 'no-data' && <p className="chart-tooltip__muted">Nobody active in the 7 days</p>}
    </div>
  );
}
