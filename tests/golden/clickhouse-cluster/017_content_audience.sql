ALTER TABLE hubpulse.content ON CLUSTER hubpulse_cluster ADD COLUMN IF NOT EXISTS audience_segment_id String DEFAULT '' AFTER title;
