import events from './001_events.sql';
import people from './002_people.sql';
import content from './003_content.sql';
import scores from './004_engagement_scores.sql';
import eventsLowCardinality from './005_events_low_cardinality.sql';
import ingestRejects from './006_ingest_rejects.sql';
import scoresV2 from './007_scores_v2.sql';
import scoreDays from './008_score_days.sql';
import patternPurposes from './009_pattern_purposes.sql';
import patternPersonWeeks from './010_pattern_person_weeks.sql';
import patternLeaderItems from './011_pattern_leader_items.sql';
import segmentMembers from './012_segment_members.sql';
import segmentRuns from './013_segment_runs.sql';
import eventsByOrigin from './014_events_by_origin.sql';
import patternLeaderRepliers from './015_pattern_leader_repliers.sql';
import eventsNewestIngested from './016_events_newest_ingested.sql';
import contentAudience from './017_content_audience.sql';
import peopleHistory from './018_people_history.sql';

/** Numbered migrations, applied in order and recorded in schema_migrations. Append only. */
export const CLICKHOUSE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_events', sql: events },
  { version: 2, name: '002_people', sql: people },
  { version: 3, name: '003_content', sql: content },
  { version: 4, name: '004_engagement_scores', sql: scores },
  { version: 5, name: '005_events_low_cardinality', sql: eventsLowCardinality },
  { version: 6, name: '006_ingest_rejects', sql: ingestRejects },
  { version: 7, name: '007_scores_v2', sql: scoresV2 },
  { version: 8, name: '008_score_days', sql: scoreDays },
  { version: 9, name: '009_pattern_purposes', sql: patternPurposes },
  { version: 10, name: '010_pattern_person_weeks', sql: patternPersonWeeks },
  { version: 11, name: '011_pattern_leader_items', sql: patternLeaderItems },
  { version: 12, name: '012_segment_members', sql: segmentMembers },
  { version: 13, name: '013_segment_runs', sql: segmentRuns },
  { version: 14, name: '014_events_by_origin', sql: eventsByOrigin },
  { version: 15, name: '015_pattern_leader_repliers', sql: patternLeaderRepliers },
  { version: 16, name: '016_events_newest_ingested', sql: eventsNewestIngested },
  { version: 17, name: '017_content_audience', sql: contentAudience },
  { version: 18, name: '018_people_history', sql: peopleHistory },
];
