-- Few distinct write keys and sources: dictionary-encode them (cheaper inserts, merges and GROUP BYs).
ALTER TABLE {db}.events MODIFY COLUMN key_id LowCardinality(String) DEFAULT ''
