import { useState } from 'react';
import type { GroupScoresDto } from '@hubpulse/contracts';
import { useGroupScores, useGroupSelection } from '../../features/engagement/use-engagement';
import { formatRange } from '../../lib/format';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState, QueryStates } from '../shared/chart-states';
import { ExportCsvButton } from '../shared/export-csv-button';
import { GroupScoresTable } from './group-scores-table';
import { GroupTrendsChart } from './group-trends-chart';
import {
  GROUP_BY_OPTIONS,
  GROUP_RANGE_DAYS,
  MAX_LINES,
  buildGroupRows,
  buildTrendPoints,
  defaultChartKeys,
  groupTrendsCsv,
  groupsCsv,
  trendDomain,
} from './group-trends.transform';

const HEIGHT = 300;

export function GroupTrendsContainer() {
  const { selection, data, error, isStale, refetch } = useGroupScores();
  const option = GROUP_BY_OPTIONS.find((o) => o.by === selection.by) ?? GROUP_BY_OPTIONS[0];

  return (
    <ChartPanel
      title="Scores by group"
      description={
        <>
          The mean of the daily 0–100 score over each {option.noun}'s people; a manager's group is everyone in their reporting tree. Groups
          under {data?.min_group_size ?? 'the minimum of'} people are hidden for privacy.
        </>
      }
      className={isStale ? 'panel--wide is-stale' : 'panel--wide'}
      aside={<GroupControls />}
    >
      <QueryStates
        data={data}
        error={error}
        onRetry={refetch}
        height={HEIGHT}
        loadingLabel="Loading scores by group…"
        empty={(d) => d.groups.length === 0 && `No ${option.noun} groups`}
        emptyText={`The directory has no ${option.label.toLowerCase()} for these people yet.`}
      >
        {/* A new grouping starts with its own default lines. */}
        {(d) => <GroupTrendsBody key={`${d.by}:${d.from}:${d.to}`} data={d} groupLabel={option.label} />}
      </QueryStates>
    </ChartPanel>
  );
}

function GroupControls() {
  const { selection, setSelection } = useGroupSelection();
  return (
    <div className="panel__controls">
      <div className="segmented" role="group" aria-label="Group by">
        {GROUP_BY_OPTIONS.map((o) => (
          <button
            key={o.by}
            type="button"
            className={o.by === selection.by ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={o.by === selection.by}
            onClick={() => setSelection({ ...selection, by: o.by })}
          >
            {o.label}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Range">
        {GROUP_RANGE_DAYS.map((d) => (
          <button
            key={d}
            type="button"
            className={d === selection.days ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={d === selection.days}
            onClick={() => setSelection({ ...selection, days: d })}
          >
            {d} days
          </button>
        ))}
      </div>
    </div>
  );
}

function GroupTrendsBody({ data, groupLabel }: { data: GroupScoresDto; groupLabel: string }) {
  const rows = buildGroupRows(data);
  const [chartKeys, setChartKeys] = useState(() => defaultChartKeys(rows, data.by));
  const { series, points } = buildTrendPoints(data, chartKeys);
  const hidden = rows.filter((r) => r.suppressed).length;
  const toggle = (key: string) =>
    setChartKeys((current) => (current.includes(key) ? current.filter((k) => k !== key) : current.length < MAX_LINES ? [...current, key] : current));

  return (
    <>
      <p className="chart-caption">
        Daily mean score, {formatRange(data.from, data.to)} · {series.length === 0 ? 'no lines chosen' : `${series.length} of ${rows.length} groups drawn`}{' '}
        · tick groups in the table to compare them (up to {MAX_LINES}); the axis zooms to the lines drawn
      </p>
      {series.length > 0 ? (
        <GroupTrendsChart series={series} points={points} height={HEIGHT} domain={trendDomain(points, series)} />
      ) : (
        <EmptyState title="No line to draw" height={HEIGHT}>
          Tick a group in the table below to draw its daily mean score.
        </EmptyState>
      )}
      <div className="table-toolbar">
        <h3 className="table-toolbar__title">
          All {groupLabel.toLowerCase()} groups, last day of the range
        </h3>
        <div className="panel__actions">
          <ExportCsvButton stem={`scores-by-${data.by}-${data.to}`} csv={() => groupsCsv(data)} what={`scores by ${groupLabel.toLowerCase()}`} hasSuppressed={hidden > 0} />
          <ExportCsvButton stem={`daily-scores-by-${data.by}-${data.to}`} label="Export daily CSV" csv={() => groupTrendsCsv(data)} hasSuppressed={hidden > 0} />
        </div>
      </div>
      <GroupScoresTable rows={rows} groupLabel={groupLabel} minGroupSize={data.min_group_size} chartKeys={chartKeys} onToggle={toggle} />
      {hidden > 0 && (
        <p className="panel__note">
          {hidden} {hidden === 1 ? 'group is' : 'groups are'} hidden for privacy — under {data.min_group_size} people, or a few people away from another group
          shown (a dash says which): their numbers export as empty cells with a note.
        </p>
      )}
    </>
  );
}
