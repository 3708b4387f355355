import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CHANNEL_LABELS, ENGAGEMENT_TACTIC_DEFINITIONS, GROUPING_LABELS, PROGRAMME_METRIC_DEFINITIONS, PURPOSE_LABELS, TACTIC_LABELS, type ProgrammeDto } from '@hubpulse/contracts';
import { goalsQuery } from '../../api/goals.api';
import { launchProgramme, programmeQuery } from '../../api/programmes.api';
import { queryKeys } from '../../api/query-keys';
import { ForecastPanel } from '../../charts/scorecard/forecast.panel';
import { ScorecardPanel } from '../../charts/scorecard/scorecard.panel';
import { METRIC_LABELS, formatMeasure } from '../../charts/scorecard/scorecard.transform';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatDay, formatRange } from '../../lib/format';
import { useAudienceRights } from './use-audiences';

/** One programme: its six steps, the forecast before launch and the scorecard after. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const query = useQuery(programmeQuery(id));
  return (
    <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the programme…">
      {(p) => <Programme programme={p} />}
    </QueryStates>
  );
}

function Programme({ programme: p }: { programme: ProgrammeDto }) {
  const { canEdit } = useAudienceRights();
  const queryClient = useQueryClient();
  const goals = useQuery({ ...goalsQuery, select: (d) => d.goals, enabled: !!p.goal_id });
  const launch = useMutation({
    mutationFn: () => launchProgramme(p.id),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.programme(p.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmesAll });
    },
  });
  const draft = p.status === 'draft';
  const goalName = p.goal_id ? (goals.data?.find((g) => g.id === p.goal_id)?.name ?? p.goal_id) : null;
  const steps: { n: number; title: string; body: ReactNode }[] = [
    {
      n: 1,
      title: 'Who',
      body: p.segment_name ? <Link to={`/audiences/segments/${p.segment_id}`}>{p.segment_name}</Link> : <span className="muted">archived segment</span>,
    },
    { n: 2, title: 'Grouped', body: GROUPING_LABELS[p.grouping].label },
    { n: 3, title: 'Content', body: <>{p.content.purposes.map((x) => PURPOSE_LABELS[x]).join(', ')}{p.content.notes && <span className="step-card__note">{p.content.notes}</span>}</> },
    { n: 4, title: 'Channels', body: p.channels.map((c) => CHANNEL_LABELS[c]).join(', ') },
    {
      n: 5,
      title: 'Engage',
      body: (
        <>
          <abbr title={ENGAGEMENT_TACTIC_DEFINITIONS[p.tactic.kind]}>{TACTIC_LABELS[p.tactic.kind]}</abbr>
          {p.tactic.notes && <span className="step-card__note">{p.tactic.notes}</span>}
        </>
      ),
    },
    {
      n: 6,
      title: 'Measure',
      body: (
        <>
          <abbr title={PROGRAMME_METRIC_DEFINITIONS[p.measure.metric]}>{METRIC_LABELS[p.measure.metric]}</abbr> target {formatMeasure(p.measure.metric, p.measure.target)}
          <span className="step-card__note">{formatRange(p.measure.from, p.measure.to)}</span>
        </>
      ),
    },
  ];
  return (
    <div className="page__grid">
      <title>{`${p.name} · Programmes · Hubpulse`}</title>
      <p className="breadcrumb">
        <Link to="/audiences/programmes">Programmes</Link> / <span>{p.name}</span>
      </p>
      <section className="panel" aria-label="Programme">
        <header className="panel__header">
          <div className="panel__heading">
            <h2 className="segment-summary__title">
              {p.name}
              <span className={draft ? 'badge badge--no-data' : 'badge badge--on-track'}>{draft ? 'Draft' : 'Launched'}</span>
            </h2>
            <p className="panel__description">
              {draft ? `Created by ${p.created_by} on ${formatDay(p.created_at)}.` : `Launched by ${p.launched_by ?? '—'} on ${formatDay(p.launched_at ?? p.updated_at)}.`}
              {goalName ? (
                <>
                  {' '}
                  Serves the goal <Link to={`/strategy/goals/${encodeURIComponent(p.goal_id!)}`}>“{goalName}”</Link>.
                </>
              ) : (
                ' Not linked to a strategy goal.'
              )}
            </p>
          </div>
          {canEdit && draft && (
            <div className="panel__actions">
              <Link to={`/audiences/programmes/${p.id}/edit`} className="button button--secondary button--small">
                Edit
              </Link>
              <button type="button" className="button button--primary button--small" onClick={() => launch.mutate()} disabled={launch.isPending}>
                {launch.isPending ? 'Launching…' : 'Launch'}
              </button>
            </div>
          )}
        </header>
        {launch.isError && (
          <p className="form__error" role="alert">
            Could not launch: {launch.error instanceof Error ? launch.error.message : 'unknown error'}
          </p>
        )}
        <ol className="step-cards">
          {steps.map((s) => (
            <li key={s.n} className="step-card">
              <span className="step__n">{s.n}</span>
              <span className="step-card__title">{s.title}</span>
              <span className="step-card__body">{s.body}</span>
            </li>
          ))}
        </ol>
      </section>
      {draft ? (
        <ForecastPanel programmeId={p.id} />
      ) : (
        <>
          <ScorecardPanel programme={p} />
          <ForecastPanel programmeId={p.id} atLaunch={p.forecast_at_launch} />
        </>
      )}
    </div>
  );
}
