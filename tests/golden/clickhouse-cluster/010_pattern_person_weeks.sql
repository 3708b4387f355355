CREATE TABLE IF NOT EXISTS hubpulse.pattern_person_weeks ON CLUSTER hubpulse_cluster
(
    week         Date,
    person_id    String,
    department   LowCardinality(String),
    location     LowCardinality(String),
    actions      UInt32,
    initiatives  UInt32,
    responses    UInt32,
    received     UInt32,
    shares       UInt32,
    other_departments Array(String),
    persona      LowCardinality(String),
    stage        LowCardinality(String),
    computed_at  DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/pattern_person_weeks/{uuid}', '{replica}', computed_at)
PARTITION BY toYYYYMM(week)
ORDER BY (week, person_id)
SETTINGS replicated_deduplication_window = 0;
