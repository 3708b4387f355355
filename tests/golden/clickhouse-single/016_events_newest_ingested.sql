ALTER TABLE hubpulse.events MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE hubpulse.events ADD PROJECTION IF NOT EXISTS newest_ingested (SELECT max(ingested_at), count());

ALTER TABLE hubpulse.events MATERIALIZE PROJECTION newest_ingested SETTINGS mutations_sync = 2;
