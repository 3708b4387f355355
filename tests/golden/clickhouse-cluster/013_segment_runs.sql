CREATE TABLE IF NOT EXISTS hubpulse.segment_runs ON CLUSTER hubpulse_cluster
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
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/hubpulse/segment_runs/{uuid}', '{replica}')
ORDER BY (segment_id, version)
SETTINGS replicated_deduplication_window = 0;
