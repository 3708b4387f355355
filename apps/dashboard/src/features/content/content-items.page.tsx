import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CHANNEL_LABELS, channelLabel, CONTENT_DEFINITIONS, PURPOSE_LABELS, CHANNELS, PURPOSES, type ContentListDto } from '@hubpulse/contracts';
import { contentItemsQuery } from '../../api/content.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { ExportMenu } from '../../charts/shared/export-menu';
import { Segmented } from '../../charts/shared/segmented';
import { formatDay, formatRange } from '../../lib/format';
import { Figure } from './content-figure';
import { listParamsFrom } from './content.transform';

const SORTS = [
  ['read_rate', 'Read rate'],
  ['reach', 'Reach'],
  ['interactions', 'Interactions'],
  ['comments', 'Comments'],
  ['published_at', 'Newest'],
] as const;

/** Content → Items: top or bottom items of a period, by channel, purpose and audience. */
export function ContentItemsPage() {
  const [search, setSearch] = useSearchParams();
  const params = listParamsFrom(search);
  const query = useQuery(contentItemsQuery(params));
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const data = query.data;
  const order = params.order ?? 'desc';
  return (
    <div className="page__grid">
      <title>Content · Hubpulse</title>
      <div className="content-filters">
        <Segmented label="Show" options={['desc', 'asc'] as const} isActive={(o) => o === order} onSelect={(o) => set('order', o === 'desc' ? undefined : o)}>
          {(o) => (o === 'desc' ? 'Top' : 'Bottom')}
        </Segmented>
        <Segmented label="Rank by" options={SORTS} isActive={([s]) => s === (params.sort ?? 'read_rate')} onSelect={([s]) => set('sort', s === 'read_rate' ? undefined : s)}>
          {([, label]) => label}
        </Segmented>
        <div className="form-field form-field--inline">
          <label htmlFor="content-channel">Channel</label>
          <select id="content-channel" value={params.channel ?? ''} onChange={(e) => set('channel', e.target.value || undefined)}>
            <option value="">All channels</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field form-field--inline">
          <label htmlFor="content-purpose">Purpose</label>
          <select id="content-purpose" value={params.purpose ?? ''} onChange={(e) => set('purpose', e.target.value || undefined)}>
            <option value="">All purposes</option>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {PURPOSE_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        {data && <span className="muted">Published {formatRange(data.from, data.to)}</span>}
      </div>
      <ChartPanel
        title={order === 'desc' ? 'Top content' : 'Bottom content'}
        description={`${CONTENT_DEFINITIONS.audience} ${CONTENT_DEFINITIONS.read_rate} ${CONTENT_DEFINITIONS.top_bottom}`}
        className="panel--wide"
        aside={<ExportMenu view="content.items" params={{ ...params }} what="content items" disabled={!data} />}
      >
        <QueryStates
          data={data}
          error={query.error}
          onRetry={() => void query.refetch()}
          loadingLabel="Loading content…"
          empty={(d) => d.items.length === 0 && 'No content published in this period'}
          emptyText="Items come from the content catalogue (PUT /v1/content or a content import)."
        >
          {(d) => <ItemsTable data={d} />}
        </QueryStates>
      </ChartPanel>
    </div>
  );
}

function ItemsTable({ data }: { data: ContentListDto }) {
  const k = data.min_group_size;
  return (
    <>
      <DataTable
        caption="Content items"
        className="content-table"
        columns={['Item', 'Audience', 'Author', 'Published', { num: <abbr title={CONTENT_DEFINITIONS.read_rate}>Read rate</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.reach_rate}>Reach</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.interactions}>Interactions</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.comments}>Comments</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.leader_replies}>Leader replies</abbr> }]}
      >
        {data.items.map((i) => (
          <tr key={i.content_id} data-item={i.content_id}>
            <td>
              <Link to={`/content/items/${encodeURIComponent(i.content_id)}`}>{i.title || i.content_id}</Link>
              <div className="muted small">
                {channelLabel(i.channel)} · {PURPOSE_LABELS[i.purpose as keyof typeof PURPOSE_LABELS] ?? i.purpose}
              </div>
            </td>
            <td>{i.audience.name}</td>
            <td>{i.author_name ?? <span className="muted">—</span>}</td>
            <td>{formatDay(i.published_at.slice(0, 10))}</td>
            <td className="num">
              <Figure f={i.read_rate} k={k} rate />
            </td>
            <td className="num">
              <Figure f={i.reach_rate} k={k} rate />
            </td>
            <td className="num">
              <Figure f={i.interactions} k={k} />
            </td>
            <td className="num">
              <Figure f={i.comments} k={k} />
            </td>
            <td className="num">
              <Figure f={i.leader_replies} k={k} />
            </td>
          </tr>
        ))}
      </DataTable>
      {data.total_items > data.items.length && <p className="muted small">Showing {data.items.length} of {data.total_items} items.</p>}
    </>
  );
}
