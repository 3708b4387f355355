import { useOverview } from '../../features/overview/use-overview';
import { ChartPanel } from '../shared/chart-panel';
import { QueryStates } from '../shared/chart-states';
import { GoalCard } from './goal-card';
import { buildGoalCards } from './goals.transform';

const HEIGHT = 200;

export function GoalsContainer() {
  const { data, error, refetch } = useOverview();
  const cards = data ? buildGoalCards(data.goals) : [];

  return (
    <ChartPanel
      title="Goals"
      description="Strategy KPIs against their targets: latest monthly value, progress from baseline, and the trend against target."
      className="panel--goals"
    >
      <QueryStates
        data={data}
        error={error}
        onRetry={refetch}
        height={HEIGHT}
        empty={() => cards.length === 0 && 'No goals yet'}
        emptyText="Goals with their KPI series appear here once they are set up."
      >
        {() => (
          <div className="goals__grid">
            {cards.map((card) => (
              <GoalCard key={card.id} goal={card} />
            ))}
          </div>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
