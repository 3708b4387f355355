import { CHANNEL_ACTIVITY_DEFINITION } from '@hubpulse/contracts';
import { ChannelActivityChart } from '../../charts/channel-activity/channel-activity-chart';
import { buildChannelBars, channelsWithHiddenPeople, hasChannelActivity } from '../../charts/channel-activity/channel-activity.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { ExportMenu } from '../../charts/shared/export-menu';
import { QueryStates } from '../../charts/shared/chart-states';
import { SuppressedValue } from '../../charts/shared/suppressed-value';
import { useOverview } from './use-overview';

const HEIGHT = 260;

export function ChannelActivityPanel() {
  const { data, error, refetch } = useOverview();
  const bars = data ? buildChannelBars(data.by_channel) : [];
  const hiddenPeople = channelsWithHiddenPeople(bars);

  return (
    <ChartPanel
      title="Activity by channel"
      description={CHANNEL_ACTIVITY_DEFINITION}
      className="panel--channels"
      aside={<ExportMenu view="overview.channels" params={{ ...data?.range }} what="Activity by channel" disabled={!data} />}
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
            {hiddenPeople.length > 0 && (
              <p className="panel__note">
                Active people on {hiddenPeople.join(', ')}:{' '}
                <SuppressedValue minGroupSize={d.min_group_size} />
              </p>
            )}
          </>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
