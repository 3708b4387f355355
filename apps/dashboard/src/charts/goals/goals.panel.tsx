import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { goalsQuery } from '../../api/goals.api';
import { ChartPanel } from '../shared/chart-panel';
import { QueryStates } from '../shared/chart-states';
import { GoalCard } from './goal-card';
import { buildGoalCard, formatGoalValue } from './goals.transform';

const HEIGHT = 200;

/** The Overview's goals: the same cards, statuses and forecasts as the Strategy page. */
export function GoalsPanel() {
  const { data, error, refetch } = useQuery(goalsQuery);

  return (
    <ChartPanel
      title="Goals"
      description={
        <>
          Strategy KPIs against their targets: latest monthly value, progress from baseline, status and forecast.{' '}
          <Link to="/strategy">How status is decided, and the detail of each goal</Link>
        </>
      }
      className="panel--goals"
    >
      <QueryStates
        data={data}
        error={error}
        onRetry={() => void refetch()}
        height={HEIGHT}
        empty={(d) => d.goals.length === 0 && 'No goals yet'}
        emptyText="Goals with their KPI series appear here once they are set up in Strategy."
      >
        {(d) => (
          <div className="goals__grid">
            {d.goals.map((g) => (
              <GoalCard key={g.id} goal={buildGoalCard(g)} format={(v) => formatGoalValue(v, g)} to={`/strategy/goals/${g.id}`} />
            ))}
          </div>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
