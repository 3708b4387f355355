-- The audience an item was aimed at: a segment id, or '' for everyone. Content reports measure an
-- item's reach and read rate within this audience (issue 15, Content analytics).
ALTER TABLE {db}.content ADD COLUMN IF NOT EXISTS audience_segment_id String DEFAULT '' AFTER title
