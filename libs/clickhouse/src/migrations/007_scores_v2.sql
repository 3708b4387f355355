-- Scores explain themselves and carry yesterday forward: points per action type (aligned with the
-- model's type order, EVENT_TYPES), the percentile within the cohort (department × tenure band).
-- `score` is now the 0–100 percentile rank in the organisation.
ALTER TABLE {db}.engagement_scores
    ADD COLUMN IF NOT EXISTS score_cohort Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cohort LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS contrib Array(Float64) DEFAULT []
