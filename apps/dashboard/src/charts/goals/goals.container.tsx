import { useOverview } from '../../features/overview/use-overview';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../shared/chart-states';
import { GoalCard } from './goal-card';
import { buildGoalCards } from './goals.transform';

const HEIGHT = 200;

export function GoalsContainer() {
  const { data, error, isPending, refetch } = useOverview();
  const cards = data ? buildGoalCards(data.goals) : [];

  return (
    <ChartPanel
      title="Goals"
      description="Strategy KPIs against their targets: latest monthly value, progress from baseline, and the trend against target."
      className="panel--goals"
    >
      {!data && error ? (
        <ErrorState error={error} onRetry={refetch} height={HEIGHT} />
      ) : isPending || !data ? (
        <LoadingState height={HEIGHT} />
      ) : cards.length === 0 ? (
        <EmptyState title="No goals yet" height={HEIGHT}>
          Goals with their KPI series appear here once they are set up.
        </EmptyState>
      ) : (
        <div className="goals__grid">
          {cards.map((card) => (
            <GoalCard key={card.id} goal={card} />
          ))}
        </div>
      )}
    </ChartPanel>
  );
}
