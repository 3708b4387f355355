import { GoalsPanel } from '../../charts/goals/goals.panel';
import { formatDay, formatRange } from '../../lib/format';
import { ChannelActivityPanel } from './channel-activity.panel';
import { DateRangeControl } from './date-range-control';
import { EngagementPanel } from './engagement.panel';
import { TotalsPanel } from './totals.panel';
import { useOverview } from './use-overview';
import { PageHeader } from '../shell/page-header';

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
      <PageHeader title="Overview" aside={<DateRangeControl />}>
        <span>{rangeText}</span>
        {data && (
          <span className="page__privacy">
            Groups under {data.min_group_size} people are hidden for privacy
          </span>
        )}
      </PageHeader>

      <div className={isStale ? 'page__grid is-stale' : 'page__grid'}>
        <TotalsPanel />
        <div className="chart-row">
          <EngagementPanel />
          <ChannelActivityPanel />
        </div>
        <GoalsPanel />
      </div>
    </main>
  );
}
