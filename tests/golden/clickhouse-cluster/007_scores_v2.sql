ALTER TABLE hubpulse.engagement_scores ON CLUSTER hubpulse_cluster
    ADD COLUMN IF NOT EXISTS score_cohort Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cohort LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS hl_points Array(Float64) DEFAULT [];
