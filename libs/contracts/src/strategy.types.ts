import type { Purpose } from './enums';
import type { CORRELATION_CAVEAT } from './goal-links.types';
import type { GoalCardDto, GoalStatus } from './goals.types';
import type { HiddenReason } from './privacy.types';

export interface PurposeScoreDto {
  /** 0–100 on the day, null when suppressed or unavailable. */
  value: number | null;
  /** Change against 28 days earlier, in points. */
  change: number | null;
  reason: string | null;
  hidden_reason: HiddenReason | null;
}

export interface PurposeScorecardRowDto {
  purpose: Purpose;
  label: string;
  definition: string;
  organisation: PurposeScoreDto;
  /**
   * Drill-down: one entry per department. A value is released through planStat over every department
   * and location at once (numerator and complement ≥ k, by subtraction from the organisation and the
   * other departments too); null with `hidden_reason` otherwise. The change needs both days released.
   */
  departments: { department: string; value: number | null; change: number | null; suppressed: boolean; hidden_reason: HiddenReason | null }[];
  unavailable_reason: string | null;
}

/** GET /api/strategy/overview: leadership's landing page. */
export interface StrategyOverviewDto {
  status_rule: string;
  progress_definition: string;
  forecast_method: string;
  caveat: typeof CORRELATION_CAVEAT;
  min_group_size: number;
  goals: GoalCardDto[];
  /** Counts of goals by status (no status: not counted). */
  status_counts: Record<GoalStatus, number>;
  /** The five purposes on the newest day with purpose indices (null when none yet). */
  scorecard: { day: string | null; window_days: number; purposes: PurposeScorecardRowDto[] };
}
