CREATE TABLE IF NOT EXISTS hubpulse.content
(
    content_id   String,
    channel      LowCardinality(String),
    purpose      LowCardinality(String),
    author_id    String DEFAULT '',
    title        String DEFAULT '',
    published_at DateTime64(3, 'UTC'),
    version      UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY content_id;
