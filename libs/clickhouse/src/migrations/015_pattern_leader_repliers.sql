-- The leader who gave an item's first reply: leader responsiveness must be shown only where at least
-- k answering leaders are behind the answered share and the median reply time (issue 11).
ALTER TABLE {db}.pattern_leader_items ADD COLUMN IF NOT EXISTS first_replier_id String DEFAULT '' AFTER first_reply_at
