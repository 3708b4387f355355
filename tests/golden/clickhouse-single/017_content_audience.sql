ALTER TABLE hubpulse.content ADD COLUMN IF NOT EXISTS audience_segment_id String DEFAULT '' AFTER title;
