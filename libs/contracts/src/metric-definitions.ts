/**
 * Definitions shown beside numbers that used to live inside one component or service: kept here so
 * the panel (or the API answer) and the Reports → Glossary read the same sentence.
 */

/** Overview → Engagement index (the panel adds the hidden-day sentence with the minimum group size). */
export const ENGAGEMENT_INDEX_DEFINITION = 'Share of the directory (%) who did anything on the hub in the 7 days ending that day.';

/** Overview → Channel activity. */
export const CHANNEL_ACTIVITY_DEFINITION = 'Events, and people with at least one event, on each hub channel in the range.';

/** Engagement → Scores: the 0–100 score. */
export const SCORE_DEFINITION =
  'The 0–100 engagement score is a percentile rank: the share of everyone in the organisation whose raw score that day is lower. ' +
  'A score of 62 means the person out-engaged 62% of their colleagues. People without any action in the lookback window have raw 0 and score 0.';

/** Engagement → Scores: the raw score behind the percentile. */
export const RAW_SCORE_DEFINITION =
  'Raw score = the sum over the lookback window of weight × actions counted (after the daily cap) × ½^(age in days ÷ half-life), per action type. ' +
  'Weights, half-lives, caps and the lookback are set in the scoring model.';

/** Audiences → segment: composition by directory fields. */
export const COMPOSITION_DEFINITION =
  'Members by their current department, location and title in the directory: the largest values, then all others together. Bars are to scale within each list; percentages are of the members.';

/** Audiences → segment: members by score band. */
export const SCORE_BANDS_DEFINITION =
  "Members by their engagement score on the newest scored day: the 0–100 percentile rank in the whole organisation (a 62 out-engaged 62% of colleagues). 'No score' counts members without a score row that day.";

/** Prior strength of the shrunk channel rates, in people (libs/analytics uses it; the definition names it). */
export const CHANNEL_PRIOR_STRENGTH = 20;

/** Audiences → segment: channel and purpose rates. */
export const CHANNEL_STAT_DEFINITIONS: Record<'reach_rate' | 'read_rate' | 'interaction_rate' | 'shrinkage' | 'interval' | 'ranking', string> = {
  reach_rate: 'Members with at least one event on the channel in the period, divided by the members.',
  read_rate:
    'Distinct (member, item) views of items published on the channel in the period, divided by members × those items: the average member’s share of the new items read.',
  interaction_rate: 'Of the members reached on the channel, the share who reacted, commented, shared or answered there.',
  shrinkage: `Each rate is pulled towards the organisation’s rate on the same channel and period (the whole directory): estimate = (x + m·org) / (n + m) with a prior worth m = ${CHANNEL_PRIOR_STRENGTH} people, so small segments lean on the organisation and large ones on themselves. For the read rate, x counts members’ worth of reading (reads / items).`,
  interval: '95% interval: the 2.5% and 97.5% quantiles of the Beta posterior of the rate.',
  ranking:
    'Channels rank by lift = estimate / organisation rate of the read rate (of the reach rate where nothing was published); purposes by the read rate of their items. “Clearly above/below” = the whole interval is above/below the organisation.',
};

/** Audiences → programme: the reach forecast before launch. */
export const PROGRAMME_FORECAST_DEFINITION =
  "Expected members reading an item on the programme's channels = segment size (after privacy suppression) × the segment's read rate pooled over those channels (distinct member-item views / (members × items published), in the 90 days up to the newest event), shrunk towards the organisation's rate; the range is the rate's 95% interval × the size.";
