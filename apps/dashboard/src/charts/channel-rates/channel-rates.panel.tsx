import { useQuery } from '@tanstack/react-query';
import { CHANNEL_LABELS, PURPOSE_LABELS, hiddenReasonText, type SegmentChannelStatsDto } from '@hubpulse/contracts';
import { segmentChannelsQuery } from '../../api/segments.api';
import { PeopleCount } from '../shared/people-count';
import { formatCount, formatRange } from '../../lib/format';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState, QueryStates } from '../shared/chart-states';
import { ExportMenu } from '../shared/export-menu';
import { RATE_LABELS, RATE_METRICS, buildChannelRows, buildRecommendations, formatRate } from './channel-rates.transform';
import { IntervalBar } from './interval-bar';
import { DataTable } from '../shared/data-table';
import { ExplainedMark } from '../shared/explained-mark';

/** Reach, read and interaction rate per channel for one segment, with intervals, and what to use. */
export function ChannelRatesPanel({ segmentId, segmentName }: { segmentId: string; segmentName: string }) {
  const query = useQuery(segmentChannelsQuery(segmentId));
  const data = query.data;
  return (
    <ChartPanel
      title="Channels and content for this segment"
      description={
        data
          ? `${formatRange(data.from, data.to)}. Each rate is pulled towards the organisation's rate on the same channel, more so the smaller the segment, and shown with its 95% interval.`
          : "Each rate is pulled towards the organisation's rate on the same channel, more so the smaller the segment, and shown with its 95% interval."
      }
      className="panel--wide"
      aside={data && <ExportMenu view="segments.channels" params={{ id: segmentId, from: data.from, to: data.to }} what={`channel rates of ${segmentName}`} disabled={data.channels.length === 0} />}
    >
      <QueryStates
        data={data}
        error={query.error}
        onRetry={() => void query.refetch()}
        height={200}
        loadingLabel="Loading channel rates…"
        empty={(d) => (d.reason ? 'No channel rates for this segment' : d.channels.length === 0 && 'Nothing was published in this period')}
        emptyText={data?.reason ?? undefined}
      >
        {(d) => <ChannelRatesBody data={d} />}
      </QueryStates>
    </ChartPanel>
  );
}

function ChannelRatesBody({ data }: { data: SegmentChannelStatsDto }) {
  const { rows, scales } = buildChannelRows(data);
  const channelRecs = buildRecommendations(data.recommendations.channels, (k) => CHANNEL_LABELS[k] ?? k);
  const purposeRecs = buildRecommendations(data.recommendations.purposes, (k) => PURPOSE_LABELS[k] ?? k);
  const columns = [
    'Channel',
    { num: 'Items' },
    { num: 'Members reached' },
    ...RATE_METRICS.map((m) => (
      <>
        <abbr title={data.definitions[m]}>{RATE_LABELS[m]}</abbr> <span className="channels__scale">0–{formatRate(scales[m])}</span>
      </>
    )),
  ];
  return (
    <div className="channels">
      <div className="channels__recs">
        <RecommendationList title="Recommended channels" recs={channelRecs} />
        <RecommendationList title="Recommended content purposes" recs={purposeRecs} />
        <p className="definition">{data.definitions.ranking}</p>
      </div>
      <DataTable caption="Rates per channel" className="channels-table" columns={columns}>
        {rows.map((r) => (
          <tr key={r.channel}>
            <th scope="row">{CHANNEL_LABELS[r.channel] ?? r.channel}</th>
            <td className="num">{formatCount(r.items)}</td>
            <td className="num">
              <PeopleCount value={r.reached} reason={r.reachedSuppressed} minGroupSize={data.min_group_size} />
            </td>
            {RATE_METRICS.map((m) => (
              <td key={m} className="channels__rate">
                {r.cells[m] ? (
                  <IntervalBar cell={r.cells[m]!} label={`${CHANNEL_LABELS[r.channel]} ${RATE_LABELS[m].toLowerCase()}`} />
                ) : m === 'read_rate' && r.items === 0 ? (
                  <span className="muted" title="Nothing was published on this channel in the period.">
                    nothing published
                  </span>
                ) : (
                  <ExplainedMark className="suppressed muted" explanation={hiddenReasonText(r.hidden[m], data.min_group_size)}>
                    hidden
                  </ExplainedMark>
                )}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <div className="channels__legend">
        <span className="ivl-legend">
          <span className="ivl-legend__band" /> 95% interval
        </span>
        <span className="ivl-legend">
          <span className="ivl-legend__dot" /> estimate
        </span>
        <span className="ivl-legend">
          <span className="ivl-legend__org" /> organisation
        </span>
        <span className="ivl-legend ivl-legend--above">green ▲: whole interval above the organisation</span>
        <span className="ivl-legend ivl-legend--below">amber ▼: whole interval below</span>
      </div>
      <dl className="channels__defs">
        <div>
          <dt>Reach</dt>
          <dd>{data.definitions.reach_rate}</dd>
        </div>
        <div>
          <dt>Read rate</dt>
          <dd>{data.definitions.read_rate}</dd>
        </div>
        <div>
          <dt>Interaction rate</dt>
          <dd>{data.definitions.interaction_rate}</dd>
        </div>
        <div>
          <dt>Shrinkage</dt>
          <dd>
            {data.definitions.shrinkage} Prior strength: {data.prior_strength} people
            {data.members !== null && <> against this segment's {formatCount(data.members)} members</>}.
          </dd>
        </div>
        <div>
          <dt>Interval</dt>
          <dd>{data.definitions.interval}</dd>
        </div>
      </dl>
    </div>
  );
}

function RecommendationList({ title, recs }: { title: string; recs: ReturnType<typeof buildRecommendations> }) {
  return (
    <section className="recs" aria-label={title}>
      <h3 className="recs__title">{title}</h3>
      {recs.length === 0 ? (
        <EmptyState title="No recommendation yet" height={60} />
      ) : (
        <ol className="recs__list">
          {recs.slice(0, 5).map((r) => (
            <li key={r.key} className={`rec rec--${r.verdict}`}>
              <span className="rec__rank">{r.rank}</span>
              <span className="rec__body">
                <span className="rec__head">
                  <strong>{r.label}</strong>
                  <span className={`badge rec__badge rec__badge--${r.verdict}`}>
                    {r.lift} {r.metric}
                  </span>
                </span>
                <span className="rec__reason">{r.reason}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
