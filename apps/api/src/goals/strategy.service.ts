import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  CORRELATION_CAVEAT,
  DAY_MS,
  GOAL_STATUSES,
  type GoalStatus,
  hiddenReasonText,
  PURPOSE_DEFINITIONS,
  PURPOSE_WINDOW_DAYS,
  PURPOSES,
  type PurposeScorecardRowDto,
  round,
  STRATEGY_NO_AUDIENCE_REASON,
  type StrategyOverviewDto,
} from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { POPULATION, shareRule, type HiddenReason } from '@hubpulse/disclosure';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { PatternsRepository, type PurposeRowRead } from '@hubpulse/clickhouse';
import { GoalsService } from './goals.service';


/**
 * Leadership's landing page: every goal as a card, and the five purposes on the newest day with
 * purpose indices, for the organisation and each department, with the change against 28 days before.
 * Each value is a share (numerator of denominator) released by the disclosure layer (releasePurposes).
 */
@Injectable()
export class StrategyService {
  constructor(
    private readonly goals: GoalsService,
    private readonly patterns: PatternsRepository,
    private readonly disclosure: DisclosureService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async overview(): Promise<StrategyOverviewDto> {
    const k = this.config.minGroupSize;
    const [list, day] = await Promise.all([this.goals.list(), this.patterns.lastPurposeDay()]);
    const statusCounts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>;
    for (const g of list.goals) if (g.status.status) statusCounts[g.status.status]++;

    let purposes: PurposeScorecardRowDto[];
    if (!day) {
      purposes = PURPOSES.map((p) => ({
        purpose: p, label: PURPOSE_DEFINITIONS[p].label, definition: PURPOSE_DEFINITIONS[p].definition,
        organisation: { value: null, change: null, reason: 'No purpose indices computed yet.', hidden_reason: null }, departments: [], unavailable_reason: 'No purpose indices computed yet.',
      }));
    } else {
      const before = addDays(day, -PURPOSE_WINDOW_DAYS);
      const [dp, ...reads] = await Promise.all([
        this.disclosure.plan(),
        ...(['org', 'department', 'location'] as const).flatMap((by) => [this.patterns.purposes(day, day, by), this.patterns.purposes(before, before, by)]),
      ]);
      const [orgNow, orgBefore, depNow, depBefore, locNow, locBefore] = reads as PurposeRowRead[][];
      const now = releasePurposes(this.disclosure, dp, k, orgNow, depNow, locNow);
      const then = releasePurposes(this.disclosure, dp, k, orgBefore, depBefore, locBefore);
      purposes = PURPOSES.map((p) => {
        const strategyMissing = p === 'strategy' && !orgNow.some((r) => r.purpose === 'strategy');
        const orgA = now.get(p)?.get(POPULATION);
        const orgB = then.get(p)?.get(POPULATION);
        const departments = [...new Set(depNow.filter((r) => r.purpose === p).map((r) => r.group_value))].sort().map((dep) => {
          const a = now.get(p)?.get(groupKey.department(dep));
          const b = then.get(p)?.get(groupKey.department(dep));
          return {
            department: dep || 'unknown',
            value: a?.value ?? null,
            change: a?.value != null && b?.value != null ? round(a.value - b.value) : null,
            suppressed: a?.value == null,
            hidden_reason: a?.hidden ?? null,
          };
        });
        return {
          purpose: p,
          label: PURPOSE_DEFINITIONS[p].label,
          definition: PURPOSE_DEFINITIONS[p].definition,
          organisation: {
            value: orgA?.value ?? null,
            change: orgA?.value != null && orgB?.value != null ? round(orgA.value - orgB.value) : null,
            reason: strategyMissing ? STRATEGY_NO_AUDIENCE_REASON : orgA?.hidden ? hiddenReasonText(orgA.hidden, k) : null,
            hidden_reason: strategyMissing ? null : (orgA?.hidden ?? null),
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

/**
 * Per purpose, the organisation's and every department's value on one day as the layer releases it:
 * the numerators of every department AND location (the groups the purpose indices exist for, in the
 * Engagement area too) and the organisation's go through planStat as a 'share' at once, so the
 * organisation minus the shown departments, or a location minus a department inside it, never
 * leaves 1..k−1 people doing (or not doing) the purpose; each row's own numerator and complement
 * within its denominator (the strategy purpose's denominator is the linked audiences) must be ≥ k too.
 * Groups without a purpose row (no x) are not compared: the index exists for no other family.
 */
function releasePurposes(
  disclosure: DisclosureService,
  dp: DisclosurePlan,
  k: number,
  org: readonly PurposeRowRead[],
  departments: readonly PurposeRowRead[],
  locations: readonly PurposeRowRead[],
): Map<string, Map<string, { value: number | null; hidden: HiddenReason | null }>> {
  const out = new Map<string, Map<string, { value: number | null; hidden: HiddenReason | null }>>();
  for (const p of PURPOSES) {
    const rows = [
      ...org.filter((r) => r.purpose === p).map((r) => ({ key: POPULATION, r })),
      ...departments.filter((r) => r.purpose === p).map((r) => ({ key: groupKey.department(r.group_value), r })),
      ...locations.filter((r) => r.purpose === p).map((r) => ({ key: groupKey.location(r.group_value), r })),
    ];
    const orgRow = rows.find((x) => x.key === POPULATION);
    const x = new Map(rows.filter((x) => x.key !== POPULATION).map((x) => [x.key, x.r.numerator]));
    const decisions = disclosure.stat(dp, 'share', x, orgRow ? orgRow.r.numerator : null);
    const released = new Map<string, { value: number | null; hidden: HiddenReason | null }>();
    for (const { key, r } of rows) {
      const d = decisions.get(key);
      const hidden = shareRule(r.numerator, r.denominator, k) ?? (d && !d.shown ? (d.reason ?? 'below_minimum') : d ? null : 'below_minimum');
      released.set(key, { value: hidden || r.denominator === 0 ? null : round((100 * r.numerator) / r.denominator), hidden });
    }
    out.set(p, released);
  }
  return out;
}
