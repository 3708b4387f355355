import { useQuery } from '@tanstack/react-query';
import type { ProgrammeDto, ProgrammeScorecardDto } from '@hubpulse/contracts';
import { programmeScorecardQuery } from '../../api/programmes.api';
import { PeopleCount } from '../shared/people-count';
import { formatDay, formatRange, formatShare } from '../../lib/format';
import { ChartPanel } from '../shared/chart-panel';
import { ExportMenu } from '../shared/export-menu';
import { EmptyState, QueryStates } from '../shared/chart-states';
import { ScorecardChart } from './scorecard-chart';
import { METRIC_LABELS, SCORECARD_STATUS, buildScorecardPoints, formatMeasure, scorecardDomainMax } from './scorecard.transform';

/** After launch: the measure's actual against its target, so far, week by week. */
export function ScorecardPanel({ programme }: { programme: ProgrammeDto }) {
  const query = useQuery(programmeScorecardQuery(programme.id));
  return (
    <ChartPanel
      title="Scorecard"
      description={query.data?.definition ?? 'The measure, against its target, over its period.'}
      className="panel--wide"
      aside={<ExportMenu view="programmes.scorecard" params={{ id: programme.id }} what={`scorecard of ${programme.name}`} disabled={!query.data} />}
    >
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} height={220} loadingLabel="Loading the scorecard…">
        {(d) => <ScorecardBody data={d} />}
      </QueryStates>
    </ChartPanel>
  );
}

function ScorecardBody({ data }: { data: ProgrammeScorecardDto }) {
  const status = SCORECARD_STATUS[data.status];
  const points = buildScorecardPoints(data);
  return (
    <div className="scorecard">
      <dl className="facts scorecard__facts">
        <div>
          <dt>{METRIC_LABELS[data.metric]} so far</dt>
          <dd>{data.actual === null ? <span className="muted">—</span> : formatMeasure(data.metric, data.actual)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{formatMeasure(data.metric, data.target)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--${status.tone}`}>{status.label}</span>
          </dd>
        </div>
        <div>
          <dt>Members counted</dt>
          <dd>
            <PeopleCount value={data.members} reason={null} minGroupSize={data.min_group_size} />
            <span className="facts__sub">{data.membership === 'launch' ? ' · as targeted at launch' : ' · as the segment is today'}</span>
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd className="facts__small">
            {formatRange(data.from, data.to)}
            <span className="facts__sub"> · {formatShare(data.elapsed)} elapsed{data.as_of ? `, counted to ${formatDay(data.as_of)}` : ''}</span>
          </dd>
        </div>
      </dl>
      {data.status === 'suppressed' ? (
        <EmptyState title="Hidden for privacy" height={160}>
          The people measured are fewer than {data.min_group_size}, or their number would reveal a smaller group by subtraction, so the measure is not shown.
        </EmptyState>
      ) : points.length === 0 ? (
        <EmptyState title={data.status === 'not_started' ? 'The period has not started' : 'No weeks counted yet'} height={160} />
      ) : (
        <ScorecardChart points={points} metric={data.metric} target={data.target} max={scorecardDomainMax(data)} minGroupSize={data.min_group_size} />
      )}
    </div>
  );
}
