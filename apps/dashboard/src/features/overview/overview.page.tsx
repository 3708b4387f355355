import { EngagementChartContainer } from '../../charts/engagement/engagement-chart.container';
import { ChannelActivityChartContainer } from '../../charts/channel-activity/channel-activity-chart.container';
import { GoalsContainer } from '../../charts/goals/goals.container';
import { DateRangeControl } from './date-range.control';
import { TotalsContainer } from './totals.container';
import { useOverview } from './use-overview';
import { formatDay, formatRange } from '../../lib/format';

export function OverviewPage() {
  const { data, selection, isStale } = useOverview();
  const range = data?.range;
  const rangeText = !range
    ? 'Loading range…'
    : selection.kind === 'all'
      ? `All time, through ${formatDay(range.to)}`
      : formatRange(range.from, range.to);

  return (
    <main className="page" aria-busy={isStale || undefined}>
      <title>Overview · Hubpulse</title>
      <div className="page__header">
        <div>
          <h1 className="page__title">Overview</h1>
          <p className="page__subtitle">
            <span>{rangeText}</span>
            {data && (
              <span className="page__privacy">
                Groups under {data.min_group_size} people are hidden for privacy
              </span>
            )}
          </p>
        </div>
        <DateRangeControl />
      </div>

      <div className={isStale ? 'page__grid is-stale' : 'page__grid'}>
        <TotalsContainer />
        <div className="chart-row">
          <EngagementChartContainer />
          <ChannelActivityChartContainer />
        </div>
        <GoalsContainer />
      </div>
    </main>
  );
}
