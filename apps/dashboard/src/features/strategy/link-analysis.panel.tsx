import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CORRELATION_CAVEAT, type EngagementSeriesKey, type GoalDetailDto, type GoalLinkDto, type LinkAnalysisDto } from '@hubpulse/contracts';
import { deleteGoalLink, linkAnalysisQuery } from '../../api/goals.api';
import {
  ENGAGEMENT_SERIES,
  buildLinkSeries,
  correlationRows,
  correlationSummary,
  defaultSeries,
  seriesLabel,
  seriesUnit,
} from '../../charts/goal-links/link-analysis.transform';
import { MonthlySeriesChart } from '../../charts/goal-links/link-series-chart';
import { formatGoalValue } from '../../charts/goals/goals.transform';
import { QueryStates } from '../../charts/shared/chart-states';
import { chartTheme } from '../../charts/shared/chart-theme';
import { ExportMenu } from '../../charts/shared/export-menu';
import { SuppressedValue } from '../../charts/shared/suppressed-value';
import { Segmented } from '../../charts/shared/segmented';
import { formatCount, formatScore } from '../../lib/format';
import { CorrelationTable } from './correlation-table';
import { DidSection } from './did-section';
import { LinkEditForm } from './link-form';
import { useRefreshGoals } from './use-strategy';

/** One contribution hypothesis: the audience's engagement against the KPI, month by month, with honest statistics. */
export function LinkAnalysisPanel({ goal, link, canEdit }: { goal: GoalDetailDto; link: GoalLinkDto; canEdit: boolean }) {
  const query = useQuery(linkAnalysisQuery(goal.id, link.id));
  const [editing, setEditing] = useState(false);
  const refresh = useRefreshGoals();
  const remove = useMutation({ mutationFn: () => deleteGoalLink(goal.id, link.id), onSuccess: () => void refresh() });
  return (
    <section className="panel link-panel" aria-label={`Engagement against the KPI: ${link.audience_label}`}>
      <header className="panel__header">
        <div className="panel__heading">
          <h3 className="panel__title">{link.audience_label}</h3>
          <p className="link-panel__hypothesis">“{link.hypothesis}”</p>
        </div>
        {canEdit && !editing && (
          <div className="panel__controls no-print">
            <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
              Edit link
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.isPending}
              onClick={() => window.confirm(`Remove the link to ${link.audience_label}?`) && remove.mutate()}
            >
              Remove
            </button>
          </div>
        )}
      </header>
      {editing && <LinkEditForm link={link} onDone={() => setEditing(false)} />}
      {remove.error && (
        <p className="form__error" role="alert">
          {remove.error.message}
        </p>
      )}
      <p className="caveat" role="note">
        <strong>Correlation, not proof.</strong> Engagement and the KPI moving together does not show that one causes the other: both may follow the season,
        the market or a third cause.
      </p>
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Comparing engagement with the KPI…" height={220}>
        {(a) => <LinkAnalysisBody analysis={a} />}
      </QueryStates>
    </section>
  );
}

function LinkAnalysisBody({ analysis }: { analysis: LinkAnalysisDto }) {
  const [series, setSeries] = useState<EngagementSeriesKey>(defaultSeries(analysis));
  const points = buildLinkSeries(analysis, series);
  const rows = correlationRows(analysis, series);
  const k = analysis.min_group_size;
  const fmtKpi = (v: number) => formatGoalValue(v, analysis.goal);
  const syncId = `link-${analysis.link.id}`;
  return (
    <div className="link-analysis">
      <p className="link-analysis__audience">
        Audience today:{' '}
        <strong>{analysis.audience_size === null ? <SuppressedValue minGroupSize={k} /> : `${formatCount(analysis.audience_size)} people`}</strong>. {analysis.definitions.audience}
      </p>
      <div className="link-analysis__controls no-print">
        <Segmented label="Engagement series" options={ENGAGEMENT_SERIES} isActive={(s) => s === series} onSelect={setSeries}>
          {(s) => seriesLabel(s)}
        </Segmented>
      </div>
      <div className="small-multiples">
        <MonthlySeriesChart points={points} dataKey="kpi" title={`KPI: ${analysis.goal.name}`} color={chartTheme.primary} format={fmtKpi} syncId={syncId} />
        <MonthlySeriesChart
          points={points}
          dataKey="engagement"
          title={`${seriesLabel(series)} (${seriesUnit(series)})`}
          color={chartTheme.secondary}
          format={(v) => formatScore(v)}
          syncId={syncId}
          domain={[0, 100]}
        />
      </div>
      <p className="definition">{series === 'mean_score' ? analysis.definitions.mean_score : analysis.definitions.purposes}</p>

      <div className="table-toolbar">
        <h4 className="table-toolbar__title">Lagged correlation: {seriesLabel(series).toLowerCase()} against the KPI</h4>
        <ExportMenu view="goals.link-correlations" params={{ id: analysis.goal.id, link_id: analysis.link.id }} what={`correlations with ${analysis.link.audience_label}`} />
      </div>
      <p className="correlations__summary">
        <span className="caveat-tag">{CORRELATION_CAVEAT}</span> {correlationSummary(rows, analysis.min_points)}
      </p>
      <CorrelationTable rows={rows} caption={`${seriesLabel(series)} against ${analysis.goal.name}, lags 0 to 3 months`} />
      <p className="definition">{analysis.correlation_method}</p>
      <p className="definition">{analysis.multiple_comparisons_note}</p>

      {analysis.link.kind === 'programme' && <DidSection did={analysis.did} reason={analysis.did_reason} minGroupSize={k} />}
    </div>
  );
}
