-- The five purpose indices per day and group (org / department / location), computed by the worker
-- (apps/worker/src/patterns). A recompute deletes the days it covers and writes them again.
CREATE TABLE IF NOT EXISTS {db}.pattern_purposes
(
    day          Date,
    group_kind   LowCardinality(String),
    group_value  String,
    purpose      LowCardinality(String),
    numerator    UInt32,
    denominator  UInt32,
    parts        Map(String, UInt32),
    computed_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(day)
ORDER BY (day, group_kind, group_value, purpose)
