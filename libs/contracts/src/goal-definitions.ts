/**
 * The sentences shown beside the Strategy area's numbers: every rule behind a number travels with
 * it (status `rule`, forecast `method`, `definition`s), so what is computed and what is explained
 * cannot drift apart. apps/api/src/goals/goal-rules.ts implements the status rule exactly.
 */

/** The status rule, shown next to every status. `goalStatus` in apps/api/src/goals/goal-rules.ts implements exactly this. */
export const GOAL_STATUS_RULE =
  'Status compares the latest KPI value with where the goal should be in that month. Expected value: the monthly target set for that month; ' +
  'without one, for "increase to" and "decrease to" goals, the straight line from the baseline at the start of the period to the target at its end, ' +
  'read at the end of that month; for "stay at or above" and "stay at or below" goals, the target itself. ' +
  'Shortfall: how far the latest value falls on the wrong side of the expected value (below it for "increase to" and "at or above", above it for ' +
  '"decrease to" and "at or below"), as a share of the distance between baseline and target (of the target itself when they are equal). ' +
  'On track: shortfall of 5% or less (level with or ahead of expected counts as 0). At risk: more than 5% and at most 15%. Off track: more than 15%. ' +
  'No status without a KPI value in the period.';

export const PROGRESS_DEFINITION =
  'Progress: share of the way from the baseline to the target reached by the latest value, (latest − baseline) / (target − baseline); 1 = target reached, may be below 0 or above 1. ' +
  'Expected progress: the same share for the expected value. Elapsed: share of the period’s days up to the end of the latest value’s month.';

export const FORECAST_METHOD =
  'Forecast, not a measurement: an ordinary least squares straight line through the latest monthly KPI values (at most 24, those up to the last month with a value), ' +
  'extended month by month to the end of the period. The bands are 80% and 95% prediction intervals for a single month’s value: ' +
  'fitted value ± t(n − 2) quantile × residual standard error × √(1 + 1/n + (month − mean month)² / Σ(month − mean month)²). ' +
  'The probability of meeting the target is the share of that t predictive distribution for the last month on the target’s side. Needs at least 3 values.';

export const CORRELATION_METHOD =
  'Each engagement series (mean score, each purpose) of a month is paired with the KPI value of the same month (lag 0) or 1, 2, 3 months later. ' +
  'Pearson r on the values; Spearman ρ on their ranks (ties share the average rank). n = months with both values. 95% interval by Fisher’s z: ' +
  'tanh(atanh(r) ± 1.96 × se), se = 1/√(n − 3) for Pearson and √((1 + ρ²/2)/(n − 3)) for Spearman (Bonett & Wright). p-value: two-sided, ' +
  't = r√((n − 2)/(1 − r²)) on n − 2 degrees of freedom. Not computed with fewer than 6 months.';

export const MULTIPLE_COMPARISONS_NOTE =
  'Many correlations are shown at once (6 series × 4 lags × 2 methods): about 1 in 20 will have p < 0.05 by chance alone even when nothing is related. ' +
  'Look for a consistent pattern across lags and methods, not a single small p-value.';

export const DID_METHOD =
  'Difference in differences for a launched programme. Targeted group: the members of the programme’s segment at launch (its current members for programmes launched before memberships were kept); comparison group: everyone else in the directory ' +
  'in the same departments as those members (comparable untargeted people). Both only people hired before the before-window. Outcome: each person’s mean daily engagement score ' +
  '(0–100, a day without a score counts 0) over the 90 days before launch and the 90 days from launch (up to the newest scored day). ' +
  'Estimate = (targeted after − before) − (comparison after − before), the difference of the mean per-person changes; its standard error, 95% interval and p-value ' +
  'are Welch’s two-sample t on those changes (Welch–Satterthwaite degrees of freedom). It assumes both groups would have moved alike without the programme (parallel trends): ' +
  'compare their monthly lines before launch. Not computed with fewer than 10 people, or fewer than the minimum group size, in either group.';

export const LINK_ENGAGEMENT_DEFINITIONS = {
  mean_score:
    "Mean engagement score (0–100 percentile in the organisation) of the audience's members over the month's scored days; a member without a score on a day counts 0, as in the Engagement area's group views.",
  purposes:
    "Purpose reach in the month: the share (0–100) of the audience's members who, in that calendar month, did what the purpose's index counts (Engagement area definitions, with the calendar month in place of the 28-day window): " +
    'inform — viewed inform-purpose content; shared vision — a non-view action on vision-purpose content or feedback on the CEO blog; productivity — shared or reused a document, gave feedback or updated a task; ' +
    'engagement — replied to an item someone else wrote or wrote an item someone else replied to; strategy — any action on strategy-purpose content.',
  audience:
    "The audience is today's membership: for a segment, its current computed version; for a programme, the membership pinned at launch (its target segment's current one before launch); for a scope, today's directory. " +
    'An audience the privacy rules hide shows nothing; a month’s mean score is shown only when at least the minimum group size of members scored, and a purpose’s reach only when at least that many members did it and at least that many did not — also when subtracted from any other group shown anywhere.',
} as const;

export const KPI_CSV_HELP =
  'CSV with a header row: period,value[,note]. period is a month, YYYY-MM or YYYY-MM-01; value a plain number (dot as decimal separator, no thousands separators). ' +
  'UTF-8, a byte order mark and blank lines are fine; quote a field that holds a comma. Good rows are stored, bad rows are reported by line and column.';
