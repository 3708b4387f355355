import { Link } from 'react-router';
import { sortSegments, type SegmentListDto, type SegmentSummaryDto } from '@hubpulse/contracts';
import { SizeSparkline } from '../../charts/segment-size/size-sparkline';
import { hasTrend, sizeChange, sparklinePoints } from '../../charts/segment-size/segment-size.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatCount } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { formatElapsed } from '../data-sources/data-sources.transform';
import { segmentStatus } from './segments.transform';
import { PeopleCount } from '../../charts/shared/people-count';
import { useAudienceRights, useSegments } from './use-audiences';
import { DataTable } from '../../charts/shared/data-table';

/** Audiences → Segments: every segment with its size, trend and last run. */
export function SegmentsListPage() {
  const query = useSegments();
  const { canEdit } = useAudienceRights();
  const data = query.data;
  return (
    <div className="page__grid">
      <title>Segments · Hubpulse</title>
      <ChartPanel
        title="Segments"
        description={
          data
            ? `Sizes are of each segment's current membership, computed by the workers. ${data.population === null ? '' : `The directory holds ${formatCount(data.population)} people. `}A size is hidden when the group, or what it would reveal by subtraction from another size, is smaller than ${data.min_group_size}.`
            : 'Sizes are of each segment’s current membership, computed by the workers.'
        }
        className="panel--wide"
        aside={
          <div className="panel__actions">
            <ExportMenu view="segments.list" params={{}} what="segments" disabled={!data} />
            {canEdit && (
              <Link to="/audiences/segments/new" className="button button--primary button--small">
                New segment
              </Link>
            )}
          </div>
        }
      >
        <QueryStates
          data={data}
          error={query.error}
          onRetry={() => void query.refetch()}
          loadingLabel="Loading segments…"
          empty={(d) => d.segments.length === 0 && 'No segments yet'}
          emptyText={canEdit ? 'Starter segments appear when the API starts; build your own with “New segment”.' : 'Planners build segments here.'}
        >
          {(d) => (
            <>
              <FailedBanner segments={d.segments} />
              <SegmentsTable data={d} />
            </>
          )}
        </QueryStates>
      </ChartPanel>
    </div>
  );
}

function SegmentsTable({ data }: { data: SegmentListDto }) {
  const computing = data.segments.some((s) => segmentStatus(s, Date.now(), formatElapsed).tone === 'pending');
  const now = useNow(computing ? 2_000 : 30_000);
  return (
    <DataTable caption="Segments" className="segments-table" columns={['Segment', 'Kind', { num: 'Size' }, <abbr title="Size after each recent run, oldest to newest. Hidden sizes are gaps.">Trend</abbr>, 'Last run']}>
      {sortSegments(data.segments).map((s) => (
        <SegmentRow key={s.id} segment={s} minGroupSize={data.min_group_size} now={now} />
      ))}
    </DataTable>
  );
}

function SegmentRow({ segment: s, minGroupSize, now }: { segment: SegmentSummaryDto; minGroupSize: number; now: number }) {
  const status = segmentStatus(s, now, formatElapsed);
  const points = sparklinePoints(s.runs);
  const change = sizeChange(points);
  return (
    <tr className={status.tone === 'failed' ? 'segment-row is-failed' : 'segment-row'} data-segment={s.name}>
      <th scope="row" className="segment-cell">
        <Link to={`/audiences/segments/${s.id}`} className="segment-cell__name">
          {s.name}
        </Link>
        {s.starter && <span className="badge badge--starter" title="Shipped with Hubpulse; editable like any other">Starter</span>}
        {s.description && <span className="segment-cell__desc">{s.description}</span>}
      </th>
      <td>
        <span className={`badge badge--kind badge--${s.kind}`}>{s.kind === 'dynamic' ? 'Dynamic' : 'Static'}</span>
      </td>
      <td className="num segment-size">
        {s.membership_version === null ? (
          <span className="muted">—</span>
        ) : (
          <strong>
            <PeopleCount value={s.size} reason={s.size_suppressed} minGroupSize={minGroupSize} />
          </strong>
        )}
        {change && change.direction !== 'flat' && (
          <span className={change.direction === 'up' ? 'segment-size__delta delta--up' : 'segment-size__delta delta--down'} title="Change over the runs shown in the trend">
            {change.delta > 0 ? '+' : '−'}
            {formatCount(Math.abs(change.delta))}
          </span>
        )}
      </td>
      <td className="spark-cell">{hasTrend(points) ? <div className="spark"><SizeSparkline points={points} /></div> : <span className="muted spark-cell__none">{trendNote(points)}</span>}</td>
      <td className="run-cell">
        <span className={`run-status run-status--${status.tone}`}>{status.label}</span>
        {status.error && (
          <span className="run-cell__error" role="alert">
            {status.error}
          </span>
        )}
        {status.fallback && <span className="run-cell__fallback">{status.fallback}</span>}
      </td>
    </tr>
  );
}

/** Why there is no line: no runs, one run, or too few sizes shown (the rest hidden for privacy). */
function trendNote(points: ReturnType<typeof sparklinePoints>): string {
  if (points.length === 0) return 'no runs yet';
  if (points.length === 1) return 'one run so far';
  const hidden = points.filter((p) => p.size === null).length;
  return `${points.length} runs, ${hidden} size${hidden === 1 ? '' : 's'} hidden`;
}

/** Failed runs, said once above the table so they are not missed in a long list. */
function FailedBanner({ segments }: { segments: SegmentSummaryDto[] }) {
  const failed = segments.filter((s) => s.status === 'failed' && !s.archived_at);
  if (failed.length === 0) return null;
  return (
    <p className="run-failed run-failed--banner" role="alert">
      <strong>
        {failed.length === 1 ? `The last run of “${failed[0].name}” failed.` : `The last runs of ${failed.length} segments failed.`}
      </strong>{' '}
      {failed.length === 1 ? 'Its last good membership stays in use; the error is in its row.' : 'Their last good memberships stay in use; each error is in its row.'}
    </p>
  );
}
