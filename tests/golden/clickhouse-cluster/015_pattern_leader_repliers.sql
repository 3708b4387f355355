ALTER TABLE hubpulse.pattern_leader_items ON CLUSTER hubpulse_cluster ADD COLUMN IF NOT EXISTS first_replier_id String DEFAULT '' AFTER first_reply_at;
