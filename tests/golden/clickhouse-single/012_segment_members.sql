CREATE TABLE IF NOT EXISTS hubpulse.segment_members
(
    segment_id  String,
    version     UInt64,
    person_id   String
)
ENGINE = MergeTree
ORDER BY (segment_id, version, person_id);
