CREATE TABLE IF NOT EXISTS hubpulse.pattern_purposes ON CLUSTER hubpulse_cluster
(
    day          Date,
    group_kind   LowCardinality(String),
    group_value  String,
    purpose      LowCardinality(String),
    numerator    UInt32,
    denominator  UInt32,
    parts        Map(String, UInt32),
    computed_at  DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/pattern_purposes/{uuid}', '{replica}', computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, group_kind, group_value, purpose)
SETTINGS replicated_deduplication_window = 0;
