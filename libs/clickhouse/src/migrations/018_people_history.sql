-- Query copy of the directory's history (relational person_stints is the source of truth): each
-- person's department, location, manager and title with the days they held them. Every write of a
-- person writes all their stints under one new version; readers take each person's newest version.
CREATE TABLE IF NOT EXISTS {db}.people_history
(
    person_id   String,
    department  LowCardinality(String) DEFAULT '',
    location    LowCardinality(String) DEFAULT '',
    manager_id  String DEFAULT '',
    title       String DEFAULT '',
    valid_from  Date32,
    valid_to    Nullable(Date32),
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (person_id, valid_from)
