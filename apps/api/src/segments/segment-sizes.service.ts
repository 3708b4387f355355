import { Inject, Injectable } from '@nestjs/common';
import { suppressOverlappingSets, suppressRuns, type SetSuppression } from '@hubpulse/disclosure';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { CountSuppression, SegmentRunDto } from '@hubpulse/contracts';
import { overlapKey, SegmentReadsRepository, type SegmentRunRow } from './segment-reads.repository';

/** Runs shown per segment (size over time). */
export const RUNS_SHOWN = 30;
const POPULATION_ID = '__population__';

/** What may be shown about one segment's membership. */
export interface SegmentSizing {
  /** The run that made the current membership, or null (never computed). */
  current: SegmentRunRow | null;
  /** The newest run (it may have failed). */
  last: SegmentRunRow | null;
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
}

/**
 * Segment sizes as they may be shown anywhere in the API. The same decision is used by every
 * endpoint, so a size hidden in the list is hidden in the detail, the channel statistics and the
 * programme forecast too. Rule 1 of complementary suppression (libs/analytics) runs over the current
 * memberships of every segment (archived ones too: their detail can still be opened) and the
 * population; rule 3 over each segment's runs.
 */
@Injectable()
export class SegmentSizesService {
  constructor(
    private readonly reads: SegmentReadsRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  /** A membership version never changes, so the overlaps of one set of versions are computed once. */
  private overlapCache: { key: string; value: Promise<Map<string, number>> } | null = null;

  private overlaps(versions: Map<string, number>): Promise<Map<string, number>> {
    const key = [...versions].map(([id, v]) => `${id}:${v}`).sort().join(',');
    if (this.overlapCache?.key !== key) {
      const value = this.reads.overlaps(versions);
      this.overlapCache = { key, value };
      // A failed read is not remembered.
      value.catch(() => {
        if (this.overlapCache?.value === value) this.overlapCache = null;
      });
    }
    return this.overlapCache.value;
  }

  async snapshot(segmentIds: readonly string[]): Promise<SizesSnapshot> {
    const k = this.config.minGroupSize;
    // One read of the runs, so the current membership and the series agree even while a run lands.
    const [population, recent] = await Promise.all([this.reads.population(), this.reads.runs(RUNS_SHOWN + 1)]);
    const known = new Set(segmentIds);
    const recentBy = new Map<string, SegmentRunRow[]>();
    for (const r of recent) if (known.has(r.segment_id)) recentBy.set(r.segment_id, [...(recentBy.get(r.segment_id) ?? []), r]);
    const okBy = new Map<string, SegmentRunRow[]>();
    for (const [id, rows] of recentBy) okBy.set(id, rows.filter((r) => r.status === 'ok'));
    const current = new Map<string, SegmentRunRow>();
    for (const [id, rows] of okBy) if (rows.length) current.set(id, rows[0]);
    // A segment whose last RUNS_SHOWN + 1 runs all failed: its current membership is older.
    const stale = [...recentBy.keys()].filter((id) => !current.has(id));
    if (stale.length) for (const r of await this.reads.runs(1, stale, true)) current.set(r.segment_id, r);

    const overlaps = await this.overlaps(new Map([...current].map(([id, r]) => [id, r.version])));
    const decisions = new Map<string, SetSuppression>(
      suppressOverlappingSets(
        [{ id: POPULATION_ID, size: population, fixed: true }, ...[...current].map(([id, r]) => ({ id, size: r.size }))],
        (a, b) => overlaps.get(overlapKey(a, b)) ?? 0,
        k,
      ).map((d) => [d.id, d]),
    );

    const segments = new Map<string, SegmentSizing>();
    for (const id of segmentIds) {
      const cur = current.get(id) ?? null;
      const decision = cur ? decisions.get(id)! : null;
      segments.set(id, {
        current: cur,
        last: recentBy.get(id)?.[0] ?? null,
        size: decision?.size ?? null,
        suppressed: (decision?.reason as CountSuppression | null) ?? null,
        runs: runSeries((recentBy.get(id) ?? []).slice(0, RUNS_SHOWN), okBy.get(id) ?? [], k, cur && decision?.size === null ? cur.version : null),
      });
    }
    return { k, population, populationShown: population >= k ? population : null, segments };
  }
}

/**
 * Oldest-first runs to show: the newest RUNS_SHOWN runs, ok ones with sizes and movements under rule 3.
 * `okNewestFirst` holds up to one ok run more than shown: the one before the oldest shown, whose size
 * decides whether the oldest shown run's movements can be shown. `hiddenVersion`: a run whose size
 * another rule hides (the current one, when suppressed in the list).
 */
function runSeries(recentNewestFirst: SegmentRunRow[], okNewestFirst: SegmentRunRow[], k: number, hiddenVersion: number | null): SegmentRunDto[] {
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

function base(r: SegmentRunRow): Omit<SegmentRunDto, 'size' | 'entered' | 'left'> {
  return {
    version: r.status === 'ok' ? r.version : null,
    definition_version: r.definition_version,
    started_at: new Date(Date.parse(r.computed_at) - r.ms).toISOString(),
    finished_at: r.computed_at,
    status: r.status,
    error: r.status === 'failed' ? r.error || 'failed' : null,
  };
}
