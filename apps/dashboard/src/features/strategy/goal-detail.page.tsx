import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { GoalDetailDto } from '@hubpulse/contracts';
import { deleteGoal, goalQuery } from '../../api/goals.api';
import { formatGoalValue, targetLine } from '../../charts/goals/goals.transform';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatDay } from '../../lib/format';
import { KpiHistoryPanel } from './kpi-history.panel';
import { KpiImportPanel } from './kpi-import.panel';
import { KpiTargetPanel } from './kpi-target.panel';
import { KpiValuesPanel } from './kpi-values.panel';
import { LinkAnalysisPanel } from './link-analysis.panel';
import { LinkCreateForm } from './link-form';
import { PrintButton } from './print-button';
import { goalHeadline } from './strategy-summary.transform';
import { useGoalRights, useRefreshGoals } from './use-strategy';
import { PageHeader } from '../shell/page-header';

/** /strategy/goals/:id — one goal: KPI against target with its forecast, the values, and the engagement linked to it. */
export function GoalDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery(goalQuery(id));
  return (
    <main className="page strategy">
      <nav className="breadcrumb no-print" aria-label="Breadcrumb">
        <Link to="/strategy">Strategy</Link> / {query.data?.name ?? 'Goal'}
      </nav>
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the goal…" height={320}>
        {(goal) => <GoalDetail goal={goal} />}
      </QueryStates>
    </main>
  );
}

function GoalDetail({ goal }: { goal: GoalDetailDto }) {
  const { canEdit } = useGoalRights();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const refresh = useRefreshGoals();
  const remove = useMutation({
    mutationFn: () => deleteGoal(goal.id),
    onSuccess: async () => {
      await navigate('/strategy');
      await refresh();
    },
  });
  const headline = goalHeadline({
    ...goal,
    forecast_end: goal.forecast?.end ?? null,
    probability_of_meeting_target: goal.forecast?.probability_of_meeting_target ?? null,
  });
  return (
    <>
      <title>{`${goal.name} · Strategy · Hubpulse`}</title>
      <PageHeader
        title={goal.name}
        aside={
            <div className="page__actions no-print">
              <PrintButton />
              {canEdit && (
                <>
                  <Link to={`/strategy/goals/${goal.id}/edit`} className="button button--secondary">
                    Edit goal
                  </Link>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={remove.isPending}
                    onClick={() => window.confirm(`Delete “${goal.name}” with its values, history and links?`) && remove.mutate()}
                  >
                    Delete
                  </button>
                </>
              )}
            </div>
        }
      >
        <span>
          {goal.metric_label} · {goal.scope_label}
        </span>
        <span>
          {targetLine(goal)}, from a baseline of {formatGoalValue(goal.baseline, goal)}; period {formatDay(goal.period_start)} – {formatDay(goal.period_end)}
        </span>
        {goal.owner && <span>Owner: {goal.owner}</span>}
      </PageHeader>
      {remove.error && (
        <p className="form__error" role="alert">
          {remove.error.message}
        </p>
      )}
      <div className="page__grid">
        <section className={`summary-line summary-line--${goal.status.status ?? 'none'}`} aria-label="Summary">
          <p className="summary-line__main">{headline}</p>
        </section>
        <KpiTargetPanel goal={goal} />
        <KpiValuesPanel goal={goal} canEdit={canEdit} />
        {canEdit && <KpiImportPanel goalId={goal.id} />}
        <KpiHistoryPanel goal={goal} />

        <section className="link-section" aria-label="Engagement against the KPI">
          <div className="link-section__header">
            <div>
              <h2 className="section-title">Engagement against the KPI</h2>
              <p className="panel__description">
                Each link is a contribution hypothesis: whose engagement on the hub should move this goal. For each, the audience's monthly engagement
                beside the KPI, and how closely they move together — correlation, not proof.
              </p>
            </div>
            {canEdit && !adding && (
              <button type="button" className="button button--secondary no-print" onClick={() => setAdding(true)}>
                Link an audience
              </button>
            )}
          </div>
          {adding && (
            <section className="panel" aria-label="New link">
              <LinkCreateForm goalId={goal.id} onDone={() => setAdding(false)} />
            </section>
          )}
          {goal.links.length === 0 && !adding && (
            <div className="chart-state chart-state--empty" style={{ minHeight: 120 }}>
              <p className="chart-state__title">No audience linked yet</p>
              <p className="chart-state__text">Link a segment, a programme or departments to compare their engagement with this KPI.</p>
            </div>
          )}
          {goal.links.map((l) => (
            <LinkAnalysisPanel key={l.id} goal={goal} link={l} canEdit={canEdit} />
          ))}
          {goal.programmes.filter((p) => !p.linked).length > 0 && (
            <p className="panel__note">
              Programmes aimed at this goal without a link yet:{' '}
              {goal.programmes
                .filter((p) => !p.linked)
                .map((p) => p.name)
                .join(', ')}
              . Link one to see its before/after comparison.
            </p>
          )}
        </section>
      </div>
    </>
  );
}
