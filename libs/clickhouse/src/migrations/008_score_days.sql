-- Which model version scored each day, when, and over how many people: an incremental run may only
-- carry a day forward from a previous day scored with the same model version.
CREATE TABLE IF NOT EXISTS {db}.score_days
(
    day           Date,
    model_version UInt32,
    population    UInt32,
    active        UInt32,
    mode          LowCardinality(String),
    computed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
ORDER BY day
