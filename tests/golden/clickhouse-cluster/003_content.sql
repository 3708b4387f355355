CREATE TABLE IF NOT EXISTS hubpulse.content ON CLUSTER hubpulse_cluster
(
    content_id   String,
    channel      LowCardinality(String),
    purpose      LowCardinality(String),
    author_id    String DEFAULT '',
    title        String DEFAULT '',
    published_at DateTime64(3, 'UTC'),
    version      UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/content/{uuid}', '{replica}', version)
ORDER BY content_id
SETTINGS replicated_deduplication_window = 0;
