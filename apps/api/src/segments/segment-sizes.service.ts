import { Injectable } from '@nestjs/common';
import { SegmentMembershipRepository, type SegmentRun } from '@hubpulse/audiences';
import { isSmall, suppressRuns, type HiddenReason } from '@hubpulse/disclosure';
import type { CountSuppression, SegmentRunDto } from '@hubpulse/contracts';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';

/** Runs shown per segment (size over time). */
const RUNS_SHOWN = 30;

/** What may be shown about one segment's membership. */
export interface SegmentSizing {
  /** The run that made the current membership, or null (never computed). */
  current: SegmentRun | null;
  /** The newest run (it may have failed). */
  last: SegmentRun | null;
  /** Current size as it may be shown (null: suppressed or never computed). */
  size: number | null;
  suppressed: CountSuppression | null;
  /** Recent runs, oldest first, with privacy applied. */
  runs: SegmentRunDto[];
}

export interface SizesSnapshot {
  k: number;
  population: number;
  /** The population as shown (null below the minimum group size). */
  populationShown: number | null;
  segments: Map<string, SegmentSizing>;
  /** The group plan the sizes were decided by (channel statistics and programmes reuse it). */
  plan: DisclosurePlan;
}

/**
 * Segment sizes as they may be shown anywhere in the API. The decision is the group plan's (family
 * `segment`, libs/disclosure group-plan.ts): every segment's current membership is checked there
 * against every other segment, programme pin and goal-link audience, the departments, locations,
 * teams, tenure bands, manager trees and the population — one implementation for every view, so a
 * size hidden in the list is hidden in the detail, the channel statistics, the programme forecast and
 * the goal-link analysis too. Runs over time keep rule 3 of complementary suppression (suppressRuns),
 * with the current run's size hidden whenever the plan hides it.
 */
@Injectable()
export class SegmentSizesService {
  constructor(
    private readonly memberships: SegmentMembershipRepository,
    private readonly disclosure: DisclosureService,
  ) {}

  async snapshot(segmentIds: readonly string[]): Promise<SizesSnapshot> {
    const k = this.disclosure.k;
    // One read of the runs, so the current membership and the series agree even while a run lands.
    const [plan, recent] = await Promise.all([this.disclosure.plan(), this.memberships.recentRuns(RUNS_SHOWN + 1)]);
    const population = plan.plan.populationSize;
    const known = new Set(segmentIds);
    const recentBy = new Map<string, SegmentRun[]>();
    for (const r of recent) if (known.has(r.segment_id)) recentBy.set(r.segment_id, [...(recentBy.get(r.segment_id) ?? []), r]);
    const okBy = new Map<string, SegmentRun[]>();
    for (const [id, rows] of recentBy) okBy.set(id, rows.filter((r) => r.status === 'ok'));
    const current = new Map<string, SegmentRun>();
    for (const [id, rows] of okBy) if (rows.length) current.set(id, rows[0]);
    // A segment whose last RUNS_SHOWN + 1 runs all failed: its current membership is older.
    const stale = [...recentBy.keys()].filter((id) => !current.has(id));
    if (stale.length) for (const r of await this.memberships.recentRuns(1, stale, true)) current.set(r.segment_id, r);

    const segments = new Map<string, SegmentSizing>();
    for (const id of segmentIds) {
      const cur = current.get(id) ?? null;
      const hidden = cur ? planHides(plan, groupKey.segment(id), cur.size) : null;
      segments.set(id, {
        current: cur,
        last: recentBy.get(id)?.[0] ?? null,
        size: cur && !hidden ? cur.size : null,
        suppressed: hidden,
        runs: runSeries((recentBy.get(id) ?? []).slice(0, RUNS_SHOWN), okBy.get(id) ?? [], k, cur && hidden ? cur.version : null),
      });
    }
    return { k, population, populationShown: population >= k ? population : null, segments, plan };
  }
}

/**
 * Why the plan hides a membership's size (a segment's current one, a programme's pinned one), or
 * null. The plan counts members who are in today's directory; the stored size also counts members
 * who have left it since. Shown is the stored size (so the list and the runs agree); when the two
 * differ by 1..k−1 the size is hidden too, else the difference would count the few who left.
 */
export function planHides(plan: DisclosurePlan, key: string, runSize: number): HiddenReason | null {
  const d = plan.plan.get(key);
  if (!d) return 'below_minimum'; // no member in the directory: the plan holds no group for it
  if (!d.shown) return d.reason ?? 'below_minimum';
  return isSmall(Math.abs(runSize - d.size), plan.plan.k) ? 'difference' : null;
}

/**
 * Oldest-first runs to show: the newest RUNS_SHOWN runs, ok ones with sizes and movements under rule 3.
 * `okNewestFirst` holds up to one ok run more than shown: the one before the oldest shown, whose size
 * decides whether the oldest shown run's movements can be shown. `hiddenVersion`: a run whose size
 * another rule hides (the current one, when suppressed in the list).
 */
function runSeries(recentNewestFirst: SegmentRun[], okNewestFirst: SegmentRun[], k: number, hiddenVersion: number | null): SegmentRunDto[] {
  const ok = [...okNewestFirst].reverse();
  // Without the run before it, the oldest fetched ok run only serves as the "before" of the next one.
  const context = ok.length > 0 && ok[0].previous_version !== 0 ? 1 : 0;
  const shown = suppressRuns(ok, k, (i) => ok[i].version === hiddenVersion);
  const okDto = new Map<number, SegmentRunDto>();
  ok.forEach((r, i) => {
    if (i < context) return;
    okDto.set(r.version, { ...base(r), size: shown[i].size, entered: shown[i].entered, left: shown[i].left });
  });
  return [...recentNewestFirst]
    .reverse()
    .map((r) => (r.status === 'ok' ? (okDto.get(r.version) ?? { ...base(r), size: null, entered: null, left: null }) : { ...base(r), size: null, entered: null, left: null }));
}

function base(r: SegmentRun): Omit<SegmentRunDto, 'size' | 'entered' | 'left'> {
  return {
    version: r.status === 'ok' ? r.version : null,
    definition_version: r.definition_version,
    started_at: new Date(Date.parse(r.computed_at) - r.ms).toISOString(),
    finished_at: r.computed_at,
    status: r.status,
    error: r.status === 'failed' ? r.error || 'failed' : null,
  };
}
