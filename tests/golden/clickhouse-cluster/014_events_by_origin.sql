DROP TABLE IF EXISTS hubpulse.events_rekey ON CLUSTER hubpulse_cluster SYNC;

CREATE TABLE hubpulse.events_rekey ON CLUSTER hubpulse_cluster
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
    key_id          LowCardinality(String) DEFAULT '',
    ingested_at     DateTime64(3, 'UTC') DEFAULT now64(3),

    origin          LowCardinality(String) MATERIALIZED if(startsWith(key_id, 'import:'), 'import', key_id)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/events_rekey/{uuid}', '{replica}', ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (toDate(occurred_at), event_id, origin)
SETTINGS replicated_deduplication_window = 0;

INSERT INTO hubpulse.events_rekey
    (event_id, type, actor_id, occurred_at, content_id, channel, purpose, target_actor_id, properties, source, key_id, ingested_at)
SELECT event_id, type, actor_id, occurred_at, content_id, channel, purpose, target_actor_id, properties, source, key_id, ingested_at
FROM hubpulse.events;

EXCHANGE TABLES hubpulse.events AND hubpulse.events_rekey ON CLUSTER hubpulse_cluster;

DROP TABLE hubpulse.events_rekey ON CLUSTER hubpulse_cluster SYNC;
