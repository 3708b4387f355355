-- One row per segment computation, written when it ends. The current membership of a segment is
-- the highest version with status 'ok'; a failed run records its error and leaves that unchanged.
-- size / entered / left: members, and people who came in or went out against the previous version.
CREATE TABLE IF NOT EXISTS {db}.segment_runs
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
ENGINE = MergeTree
ORDER BY (segment_id, version)
