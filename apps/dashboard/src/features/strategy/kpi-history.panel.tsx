import { useQuery } from '@tanstack/react-query';
import type { GoalDetailDto } from '@hubpulse/contracts';
import { goalHistoryQuery } from '../../api/goals.api';
import { formatGoalValue } from '../../charts/goals/goals.transform';
import { KPI_SOURCE_LABELS, formatSetAt } from '../../charts/goals/kpi-target.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatMonth } from '../../lib/format';
import { DataTable } from '../../charts/shared/data-table';

/** Values that were replaced or removed, newest change first: what it was, who set it, who changed it. */
export function KpiHistoryPanel({ goal }: { goal: GoalDetailDto }) {
  const query = useQuery(goalHistoryQuery(goal.id));
  const fmt = (v: number) => formatGoalValue(v, goal, { compact: false });
  return (
    <ChartPanel
      title="Value history"
      description="Every value that was replaced or removed, with who had set it and who changed it. Nothing is lost by entering or importing a value again."
      className="panel--wide"
      aside={
        query.data && (
          <ExportMenu view="goals.kpi-history" params={{ id: goal.id }} what="value history" disabled={query.data.history.length === 0} />
        )
      }
    >
      <QueryStates
        data={query.data}
        error={query.error}
        onRetry={() => void query.refetch()}
        height={100}
        empty={(d) => d.history.length === 0 && 'No value has been replaced or removed yet'}
      >
        {(d) => (
          <DataTable caption={<>Replaced and removed values of {goal.name}</>} columns={['Month', { num: 'Old value' }, 'Set by', 'Note', 'Change', 'Changed by']}>
            {d.history.map((h, i) => (
              <tr key={`${h.period}-${h.replaced_at}-${i}`}>
                <th scope="row">{formatMonth(h.period)}</th>
                <td className="num">{fmt(h.value)}</td>
                <td>
                  {KPI_SOURCE_LABELS[h.source] ?? h.source}
                  <span className="kpi-values__by">
                    {h.set_by}, {formatSetAt(h.set_at)}
                  </span>
                </td>
                <td className="kpi-values__note">{h.note ?? ''}</td>
                <td>{h.change === 'deleted' ? 'Removed' : 'Replaced'}</td>
                <td>
                  {h.replaced_by}
                  <span className="kpi-values__by">{formatSetAt(h.replaced_at)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
