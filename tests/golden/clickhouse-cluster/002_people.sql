CREATE TABLE IF NOT EXISTS hubpulse.people ON CLUSTER hubpulse_cluster
(
    person_id   String,
    name        String,
    email       String DEFAULT '',
    department  LowCardinality(String) DEFAULT '',
    location    LowCardinality(String) DEFAULT '',
    title       String DEFAULT '',
    manager_id  String DEFAULT '',
    hired_at    Nullable(Date32),
    is_leader   Bool DEFAULT false,
    attributes  String DEFAULT '{}',
    version     UInt64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/people/{uuid}', '{replica}', version)
ORDER BY person_id
SETTINGS replicated_deduplication_window = 0;
