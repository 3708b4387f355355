-- An event is keyed by the source that sent it as well: (day, event_id, origin). Before, any write key
-- that sent another source's (day, event_id) replaced that event. `origin` is the write key id; every
-- bulk import shares 'import' (admin-initiated; importing a file again still counts each event once).
-- A retried event from the same source still counts once.
--
-- ClickHouse cannot add an existing column to ORDER BY: build the keyed table aside, copy, exchange.
-- Safe to rerun after a crash at any step: the first DROP removes either a partial copy (not yet
-- exchanged) or the old table (exchanged, not yet dropped); the copy below reads whichever table is
-- `events` by the columns both shapes have. Runs at start-up, before the API accepts events.
DROP TABLE IF EXISTS {db}.events_rekey SYNC;

CREATE TABLE {db}.events_rekey
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
    -- Derived, never sent: which source owns the event id (import:<id> → 'import').
    origin          LowCardinality(String) MATERIALIZED if(startsWith(key_id, 'import:'), 'import', key_id)
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (toDate(occurred_at), event_id, origin);

INSERT INTO {db}.events_rekey
    (event_id, type, actor_id, occurred_at, content_id, channel, purpose, target_actor_id, properties, source, key_id, ingested_at)
SELECT event_id, type, actor_id, occurred_at, content_id, channel, purpose, target_actor_id, properties, source, key_id, ingested_at
FROM {db}.events;

EXCHANGE TABLES {db}.events AND {db}.events_rekey;

DROP TABLE {db}.events_rekey SYNC;
