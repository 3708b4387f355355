-- Engagement score per person per day; a recompute replaces the rows of the days it covers.
CREATE TABLE IF NOT EXISTS {db}.engagement_scores
(
    day           Date,
    person_id     String,
    raw           Float64,
    score         Float64,
    actions       UInt32,
    model_version UInt32,
    computed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, person_id)
