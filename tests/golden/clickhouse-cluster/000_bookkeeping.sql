CREATE DATABASE IF NOT EXISTS hubpulse ON CLUSTER hubpulse_cluster;

CREATE TABLE IF NOT EXISTS hubpulse.schema_migrations ON CLUSTER hubpulse_cluster
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/hubpulse/schema_migrations/{uuid}', '{replica}') ORDER BY version
SETTINGS replicated_deduplication_window = 0;
