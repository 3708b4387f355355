import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { GOAL_STATUS_LABELS, GOAL_STATUSES, type StrategyOverviewDto } from '@hubpulse/contracts';
import { strategyOverviewQuery } from '../../api/goals.api';
import { GoalCard } from '../../charts/goals/goal-card';
import { buildGoalCard, formatGoalValue } from '../../charts/goals/goals.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { PrintButton } from './print-button';
import { PurposeScorecardPanel } from './purpose-scorecard.panel';
import { forecastSummary, statusSummary } from './strategy-summary.transform';
import { useGoalRights } from './use-strategy';
import { PageHeader } from '../shell/page-header';

/** Leadership's landing page: is the hub moving the strategy? Goals at a glance, then the five purposes. */
export function StrategyPage() {
  const query = useQuery(strategyOverviewQuery);
  const { canEdit } = useGoalRights();
  return (
    <main className="page strategy">
      <title>Strategy · Hubpulse</title>
      <PageHeader
        title="Strategy"
        aside={
            <div className="page__actions no-print">
              <PrintButton />
              {canEdit && (
                <Link to="/strategy/goals/new" className="button button--primary">
                  New goal
                </Link>
              )}
            </div>
        }
      >
        <span>Strategy goals, their KPIs against target, and what engagement on the hub has to do with them</span>
        {query.data && <span className="page__privacy">Groups under {query.data.min_group_size} people are hidden for privacy</span>}
      </PageHeader>
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the goals…" height={320}>
        {(data) => <StrategyContent data={data} canEdit={canEdit} />}
      </QueryStates>
    </main>
  );
}

function StrategyContent({ data, canEdit }: { data: StrategyOverviewDto; canEdit: boolean }) {
  const forecast = forecastSummary(data.goals);
  return (
    <div className="page__grid">
      <section className="summary-line" aria-label="Summary">
        <p className="summary-line__main">{statusSummary(data.goals)}</p>
        {forecast && <p className="summary-line__sub">{forecast}</p>}
      </section>

      <ChartPanel
        title="Goals"
        description="Each goal's latest monthly KPI value against its target, how far along it is against where it should be by now, and the forecast for the end of its period. Open a goal for its chart, values and the engagement linked to it."
        className="panel--wide"
        aside={
              <ul className="status-counts" aria-label="Goals by status">
                {GOAL_STATUSES.map((s) => (
                  <li key={s} className={`status-counts__item status-counts__item--${s}`}>
                    <strong>{data.status_counts[s]}</strong> {GOAL_STATUS_LABELS[s].toLowerCase()}
                  </li>
                ))}
              </ul>
        }
      >
        {data.goals.length === 0 ? (
          <div className="chart-state chart-state--empty" style={{ minHeight: 160 }}>
            <p className="chart-state__title">No goals yet</p>
            <p className="chart-state__text">
              {canEdit ? (
                <>
                  <Link to="/strategy/goals/new">Set the first goal</Link>: a KPI such as revenue with its baseline, target and period.
                </>
              ) : (
                'Admins and leaders set goals here; they appear as soon as one exists.'
              )}
            </p>
          </div>
        ) : (
          <div className="strategy-goals">
            <div className="goals__grid">
              {data.goals.map((g) => (
                <GoalCard key={g.id} goal={buildGoalCard(g)} format={(v) => formatGoalValue(v, g)} to={`/strategy/goals/${g.id}`} />
              ))}
            </div>
            <aside className="definitions definitions--row" aria-label="How to read the cards">
              <div>
                <h3 className="definitions__title">How status is decided</h3>
                <p>{data.status_rule}</p>
              </div>
              <div>
                <h3 className="definitions__title">Progress</h3>
                <p>{data.progress_definition} The tick on the bar marks the expected progress.</p>
              </div>
              <div>
                <h3 className="definitions__title">Forecast</h3>
                <p>{data.forecast_method}</p>
              </div>
            </aside>
          </div>
        )}
      </ChartPanel>

      <PurposeScorecardPanel overview={data} />
    </div>
  );
}
