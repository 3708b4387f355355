import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SegmentDetailDto, SegmentListDto } from '@hubpulse/contracts';
import { queryKeys } from '../../api/query-keys';
import { archiveSegment, freezeSegment, recomputeSegment } from '../../api/segments.api';
import { ChannelRatesPanel } from '../../charts/channel-rates/channel-rates.panel';
import { COMPOSITION_DEFINITION } from '@hubpulse/contracts';
import { CompositionView } from '../../charts/composition/composition-view';
import { SizeHistoryPanel } from '../../charts/segment-size/size-history.panel';
import { runLabel } from '../../charts/segment-size/segment-size.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatDay } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { formatElapsed } from '../data-sources/data-sources.transform';
import { MemberExportPanel } from './member-export';
import { RuleOutline } from './rule-outline';
import { ruleOutline } from './rule-summary.transform';
import { SegmentHistoryPanel } from './segment-history.panel';
import { segmentStatus } from './segments.transform';
import { PeopleCount } from '../../charts/shared/people-count';
import { newestRunAt, useAudienceRights, useSegment, useSegmentNames } from './use-audiences';

/** Audiences → one segment: state, size over time, composition, channels, members and history. */
export function SegmentDetailPage() {
  const { id = '' } = useParams();
  const [waitingAfter, setWaitingAfter] = useState<string | null>(null);
  const query = useSegment(id, waitingAfter);
  const queryClient = useQueryClient();
  // A run seen here is news for the list too (it stops polling once it is off screen).
  const lastRun = query.data ? newestRunAt(query.data.runs) : '';
  useEffect(() => {
    if (lastRun) void queryClient.invalidateQueries({ queryKey: queryKeys.segments });
  }, [lastRun, queryClient]);
  return (
    <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the segment…">
      {(s) => <SegmentDetail segment={s} waiting={waitingAfter !== null && newestRunAt(s.runs) <= waitingAfter} onJob={() => setWaitingAfter(newestRunAt(s.runs))} />}
    </QueryStates>
  );
}

function SegmentDetail({ segment: s, waiting, onJob }: { segment: SegmentDetailDto; waiting: boolean; onJob: () => void }) {
  const { canEdit, canSeeMembers } = useAudienceRights();
  const names = useSegmentNames();
  const k = s.min_group_size;
  return (
    <div className="page__grid">
      <title>{`${s.name} · Segments · Hubpulse`}</title>
      <p className="breadcrumb">
        <Link to="/audiences">Segments</Link> / <span>{s.name}</span>
      </p>
      <SegmentSummaryPanel segment={s} canEdit={canEdit} waiting={waiting} onJob={onJob} names={names} />
      <SizeHistoryPanel segment={s} />
      <ChartPanel
        title="Composition"
        description={COMPOSITION_DEFINITION}
        className="panel--wide"
        aside={
          s.composition && <ExportMenu view="segments.composition" params={{ id: s.id }} what={`composition of ${s.name}`} />
        }
      >
        {s.composition ? (
          <CompositionView composition={s.composition} minGroupSize={k} />
        ) : (
          <EmptyState title={s.archived_at ? 'Archived segment' : 'Not computed yet'} height={160}>
            {s.archived_at ? 'Archived segments keep their history but no composition.' : 'The composition appears once the membership has been computed.'}
          </EmptyState>
        )}
      </ChartPanel>
      {s.membership_version !== null && <ChannelRatesPanel segmentId={s.id} segmentName={s.name} />}
      <MemberExportPanel segment={s} allowed={canSeeMembers} />
      <SegmentHistoryPanel segmentId={s.id} />
    </div>
  );
}

function SegmentSummaryPanel({
  segment: s,
  canEdit,
  waiting,
  onJob,
  names,
}: {
  segment: SegmentDetailDto;
  canEdit: boolean;
  waiting: boolean;
  onJob: () => void;
  names: Map<string, string>;
}) {
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const status = segmentStatus(s, now, formatElapsed);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const archive = useMutation({
    mutationFn: () => archiveSegment(s.id),
    onSuccess: (archived) => {
      setConfirmArchive(false);
      queryClient.setQueryData(queryKeys.segment(s.id), archived);
      // Off the cached list at once (the list leaves archived segments out), so going back to it
      // never shows the archived one while the refetch is on its way.
      queryClient.setQueryData<SegmentListDto>(queryKeys.segments, (list) => list && { ...list, segments: list.segments.filter((x) => x.id !== s.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.segments });
    },
  });
  const job = useMutation({
    mutationFn: () => (s.kind === 'static' ? freezeSegment(s.id) : recomputeSegment(s.id)),
    onSuccess: () => {
      onJob();
      void queryClient.invalidateQueries({ queryKey: queryKeys.segment(s.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.segments });
    },
  });
  const live = !s.archived_at;
  const tone = waiting ? 'pending' : status.tone;
  return (
    <section className={`panel segment-summary segment-summary--${tone}`} aria-label="Segment">
      <header className="panel__header">
        <div className="panel__heading">
          <h2 className="segment-summary__title">
            {s.name}
            {s.starter && <span className="badge badge--starter">Starter</span>}
            <span className={`badge badge--kind badge--${s.kind}`}>{s.kind === 'dynamic' ? 'Dynamic' : 'Static'}</span>
            {s.archived_at && <span className="badge badge--no-data">Archived {formatDay(s.archived_at)}</span>}
          </h2>
          {s.description && <p className="panel__description">{s.description}</p>}
        </div>
        {canEdit && live && (
          <div className="panel__actions">
            <Link to={`/audiences/programmes/new?segment=${encodeURIComponent(s.id)}`} className="button button--ghost button--small">
              Plan a programme
            </Link>
            <Link to={`/audiences/segments/${s.id}/edit`} className="button button--secondary button--small">
              Edit rule
            </Link>
            <button type="button" className="button button--primary button--small" onClick={() => job.mutate()} disabled={job.isPending || waiting}>
              {s.kind === 'static' ? (s.membership_version === null ? 'Freeze membership' : 'Freeze again') : 'Recompute now'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => setConfirmArchive(true)} disabled={archive.isPending || confirmArchive}>
              Archive
            </button>
          </div>
        )}
      </header>
      {confirmArchive && (
        <div className="inline-confirm" role="alertdialog" aria-label="Archive this segment?">
          <p>
            Archive <strong>{s.name}</strong>? It is no longer recomputed or listed; its history, memberships and programmes are kept.
          </p>
          <div className="inline-form__actions">
            <button type="button" className="button button--primary button--small" onClick={() => archive.mutate()} disabled={archive.isPending}>
              {archive.isPending ? 'Archiving…' : 'Archive'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => setConfirmArchive(false)}>
              Cancel
            </button>
          </div>
          {archive.isError && (
            <p className="form__error" role="alert">
              {/* the API names the field ("id: …"); here the field is the page itself */}
              {archive.error instanceof Error ? archive.error.message.replace(/^id: /, '') : 'Could not archive the segment.'}
            </p>
          )}
        </div>
      )}
      {status.tone === 'failed' && !waiting && (
        <div className="run-failed" role="alert">
          <p className="run-failed__title">The last run failed</p>
          <p className="run-failed__error">{status.error}</p>
          <p>{status.fallback}</p>
        </div>
      )}
      {job.isError && (
        <p className="form__error" role="alert">
          Could not start the job: {job.error instanceof Error ? job.error.message : 'unknown error'}
        </p>
      )}
      <div className="segment-summary__body">
        <dl className="facts segment-facts">
          <div>
            <dt>Members</dt>
            <dd data-testid="segment-size">
              {s.membership_version === null ? <span className="muted">—</span> : <PeopleCount value={s.size} reason={s.size_suppressed} minGroupSize={s.min_group_size} />}
            </dd>
          </div>
          <div>
            <dt>Run status</dt>
            <dd className={`run-status run-status--${tone}`}>{waiting ? (s.kind === 'static' ? 'Freezing…' : 'Recomputing…') : status.label}</dd>
          </div>
          <div>
            <dt>{s.kind === 'static' ? 'Frozen' : 'Computed'}</dt>
            <dd className="facts__small" title={s.membership_version === null ? undefined : `Membership version ${s.membership_version}`}>
              {s.computed_at ? `${runLabel(s.computed_at)} UTC` : 'not yet'}
            </dd>
          </div>
          <div>
            <dt>Definition</dt>
            <dd className="facts__small">
              v{s.definition_version}
              {s.computed_definition_version !== null && s.computed_definition_version !== s.definition_version && (
                <span className="facts__sub"> · membership from v{s.computed_definition_version}</span>
              )}
            </dd>
          </div>
        </dl>
        <div className="segment-summary__rule">
          <h3 className="recs__title">Rule</h3>
          <RuleOutline lines={ruleOutline(s.rule, { segments: names })} />
          {s.kind === 'static' && (
            <p className="definition">Static: the membership was frozen{s.frozen_at ? ` on ${formatDay(s.frozen_at)}` : ''} and does not follow the rule until frozen again.</p>
          )}
        </div>
      </div>
    </section>
  );
}
