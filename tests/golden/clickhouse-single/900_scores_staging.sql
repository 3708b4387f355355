CREATE TABLE IF NOT EXISTS hubpulse.engagement_scores_staging AS hubpulse.engagement_scores;
