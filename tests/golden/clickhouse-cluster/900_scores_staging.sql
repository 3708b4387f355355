CREATE TABLE IF NOT EXISTS hubpulse.engagement_scores_staging AS hubpulse.engagement_scores
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, person_id);
