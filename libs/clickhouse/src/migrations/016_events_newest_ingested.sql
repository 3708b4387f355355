-- The newest ingested_at (exports' data watermark, the score worker's) without a full scan: an
-- aggregate projection keeps max(ingested_at) and count() per part, so the query reads one row per part.
-- ReplacingMergeTree takes a projection only when merges that drop duplicates rebuild it
-- ('rebuild', ClickHouse ≥ 24.8). Every surviving copy of an event is one of the rows the
-- projection saw, so the max over the projection is the max over the table, merged or not.
-- A future migration that rebuilds `events` (as 014 did) must add the projection again.
ALTER TABLE {db}.events MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';

ALTER TABLE {db}.events ADD PROJECTION IF NOT EXISTS newest_ingested (SELECT max(ingested_at), count());

-- Parts written before now get it too (new parts get it as they are written).
ALTER TABLE {db}.events MATERIALIZE PROJECTION newest_ingested SETTINGS mutations_sync = 2;
