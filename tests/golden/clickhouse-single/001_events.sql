CREATE TABLE IF NOT EXISTS hubpulse.events
(
    event_id        String,
    type            LowCardinality(String),
    actor_id        String,
    occurred_at     DateTime64(3, 'UTC'),
    content_id      String DEFAULT '',
    channel         LowCardinality(String) DEFAULT '',
    purpose         LowCardinality(String) DEFAULT '',
    target_actor_id String DEFAULT '',
    properties      String DEFAULT '{}',
    source          LowCardinality(String) DEFAULT 'api',
    key_id          String DEFAULT '',
    ingested_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (toDate(occurred_at), event_id);
