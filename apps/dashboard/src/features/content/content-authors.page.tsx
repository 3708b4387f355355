import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CONTENT_DEFINITIONS, type ContentAuthorsDto } from '@hubpulse/contracts';
import { contentAuthorsQuery } from '../../api/content.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatCount, formatRange } from '../../lib/format';
import { Figure } from './content-figure';

/** Content → Authors: per author, what their items did. Authors are visible on the hub; their readers are groups. */
export function ContentAuthorsPage() {
  const query = useQuery(contentAuthorsQuery({}));
  const data = query.data;
  return (
    <div className="page__grid">
      <title>Authors · Hubpulse</title>
      <ChartPanel
        title="Authors"
        description={`${data ? `Items published ${formatRange(data.from, data.to)}. ` : ''}${CONTENT_DEFINITIONS.author_readers} ${CONTENT_DEFINITIONS.author_read_rate}`}
        className="panel--wide"
        aside={<ExportMenu view="content.authors" params={{}} what="authors" disabled={!data} />}
      >
        <QueryStates data={data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading authors…" empty={(d) => d.authors.length === 0 && 'No authored items in this period'}>
          {(d) => <AuthorsTable data={d} />}
        </QueryStates>
      </ChartPanel>
    </div>
  );
}

/** Authors drawn at first, and added per "Show more": a hub has thousands (the demo 1,854); the export has them all. */
const PAGE = 50;

function AuthorsTable({ data }: { data: ContentAuthorsDto }) {
  const k = data.min_group_size;
  const [shown, setShown] = useState(PAGE);
  const left = data.authors.length - shown;
  return (
    <>
      <DataTable caption="Authors" className="content-table" columns={['Author', { num: 'Items' }, { num: 'Readers' }, { num: <abbr title={CONTENT_DEFINITIONS.author_readers}>Of everyone</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.author_read_rate}>Read rate</abbr> }, { num: 'Interactions' }, { num: 'Comments' }]}>
        {data.authors.slice(0, shown).map((a) => (
          <tr key={a.author_id}>
            <td>{a.name}</td>
            <td className="num">{formatCount(a.items)}</td>
            <td className="num">
              <Figure f={a.readers} k={k} />
            </td>
            <td className="num">
              <Figure f={a.reader_share} k={k} rate />
            </td>
            <td className="num">
              <Figure f={a.read_rate} k={k} rate />
            </td>
            <td className="num">
              <Figure f={a.interactions} k={k} />
            </td>
            <td className="num">
              <Figure f={a.comments} k={k} />
            </td>
          </tr>
        ))}
      </DataTable>
      {left > 0 && (
        <p className="table-more">
          <span className="muted">{`${formatCount(shown)} of ${formatCount(data.authors.length)} authors. `}</span>
          <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + PAGE)}>
            {`Show ${formatCount(Math.min(PAGE, left))} more`}
          </button>
        </p>
      )}
    </>
  );
}
