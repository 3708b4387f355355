import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { CONTENT_DEFINITIONS, type NewslettersDto } from '@hubpulse/contracts';
import { newslettersQuery } from '../../api/content.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { ExportMenu } from '../../charts/shared/export-menu';
import { MaybeHiddenValue } from '../../charts/shared/hidden-reason-value';
import { Segmented } from '../../charts/shared/segmented';
import { formatDateTime, formatRange } from '../../lib/format';
import { Figure } from './content-figure';
import { newslettersParamsFrom } from './content.transform';

/** Content → Newsletters: each issue's unique open rate and click-to-open. */
export function NewslettersPage() {
  const [search, setSearch] = useSearchParams();
  const params = newslettersParamsFrom(search);
  const machine = params.include_machine === '1';
  const query = useQuery(newslettersQuery(params));
  const data = query.data;
  return (
    <div className="page__grid">
      <title>Newsletters · Hubpulse</title>
      <div className="content-filters">
        <Segmented label="Machine opens" options={[false, true] as const} isActive={(m) => m === machine} onSelect={(m) => setSearch(m ? { include_machine: '1' } : {}, { replace: true })}>
          {(m) => (m ? 'Counted' : 'Excluded')}
        </Segmented>
        {data && <span className="muted">First sent {formatRange(data.from, data.to)}</span>}
      </div>
      <ChartPanel
        title="Newsletter issues"
        description={`${CONTENT_DEFINITIONS.open_rate} ${CONTENT_DEFINITIONS.click_to_open} ${CONTENT_DEFINITIONS.machine_opens}`}
        className="panel--wide"
        aside={<ExportMenu view="content.newsletters" params={params} what="newsletter issues" disabled={!data} />}
      >
        <QueryStates
          data={data}
          error={query.error}
          onRetry={() => void query.refetch()}
          loadingLabel="Loading newsletters…"
          empty={(d) => d.issues.length === 0 && 'No newsletter sent in this period'}
          emptyText="Issues come from newsletter_send, newsletter_open and newsletter_click events (or “Newsletter Sent”, “Email Opened”, “Link Clicked” from the SDKs)."
        >
          {(d) => <IssuesTable data={d} machine={machine} />}
        </QueryStates>
      </ChartPanel>
    </div>
  );
}

function IssuesTable({ data, machine }: { data: NewslettersDto; machine: boolean }) {
  const k = data.min_group_size;
  return (
    <DataTable caption="Newsletter issues" className="content-table" columns={['Issue', 'First sent', { num: 'Recipients' }, { num: <abbr title={CONTENT_DEFINITIONS.open_rate}>Open rate</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.click_to_open}>Click-to-open</abbr> }, { num: <abbr title={CONTENT_DEFINITIONS.machine_opens}>Machine opens left out</abbr> }]}>
      {data.issues.map((i) => (
        <tr key={i.issue} data-issue={i.issue}>
          <td>
            <Link to={`/content/newsletters/${encodeURIComponent(i.issue)}${machine ? '?include_machine=1' : ''}`}>{i.title}</Link>
          </td>
          <td>{formatDateTime(i.first_sent_at)}</td>
          <td className="num">
            <Figure f={i.recipients} k={k} />
          </td>
          <td className="num">
            <Figure f={i.open_rate} k={k} rate />
          </td>
          <td className="num">
            <Figure f={i.click_to_open} k={k} rate />
          </td>
          <td className="num">{machine ? <span className="muted">counted</span> : <MaybeHiddenValue value={i.machine_opens_excluded} reason="numerator" minGroupSize={k} />}</td>
        </tr>
      ))}
    </DataTable>
  );
}
