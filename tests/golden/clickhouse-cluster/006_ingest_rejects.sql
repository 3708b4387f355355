CREATE TABLE IF NOT EXISTS hubpulse.ingest_rejects ON CLUSTER hubpulse_cluster
(
    minute  DateTime('UTC'),
    key_id  LowCardinality(String),
    source  LowCardinality(String),
    reason  String,
    count   UInt64
)
ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/hubpulse/ingest_rejects/{uuid}', '{replica}', count)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, key_id, source, reason)
TTL minute + INTERVAL 90 DAY
SETTINGS replicated_deduplication_window = 0;
