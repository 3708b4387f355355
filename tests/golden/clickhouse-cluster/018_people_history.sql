CREATE TABLE IF NOT EXISTS hubpulse.people_history ON CLUSTER hubpulse_cluster
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
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hubpulse/people_history/{uuid}', '{replica}', version)
ORDER BY (person_id, valid_from)
SETTINGS replicated_deduplication_window = 0;
