import { Inject, Injectable } from '@nestjs/common';
import {
  CORRELATION_CAVEAT,
  GOAL_STATUSES,
  PURPOSE_DEFINITIONS,
  PURPOSE_WINDOW_DAYS,
  PURPOSES,
  STRATEGY_NO_AUDIENCE_REASON,
  type GoalStatus,
  type PurposeScorecardRowDto,
  type StrategyOverviewDto,
} from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { PatternsRepository, type PurposeRowRead } from '../patterns/patterns.repository';
import { purposePoint } from '../patterns/patterns.service';
import { GoalsService } from './goals.service';
import { LinkAnalysisRepository } from './link-analysis.repository';

const DAY_MS = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Leadership's landing page: every goal as a card, and the five purposes on the newest day with
 * purpose indices, for the organisation and each department (departments below the minimum group
 * size show no number), with the change against 28 days before.
 */
@Injectable()
export class StrategyService {
  constructor(
    private readonly goals: GoalsService,
    private readonly patterns: PatternsRepository,
    private readonly ch: LinkAnalysisRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async overview(): Promise<StrategyOverviewDto> {
    const k = this.config.minGroupSize;
    const [list, day] = await Promise.all([this.goals.list(), this.ch.lastPurposeDay()]);
    const statusCounts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>;
    for (const g of list.goals) if (g.status.status) statusCounts[g.status.status]++;

    let purposes: PurposeScorecardRowDto[];
    if (!day) {
      purposes = PURPOSES.map((p) => ({
        purpose: p, label: PURPOSE_DEFINITIONS[p].label, definition: PURPOSE_DEFINITIONS[p].definition,
        organisation: { value: null, change: null, reason: 'No purpose indices computed yet.' }, departments: [], unavailable_reason: 'No purpose indices computed yet.',
      }));
    } else {
      const before = addDays(day, -PURPOSE_WINDOW_DAYS);
      const [orgNow, orgBefore, depNow, depBefore] = await Promise.all([
        this.patterns.purposes(day, day, 'org'),
        this.patterns.purposes(before, before, 'org'),
        this.patterns.purposes(day, day, 'department'),
        this.patterns.purposes(before, before, 'department'),
      ]);
      const pick = (rows: PurposeRowRead[], purpose: string, group: string) => {
        const r = rows.find((x) => x.purpose === purpose && x.group_value === group);
        return r ? purposePoint(r, k) : null;
      };
      purposes = PURPOSES.map((p) => {
        const now = pick(orgNow, p, '');
        const then = pick(orgBefore, p, '');
        const strategyMissing = p === 'strategy' && !orgNow.some((r) => r.purpose === 'strategy');
        const departments = [...new Set(depNow.filter((r) => r.purpose === p).map((r) => r.group_value))].sort().map((dep) => {
          const a = pick(depNow, p, dep);
          const b = pick(depBefore, p, dep);
          return {
            department: dep || 'unknown',
            value: a?.value ?? null,
            change: a?.value != null && b?.value != null ? round(a.value - b.value) : null,
            suppressed: a?.value == null,
          };
        });
        return {
          purpose: p,
          label: PURPOSE_DEFINITIONS[p].label,
          definition: PURPOSE_DEFINITIONS[p].definition,
          organisation: {
            value: now?.value ?? null,
            change: now?.value != null && then?.value != null ? round(now.value - then.value) : null,
            reason: strategyMissing ? STRATEGY_NO_AUDIENCE_REASON : (now?.reason ?? null),
          },
          departments,
          unavailable_reason: strategyMissing ? STRATEGY_NO_AUDIENCE_REASON : null,
        };
      });
    }

    return {
      status_rule: list.status_rule,
      progress_definition: list.progress_definition,
      forecast_method: list.forecast_method,
      caveat: CORRELATION_CAVEAT,
      min_group_size: k,
      goals: list.goals,
      status_counts: statusCounts,
      scorecard: { day, window_days: PURPOSE_WINDOW_DAYS, purposes },
    };
  }
}
