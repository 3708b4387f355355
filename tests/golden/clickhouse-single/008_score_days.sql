CREATE TABLE IF NOT EXISTS hubpulse.score_days
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
ORDER BY day;
