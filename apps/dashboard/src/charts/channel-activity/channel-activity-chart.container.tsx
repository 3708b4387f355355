import { useOverview } from '../../features/overview/use-overview';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../shared/chart-states';
import { SuppressedValue } from '../shared/suppressed-value';
import { ChannelActivityChart } from './channel-activity-chart';
import { buildChannelBars, hasChannelActivity } from './channel-activity.transform';

const HEIGHT = 260;

export function ChannelActivityChartContainer() {
  const { data, error, isPending, refetch } = useOverview();
  const bars = data ? buildChannelBars(data.by_channel) : [];
  const suppressed = bars.filter((b) => b.suppressed);

  return (
    <ChartPanel
      title="Activity by channel"
      description="Events, and people with at least one event, on each hub channel in the range."
      className="panel--channels"
    >
      {!data && error ? (
        <ErrorState error={error} onRetry={refetch} height={HEIGHT} />
      ) : isPending || !data ? (
        <LoadingState height={HEIGHT} />
      ) : !hasChannelActivity(bars) ? (
        <EmptyState title="No activity in this range" height={HEIGHT}>
          Try a longer range, or check that the hub is sending events.
        </EmptyState>
      ) : (
        <>
          <ChannelActivityChart bars={bars} minGroupSize={data.min_group_size} height={HEIGHT} />
          {suppressed.length > 0 && (
            <p className="panel__note">
              Active people on {suppressed.map((b) => b.label).join(', ')}:{' '}
              <SuppressedValue minGroupSize={data.min_group_size} />
            </p>
          )}
        </>
      )}
    </ChartPanel>
  );
}
