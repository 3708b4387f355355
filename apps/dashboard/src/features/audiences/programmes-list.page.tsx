import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { programmesQuery } from '../../api/programmes.api';
import { METRIC_LABELS, formatMeasure } from '../../charts/scorecard/scorecard.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatRange } from '../../lib/format';
import { CHANNEL_LABELS, TACTIC_LABELS } from '@hubpulse/contracts';
import { useAudienceRights } from './use-audiences';
import { DataTable } from '../../charts/shared/data-table';

/** Audiences → Programmes: every programme with its audience, channels, measure and state. */
export function ProgrammesListPage() {
  const query = useQuery(programmesQuery);
  const { canEdit } = useAudienceRights();
  return (
    <div className="page__grid">
      <title>Programmes · Hubpulse</title>
      <ChartPanel
        title="Programmes"
        description="A programme records the six steps: who is targeted, how they are grouped, what content, which channels, how we engage, and how effectiveness is measured."
        className="panel--wide"
        aside={
          canEdit && (
            <Link to="/audiences/programmes/new" className="button button--primary button--small">
              New programme
            </Link>
          )
        }
      >
        <QueryStates
          data={query.data}
          error={query.error}
          onRetry={() => void query.refetch()}
          loadingLabel="Loading programmes…"
          empty={(d) => d.length === 0 && 'No programmes yet'}
          emptyText={canEdit ? 'Plan one with “New programme”, or from a segment’s page.' : 'Comms planners plan programmes here.'}
        >
          {(programmes) => (
            <DataTable caption="Programmes" columns={['Programme', 'Audience', 'Channels', 'Tactic', 'Measure', 'Status']}>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/audiences/programmes/${p.id}`} className="segment-cell__name">
                      {p.name}
                    </Link>
                  </th>
                  <td>{p.segment_name ? <Link to={`/audiences/segments/${p.segment_id}`}>{p.segment_name}</Link> : <span className="muted">archived segment</span>}</td>
                  <td>{p.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</td>
                  <td>{TACTIC_LABELS[p.tactic.kind]}</td>
                  <td>
                    {METRIC_LABELS[p.measure.metric]} ≥ {formatMeasure(p.measure.metric, p.measure.target)}
                    <span className="segment-cell__desc">{formatRange(p.measure.from, p.measure.to)}</span>
                  </td>
                  <td>
                    <span className={p.status === 'launched' ? 'badge badge--on-track' : 'badge badge--no-data'}>{p.status === 'launched' ? 'Launched' : 'Draft'}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryStates>
      </ChartPanel>
    </div>
  );
}
