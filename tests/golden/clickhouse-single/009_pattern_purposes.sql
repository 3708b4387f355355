CREATE TABLE IF NOT EXISTS hubpulse.pattern_purposes
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
ORDER BY (day, group_kind, group_value, purpose);
