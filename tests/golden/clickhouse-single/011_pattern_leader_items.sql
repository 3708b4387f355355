CREATE TABLE IF NOT EXISTS hubpulse.pattern_leader_items
(
    item_id        String,
    kind           LowCardinality(String),
    asker_id       String,
    department     LowCardinality(String),
    location       LowCardinality(String),
    raised_at      DateTime64(3, 'UTC'),
    first_reply_at Nullable(DateTime64(3, 'UTC')),
    computed_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(raised_at)
ORDER BY (toDate(raised_at), item_id);
