ALTER TABLE hubpulse.events ON CLUSTER hubpulse_cluster MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE hubpulse.events ON CLUSTER hubpulse_cluster ADD PROJECTION IF NOT EXISTS newest_ingested (SELECT max(ingested_at), count());

ALTER TABLE hubpulse.events ON CLUSTER hubpulse_cluster MATERIALIZE PROJECTION newest_ingested SETTINGS mutations_sync = 2;
