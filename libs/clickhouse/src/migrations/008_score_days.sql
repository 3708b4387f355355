-- Which model version scored each day, when, over how many people, and up to which ingestion time
-- (watermark): an incremental run carries a day forward only from a previous day scored with the
-- same model version, and recomputes the days touched by events ingested after the watermark.
CREATE TABLE IF NOT EXISTS {db}.score_days
(
    day           Date,
    model_version UInt32,
    population    UInt32,
    active        UInt32,
    mode          LowCardinality(String),
    watermark     DateTime64(3, 'UTC'),
    computed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
ORDER BY day
