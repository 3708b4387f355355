import { ScoreJobsPanel } from '../score-jobs/score-jobs.panel';
import { GroupTrendsPanel } from './group-trends.panel';
import { ScoreDistributionPanel } from './score-distribution.panel';

/** Engagement → Scores: how scores spread, how groups compare over time, and the jobs making them. */
export function EngagementScoresPage() {
  return (
    <div className="page__grid">
      <title>Engagement scores · Hubpulse</title>
      <ScoreDistributionPanel />
      <GroupTrendsPanel />
      <ScoreJobsPanel />
    </div>
  );
}
