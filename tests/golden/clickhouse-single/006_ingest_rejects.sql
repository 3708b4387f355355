CREATE TABLE IF NOT EXISTS hubpulse.ingest_rejects
(
    minute  DateTime('UTC'),
    key_id  LowCardinality(String),
    source  LowCardinality(String),
    reason  String,
    count   UInt64
)
ENGINE = SummingMergeTree(count)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, key_id, source, reason)
TTL minute + INTERVAL 90 DAY;
