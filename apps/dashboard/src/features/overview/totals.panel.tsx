import { ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { TotalsCards } from './totals-cards';
import { buildTotalCards } from './totals.transform';
import { useOverview } from './use-overview';

export function TotalsPanel() {
  const { data, error, isPending, refetch } = useOverview();
  return (
    <section aria-label="Totals" className="totals">
      {data ? (
        <TotalsCards cards={buildTotalCards(data.totals, data.min_group_size)} />
      ) : error ? (
        <ErrorState error={error} onRetry={refetch} height={112} />
      ) : isPending ? (
        <LoadingState height={112} label="Loading totals…" />
      ) : null}
    </section>
  );
}
