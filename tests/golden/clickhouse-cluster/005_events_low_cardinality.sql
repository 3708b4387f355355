ALTER TABLE hubpulse.events ON CLUSTER hubpulse_cluster MODIFY COLUMN key_id LowCardinality(String) DEFAULT '';
