CREATE TABLE IF NOT EXISTS hubpulse.engagement_scores ON CLUSTER hubpulse_cluster
(
    day           Date,
    person_id     String,
    raw           Float64,
    score         Float64,
    actions       UInt32,
    model_version UInt32,
    computed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/engagement_scores/{uuid}', '{replica}', computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, person_id)
SETTINGS replicated_deduplication_window = 0;
