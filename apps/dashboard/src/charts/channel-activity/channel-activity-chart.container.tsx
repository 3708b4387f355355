import { useOverview } from '../../features/overview/use-overview';
import { ChartPanel } from '../shared/chart-panel';
import { QueryStates } from '../shared/chart-states';
import { SuppressedValue } from '../shared/suppressed-value';
import { ChannelActivityChart } from './channel-activity-chart';
import { buildChannelBars, hasChannelActivity } from './channel-activity.transform';

const HEIGHT = 260;

export function ChannelActivityChartContainer() {
  const { data, error, refetch } = useOverview();
  const bars = data ? buildChannelBars(data.by_channel) : [];
  const suppressed = bars.filter((b) => b.suppressed);

  return (
    <ChartPanel
      title="Activity by channel"
      description="Events, and people with at least one event, on each hub channel in the range."
      className="panel--channels"
    >
      <QueryStates
        data={data}
        error={error}
        onRetry={refetch}
        height={HEIGHT}
        empty={() => !hasChannelActivity(bars) && 'No activity in this range'}
        emptyText="Try a longer range, or check that the hub is sending events."
      >
        {(d) => (
          <>
            <ChannelActivityChart bars={bars} minGroupSize={d.min_group_size} height={HEIGHT} />
            {suppressed.length > 0 && (
              <p className="panel__note">
                Active people on {suppressed.map((b) => b.label).join(', ')}:{' '}
                <SuppressedValue minGroupSize={d.min_group_size} />
              </p>
            )}
          </>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
