import { useState } from 'react';
import { buildGroupRows, type GroupScoresDto } from '@hubpulse/contracts';
import { formatRange } from '../../lib/format';
import { EmptyState } from '../shared/chart-states';
import { ExportMenu } from '../shared/export-menu';
import { GroupScoresTable } from './group-scores-table';
import { GroupTrendsChart } from './group-trends-chart';
import { MAX_LINES, buildTrendPoints, defaultChartKeys, trendDomain } from './group-trends.transform';

/** The chosen groups' daily mean score as lines, and every group in a table that picks the lines. */
export function GroupTrendsView({ data, groupLabel, height }: { data: GroupScoresDto; groupLabel: string; height: number }) {
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
        <GroupTrendsChart series={series} points={points} height={height} domain={trendDomain(points, series)} name={`Daily mean score by ${groupLabel.toLowerCase()}`} minGroupSize={data.min_group_size} />
      ) : (
        <EmptyState title="No line to draw" height={height}>
          Tick a group in the table below to draw its daily mean score.
        </EmptyState>
      )}
      <div className="table-toolbar">
        <h3 className="table-toolbar__title">
          All {groupLabel.toLowerCase()} groups, last day of the range
        </h3>
        <div className="panel__actions">
          <ExportMenu view="engagement.groups" params={{ by: data.by, from: data.from, to: data.to, attribution: data.attribution }} what={`scores by ${groupLabel.toLowerCase()}`} />
          <ExportMenu view="engagement.group-trends" params={{ by: data.by, from: data.from, to: data.to, attribution: data.attribution }} what={`daily scores by ${groupLabel.toLowerCase()}`} />
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
