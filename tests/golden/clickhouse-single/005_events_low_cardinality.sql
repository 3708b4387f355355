ALTER TABLE hubpulse.events MODIFY COLUMN key_id LowCardinality(String) DEFAULT '';
