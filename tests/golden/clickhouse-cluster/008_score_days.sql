CREATE TABLE IF NOT EXISTS hubpulse.score_days ON CLUSTER hubpulse_cluster
(
    day           Date,
    model_version UInt32,
    population    UInt32,
    active        UInt32,
    mode          LowCardinality(String),
    watermark     DateTime64(3, 'UTC'),
    computed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/score_days/{uuid}', '{replica}', computed_at)
ORDER BY day
SETTINGS replicated_deduplication_window = 0;
