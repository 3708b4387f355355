CREATE TABLE IF NOT EXISTS hubpulse.segment_members ON CLUSTER hubpulse_cluster
(
    segment_id  String,
    version     UInt64,
    person_id   String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/hubpulse/segment_members/{uuid}', '{replica}')
ORDER BY (segment_id, version, person_id)
SETTINGS replicated_deduplication_window = 0;
