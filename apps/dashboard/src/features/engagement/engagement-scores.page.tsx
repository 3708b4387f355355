import { GroupTrendsContainer } from '../../charts/group-trends/group-trends.container';
import { ScoreHistogramContainer } from '../../charts/score-distribution/score-histogram-chart.container';
import { ScoreJobsPanel } from '../score-jobs/score-jobs.panel';

/** Engagement → Scores: how scores spread, how groups compare over time, and the jobs making them. */
export function EngagementScoresPage() {
  return (
    <div className="page__grid">
      <title>Engagement scores · Hubpulse</title>
      <ScoreHistogramContainer />
      <GroupTrendsContainer />
      <ScoreJobsPanel />
    </div>
  );
}
