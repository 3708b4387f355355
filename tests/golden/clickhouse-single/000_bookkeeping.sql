CREATE DATABASE IF NOT EXISTS hubpulse;

CREATE TABLE IF NOT EXISTS hubpulse.schema_migrations
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = MergeTree ORDER BY version;
