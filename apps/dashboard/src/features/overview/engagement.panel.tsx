import { ENGAGEMENT_INDEX_DEFINITION } from '@hubpulse/contracts';
import { EngagementChart } from '../../charts/engagement/engagement-chart';
import { buildEngagementSeries, summarizeEngagement } from '../../charts/engagement/engagement.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { ExportMenu } from '../../charts/shared/export-menu';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatDay } from '../../lib/format';
import { useOverview } from './use-overview';

const HEIGHT = 260;

export function EngagementPanel() {
  const { data, error, refetch, selection } = useOverview();
  const minGroupSize = data?.min_group_size ?? 5;
  const points = data ? buildEngagementSeries(data.engagement, data.range, { trimLeadingEmpty: selection.kind === 'all' }) : [];
  const summary = summarizeEngagement(points);

  // The definition is in contracts (metric-definitions), which the Glossary reads too.
  const description = (
    <>
      {ENGAGEMENT_INDEX_DEFINITION} Days when fewer than{' '}
      {minGroupSize} people did are hidden.
    </>
  );

  const kpis = summary.hasIndex ? (
    <dl className="kpis">
      <div>
        <dt>Average</dt>
        <dd>{summary.average?.toFixed(1)}%</dd>
      </div>
      {summary.latest && (
        <div>
          <dt>Latest ({formatDay(summary.latest.day)})</dt>
          <dd>{summary.latest.index?.toFixed(1)}%</dd>
        </div>
      )}
    </dl>
  ) : null;
  const aside = (
    <>
      {kpis}
      <ExportMenu view="overview.engagement" params={{ ...data?.range }} what="Engagement index by day" disabled={!data} />
    </>
  );

  return (
    <ChartPanel title="Engagement index" description={description} aside={aside} className="panel--engagement">
      <QueryStates
        data={data}
        error={error}
        onRetry={refetch}
        height={HEIGHT}
        empty={() => !summary.hasIndex && (summary.suppressedDays > 0 ? 'Too few people to show' : 'No activity in this range')}
        emptyText={
          summary.suppressedDays > 0
            ? `On every day of this range fewer than ${minGroupSize} people were active in the week before, so the index is hidden for privacy.`
            : 'The index appears once people are active on the hub.'
        }
      >
        {() => (
          <>
            <EngagementChart points={points} minGroupSize={minGroupSize} height={HEIGHT} />
            {summary.suppressedDays > 0 && (
              <p className="panel__note">
                {summary.suppressedDays} {summary.suppressedDays === 1 ? 'day is' : 'days are'} hidden: fewer than {minGroupSize}{' '}
                people were active in the week before.
              </p>
            )}
          </>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
