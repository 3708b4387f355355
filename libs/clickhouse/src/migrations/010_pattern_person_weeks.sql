-- Persona and ambassador stage per person per ISO week (week = its Monday). Person-level and read
-- only in aggregate: the API never returns person ids. A recompute replaces the weeks it covers.
CREATE TABLE IF NOT EXISTS {db}.pattern_person_weeks
(
    week         Date,
    person_id    String,
    department   LowCardinality(String),
    location     LowCardinality(String),
    actions      UInt32,
    initiatives  UInt32,
    responses    UInt32,
    received     UInt32,
    shares       UInt32,
    other_departments Array(String),
    persona      LowCardinality(String),
    stage        LowCardinality(String),
    computed_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(computed_at)
PARTITION BY toYYYYMM(week)
ORDER BY (week, person_id)
