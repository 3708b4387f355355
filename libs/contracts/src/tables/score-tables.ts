import type { ScoreDistributionDto, ScoreQuantile } from '../engagement.types';
import type { ViewTable } from '../exports.types';
import { col, finishTable } from './view-table';

/** The quantiles the score distribution shows beside its histogram, in order. */
export const SCORE_QUANTILE_POINTS: readonly { key: ScoreQuantile; label: string; score: number }[] = [
  { key: 'p25', label: '25th percentile', score: 25 },
  { key: 'p50', label: 'Median', score: 50 },
  { key: 'p75', label: '75th percentile', score: 75 },
  { key: 'p90', label: '90th percentile', score: 90 },
  { key: 'p99', label: '99th percentile', score: 99 },
];

const DAY_COLUMNS = [col('day', 'date', 'The scored day'), col('model_version', 'int', 'Scoring model version the scores were computed with')];

/** Engagement → Scores: how many people have each band of raw score on the day. */
export function scoreHistogramTable(dto: ScoreDistributionDto): ViewTable {
  return finishTable(
    [...DAY_COLUMNS, col('raw_from', 'float', 'Lower bound of the raw-score band'), col('raw_to', 'float', 'Upper bound of the raw-score band'), col('people', 'int', 'People whose raw score is in the band')],
    [...dto.bins].sort((a, b) => a.from - b.from).map((b) => [dto.day, dto.model_version, b.from, b.to, b.people === null ? { hidden: b.hidden_reason ?? null } : b.people]),
    dto.min_group_size,
  );
}

/** Engagement → Scores: the raw score at each quantile of the population on the day. */
export function scoreQuantilesTable(dto: ScoreDistributionDto): ViewTable {
  const q = dto.quantiles;
  return finishTable(
    [...DAY_COLUMNS, col('quantile', 'string', 'p25, p50 (median), p75, p90, p99'), col('raw_score', 'float', 'The raw score at that quantile')],
    q ? SCORE_QUANTILE_POINTS.map((s) => [dto.day, dto.model_version, s.key, q[s.key] === null ? { hidden: dto.quantiles_hidden?.[s.key] ?? 'numerator' } : q[s.key]]) : [],
    dto.min_group_size,
  );
}
