-- One row per hub action. ReplacingMergeTree on (day, event_id) plus FINAL / argMax in reads
-- makes an event sent twice count once; ingested_at picks the surviving copy.
CREATE TABLE IF NOT EXISTS {db}.events
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
ORDER BY (toDate(occurred_at), event_id)
