import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { CONTENT_DEFINITIONS, type NewsletterIssueDto } from '@hubpulse/contracts';
import { newsletterIssueQuery } from '../../api/content.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { ExportMenu } from '../../charts/shared/export-menu';
import { MaybeHiddenValue } from '../../charts/shared/hidden-reason-value';
import { Segmented } from '../../charts/shared/segmented';
import { formatDateTime } from '../../lib/format';
import { Figure } from './content-figure';

const BY = ['department', 'segment'] as const;

/** Content → a newsletter issue: its links, and open rate and click-to-open by department or segment. */
export function NewsletterIssuePage() {
  const { issue = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const by = search.get('by') === 'segment' ? 'segment' : 'department';
  const params = { by, ...(search.get('include_machine') === '1' ? { include_machine: '1' } : {}) };
  const query = useQuery(newsletterIssueQuery(issue, params));
  return (
    <div className="page__grid">
      <title>{`${query.data?.title ?? 'Newsletter issue'} · Hubpulse`}</title>
      <p className="breadcrumb">
        <Link to="/content/newsletters">← Newsletters</Link>
      </p>
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the issue…">
        {(d) => (
          <IssueBody
            issue={d}
            params={{ issue, ...params }}
            byControl={
              <Segmented label="Break down by" options={BY} isActive={(b) => b === by} onSelect={(b) => setSearch({ ...Object.fromEntries(search), by: b }, { replace: true })}>
                {(b) => (b === 'department' ? 'Department' : 'Segment')}
              </Segmented>
            }
          />
        )}
      </QueryStates>
    </div>
  );
}

function IssueBody({ issue, params, byControl }: { issue: NewsletterIssueDto; params: Record<string, string>; byControl: React.ReactNode }) {
  const k = issue.min_group_size;
  return (
    <>
      <ChartPanel title={issue.title} description={
          <>
            First sent {formatDateTime(issue.first_sent_at)}.{' '}
            {issue.include_machine ? (
              'Machine opens counted.'
            ) : (
              <>
                <MaybeHiddenValue value={issue.machine_opens_excluded} reason="numerator" minGroupSize={k} /> machine opens left out.
              </>
            )}
          </>
        } className="panel--wide">
        <div className="leader-kpis">
          <div className="leader-kpi">
            <p className="leader-kpi__label">Recipients</p>
            <p className="leader-kpi__value">
              <Figure f={issue.recipients} k={k} />
            </p>
          </div>
          <div className="leader-kpi">
            <p className="leader-kpi__label">Unique open rate</p>
            <p className="leader-kpi__value">
              <Figure f={issue.open_rate} k={k} rate />
            </p>
            <p className="leader-kpi__definition">{CONTENT_DEFINITIONS.open_rate}</p>
          </div>
          <div className="leader-kpi">
            <p className="leader-kpi__label">Click-to-open</p>
            <p className="leader-kpi__value">
              <Figure f={issue.click_to_open} k={k} rate />
            </p>
            <p className="leader-kpi__definition">{CONTENT_DEFINITIONS.click_to_open}</p>
          </div>
        </div>
      </ChartPanel>
      <ChartPanel title="Links" description="Openers who clicked each link, as a share of openers. A link is hidden when fewer than the minimum group size clicked it, or when it would single out the few clickers of other links." aside={<ExportMenu view="content.newsletter-links" params={params} what="newsletter links" />}>
        {issue.links.length === 0 ? (
          <EmptyState title="No links to show" height={120} />
        ) : (
          <DataTable caption="Links" columns={['Link', { num: 'Clickers' }, { num: 'Of openers' }]}>
            {issue.links.map((l) => (
              <tr key={l.link}>
                <td className="content-link">{l.link}</td>
                <td className="num">
                  <Figure f={l.clickers} k={k} />
                </td>
                <td className="num">
                  <Figure f={l.click_rate} k={k} rate />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ChartPanel>
      <ChartPanel title={`By ${issue.by}`} description="Open rate and click-to-open of the recipients in each group. A group is hidden when it, or what it leaves of the recipients, is smaller than the minimum group size." aside={<div className="panel__actions">{byControl}<ExportMenu view="content.newsletter-breakdown" params={params} what="newsletter by group" /></div>}>
        {issue.breakdown.length === 0 ? (
          <EmptyState title="No groups to show" height={120} />
        ) : (
          <DataTable caption={`By ${issue.by}`} columns={[issue.by === 'department' ? 'Department' : 'Segment', { num: 'Recipients' }, { num: 'Open rate' }, { num: 'Click-to-open' }]}>
            {issue.breakdown.map((r) => (
              <tr key={r.key}>
                <td>{r.label}</td>
                <td className="num">
                  <Figure f={r.recipients} k={k} />
                </td>
                <td className="num">
                  <Figure f={r.open_rate} k={k} rate />
                </td>
                <td className="num">
                  <Figure f={r.click_to_open} k={k} rate />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ChartPanel>
    </>
  );
}
