-- Versioned segment memberships: every computation writes a whole new version; readers read only
-- the version segment_runs records as current (status 'ok', written after the members), so a
-- half-written version is never seen. Old versions are deleted after the switch.
CREATE TABLE IF NOT EXISTS {db}.segment_members
(
    segment_id  String,
    version     UInt64,
    person_id   String
)
ENGINE = MergeTree
ORDER BY (segment_id, version, person_id)
