CREATE TABLE IF NOT EXISTS hubpulse.segment_runs
(
    segment_id          String,
    version             UInt64,
    previous_version    UInt64 DEFAULT 0,
    definition_version  UInt32,
    as_of               Date,
    reason              LowCardinality(String) DEFAULT '',
    computed_at         DateTime64(3, 'UTC'),
    size                UInt64,
    entered             UInt64,
    `left`              UInt64,
    status              LowCardinality(String),
    error               String DEFAULT '',
    ms                  UInt32
)
ENGINE = MergeTree
ORDER BY (segment_id, version);
