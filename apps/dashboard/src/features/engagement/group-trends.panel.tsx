import { GroupTrendsView } from '../../charts/group-trends/group-trends-view';
import { ATTRIBUTION_OPTIONS, GROUP_BY_OPTIONS, GROUP_RANGE_DAYS } from '../../charts/group-trends/group-trends.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { Segmented } from '../../charts/shared/segmented';
import { useGroupScores, useGroupSelection } from './use-engagement';

const HEIGHT = 300;

export function GroupTrendsPanel() {
  const { selection, data, error, isStale, refetch } = useGroupScores();
  const option = GROUP_BY_OPTIONS.find((o) => o.by === selection.by) ?? GROUP_BY_OPTIONS[0];

  return (
    <ChartPanel
      title="Scores by group"
      description={
        <>
          The mean of the daily 0–100 score over each {option.noun}'s people; a manager's group is everyone in their reporting tree.{' '}
          {data?.attribution === 'today'
            ? "Each day counts people under today's groups."
            : 'Each day counts people under the group they were in that day (department, location and manager as the directory had them).'}{' '}
          Groups under {data?.min_group_size ?? 'the minimum of'} people are hidden for privacy.
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
        {(d) => <GroupTrendsView key={`${d.by}:${d.from}:${d.to}`} data={d} groupLabel={option.label} height={HEIGHT} />}
      </QueryStates>
    </ChartPanel>
  );
}

function GroupControls() {
  const { selection, setSelection } = useGroupSelection();
  return (
    <div className="panel__controls">
      <Segmented label="Group by" options={GROUP_BY_OPTIONS} isActive={(o) => o.by === selection.by} onSelect={(o) => setSelection({ ...selection, by: o.by })}>
        {(o) => o.label}
      </Segmented>
      <Segmented
        label="Count under"
        options={ATTRIBUTION_OPTIONS}
        isActive={(o) => o.attribution === (selection.attribution ?? 'as_it_was')}
        onSelect={(o) => setSelection({ ...selection, attribution: o.attribution })}
      >
        {(o) => o.label}
      </Segmented>
      <Segmented label="Range" options={GROUP_RANGE_DAYS} isActive={(d) => d === selection.days} onSelect={(d) => setSelection({ ...selection, days: d })}>
        {(d) => <>{d} days</>}
      </Segmented>
    </div>
  );
}
