import { useQuery } from '@tanstack/react-query';
import { channelLabel, type ProgrammeForecastDto } from '@hubpulse/contracts';
import { programmeForecastQuery } from '../../api/programmes.api';
import { formatCount, formatRange } from '../../lib/format';
import { IntervalBar } from '../channel-rates/interval-bar';
import { buildChannelRows } from '../channel-rates/channel-rates.transform';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState, QueryStates } from '../shared/chart-states';
import { buildForecastView, forecastInterval } from './scorecard.transform';
import { DataTable } from '../shared/data-table';

/** Before launch: expected readers per item (segment size after suppression × its read rate on the channels). */
export function ForecastPanel({ programmeId, atLaunch }: { programmeId: string; atLaunch?: ProgrammeForecastDto | null }) {
  const query = useQuery({ ...programmeForecastQuery(programmeId), enabled: !atLaunch });
  const data = atLaunch ?? query.data;
  return (
    <ChartPanel
      title={atLaunch ? 'Forecast at launch' : 'Forecast'}
      description={data?.definition ?? "Expected readers per item: the segment's size after privacy suppression times its read rate on the chosen channels."}
    >
      <QueryStates data={data} error={query.error} onRetry={() => void query.refetch()} height={160} loadingLabel="Forecasting…">
        {(d) => <ForecastBody data={d} />}
      </QueryStates>
    </ChartPanel>
  );
}

function ForecastBody({ data }: { data: ProgrammeForecastDto }) {
  const view = buildForecastView(data, channelLabel);
  if (!view.headline) {
    return (
      <EmptyState title="No forecast yet" height={140}>
        {view.reason}
      </EmptyState>
    );
  }
  // The per-channel read rates on one scale, drawn like the segment's channel table.
  const { rows } = buildChannelRows({
    channels: data.channels.map((c) => ({ channel: c.channel, items: c.items, reached: null, reached_suppressed: null, reach_rate: null, read_rate: c.read_rate, interaction_rate: null })),
  } as Parameters<typeof buildChannelRows>[0]);
  return (
    <div className="forecast">
      <p className="forecast__headline" data-testid="forecast-headline">
        {view.headline}
      </p>
      <p className="muted">
        {forecastInterval(data)} · {data.segment_size === null ? 'segment size hidden' : `${formatCount(data.segment_size)} members`} · rates from {formatRange(data.from, data.to)}
      </p>
      <DataTable caption="Expected readers per channel" className="forecast__table" columns={['Channel', { num: 'Items' }, 'Read rate', { num: 'Readers / item' }]} bare>
        {view.channels.map((c, i) => (
          <tr key={c.channel}>
            <th scope="row">{c.channel}</th>
            <td className="num">{formatCount(c.items)}</td>
            <td>{rows[i].cells.read_rate ? <IntervalBar cell={rows[i].cells.read_rate!} label={`${c.channel} read rate`} /> : <span className="muted">nothing published</span>}</td>
            <td className="num">{c.readers ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
