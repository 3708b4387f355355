-- Scores carry yesterday forward and rank within cohorts: the decayed points per half-life group
-- (the model's distinct half-lives, ascending) and the percentile within the cohort
-- (department × tenure band). `score` is now the 0–100 percentile rank in the organisation.
ALTER TABLE {db}.engagement_scores
    ADD COLUMN IF NOT EXISTS score_cohort Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cohort LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS hl_points Array(Float64) DEFAULT []
