import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  compileSegmentRule,
  prepareSegmentRule,
  SEGMENT_DEFINITION_SOURCE,
  SegmentMembershipRepository,
  segmentRuleReferencesOf,
  todayUtc,
  type SegmentDefinitionRecord,
  type SegmentDefinitionSource,
} from '@hubpulse/audiences';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { SegmentRuleError } from '@hubpulse/contracts';

export interface SegmentRunResult {
  segment_id: string;
  status: 'ok' | 'failed' | 'skipped';
  /** The version written (ok), attempted (failed) or current (skipped; null if none). */
  version: number | null;
  /** The version that was current before this run (null when there was none). */
  previous_version: number | null;
  definition_version: number | null;
  as_of: string;
  size: number;
  entered: number;
  left: number;
  ms: number;
  error: string | null;
}

interface SegmentComputeOptions {
  reason?: string;
  /** Day the rule is evaluated on (default: today, UTC). */
  asOf?: string;
  /** Recompute a static segment that already has a membership. */
  force?: boolean;
  /** Delete older versions after the switch (default true; refresh prunes every segment at once at the end). */
  prune?: boolean;
}

/** A run that failed; the segment keeps its last good version. `rule` = the definition is at fault (retrying will not help). */
export class SegmentRunError extends Error {
  constructor(
    readonly result: SegmentRunResult,
    override readonly cause: unknown,
  ) {
    super(`segment ${result.segment_id} run failed: ${result.error}`);
    this.name = 'SegmentRunError';
  }
  get rule(): boolean {
    return this.cause instanceof SegmentRuleError;
  }
}

/**
 * Segment memberships: each computation writes the members as a new version, then records an 'ok'
 * run, which is the switch readers follow (SegmentMembershipRepository). A failure records a 'failed' run with the
 * error, logs it, deletes the partial version and keeps the last good one. No size cap: members go
 * from the compiled SELECT straight into the table.
 */
@Injectable()
export class SegmentComputeService {
  private readonly logger = new Logger('Segments');

  constructor(
    private readonly ch: ClickHouseService,
    private readonly store: SegmentMembershipRepository,
    @Optional() @Inject(SEGMENT_DEFINITION_SOURCE) private readonly source?: SegmentDefinitionSource,
  ) {}

  private requireSource(): SegmentDefinitionSource {
    if (!this.source) throw new Error('no SEGMENT_DEFINITION_SOURCE provider is registered: segment definitions cannot be read');
    return this.source;
  }

  /** The stored definition (null: no such segment). */
  definition(segmentId: string): Promise<SegmentDefinitionRecord | null> {
    return this.requireSource().get(segmentId);
  }

  /** Computes one segment (by id, read from the definition source, or a definition given whole). */
  async compute(target: string | SegmentDefinitionRecord, opts: SegmentComputeOptions = {}): Promise<SegmentRunResult> {
    const started = Date.now();
    const asOf = opts.asOf ?? todayUtc();
    const def = typeof target === 'string' ? await this.requireSource().get(target) : target;
    const segmentId = typeof target === 'string' ? target : target.id;
    const current = await this.store.current(segmentId);
    const base = { segment_id: segmentId, previous_version: current?.version ?? null, as_of: asOf, size: 0, entered: 0, left: 0, error: null };
    if (!def) {
      this.logger.warn(`segment ${segmentId}: no such segment, nothing computed`);
      return { ...base, status: 'skipped', version: current?.version ?? null, definition_version: null, ms: Date.now() - started, error: 'no such segment' };
    }
    if (def.kind === 'static' && current && !opts.force) {
      return { ...base, status: 'skipped', version: current.version, definition_version: def.definition_version, size: current.size, ms: Date.now() - started };
    }
    const previous = current?.version ?? 0;
    // Versions grow with time and never repeat, even across failed runs and worker processes.
    const version = Math.max(Date.now(), (await this.store.lastVersion(segmentId)) + 1);
    const run = { segment_id: segmentId, version, previous_version: previous, definition_version: def.definition_version, as_of: asOf, reason: opts.reason ?? '' };
    let wrote = false;
    try {
      const { rule, memberVersions } = await prepareSegmentRule(def.rule, { source: this.source, store: this.store }, segmentId);
      const compiled = compileSegmentRule(rule, { tables: this.ch.tables, asOf, memberVersions });
      wrote = true;
      await this.store.insertMembers(segmentId, version, compiled);
      const counts = await this.store.diff(segmentId, version, previous);
      const ms = Date.now() - started;
      await this.store.recordRun({ ...run, ...counts, status: 'ok', error: '', ms });
      this.logger.log(`segment ${def.name ? `"${def.name}" ` : ''}${segmentId} v${version}: ${counts.size} members (+${counts.entered} −${counts.left}) in ${ms} ms`);
      if (opts.prune !== false) await this.pruneAfter(new Map([[segmentId, previous ? [version, previous] : [version]]]));
      return { ...base, ...counts, status: 'ok', version, definition_version: def.definition_version, ms };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const ms = Date.now() - started;
      const result: SegmentRunResult = { ...base, status: 'failed', version, definition_version: def.definition_version, ms, error: message };
      this.logger.error(`segment ${def.name ? `"${def.name}" ` : ''}${segmentId} run failed, keeping ${previous ? `version ${previous}` : 'no membership'}: ${message}`);
      try {
        await this.store.recordRun({ ...run, size: 0, entered: 0, left: 0, status: 'failed', error: message.slice(0, 4000), ms });
        // Never current (no 'ok' run names it), but its rows would take space until the next prune.
        if (wrote) await this.store.deleteVersion(segmentId, version);
      } catch (recordErr) {
        // Storage is likely down: the run's own error is what the job reports (and retries on).
        this.logger.error(`segment ${segmentId}: the failure could not be recorded: ${recordErr instanceof Error ? recordErr.message : String(recordErr)}`);
      }
      throw new SegmentRunError(result, err);
    }
  }

  /**
   * Deletes versions older than the one just replaced (kept for readers that looked it up a moment
   * ago), except those launched programmes pinned. The new versions are already current, so a failure here is not the run's: it is logged and
   * the next run of the segment deletes the leftovers.
   */
  private async pruneAfter(keep: ReadonlyMap<string, readonly number[]>): Promise<void> {
    try {
      // Versions a launched programme pinned (its target at launch) stay as long as the programme.
      const pinned = (await this.source?.pinnedVersions?.([...keep.keys()])) ?? new Map<string, readonly number[]>();
      await this.store.prune(new Map([...keep].map(([id, versions]) => [id, [...new Set([...versions, ...(pinned.get(id) ?? [])])]])));
    } catch (err) {
      this.logger.warn(`segments ${[...keep.keys()].join(', ')}: old versions not deleted yet (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /**
   * Recomputes every dynamic segment, segments referred to before those referring to them. One
   * failure does not stop the others (each is logged and recorded). Rule errors wait for an edit;
   * any other failure is thrown at the end, so the job is retried.
   */
  async refresh(opts: Omit<SegmentComputeOptions, 'force'> = {}): Promise<SegmentRunResult[]> {
    const defs = await this.requireSource().listDynamic();
    const results: SegmentRunResult[] = [];
    const keep = new Map<string, number[]>();
    const retryable: SegmentRunError[] = [];
    for (const def of orderByReferences(defs)) {
      try {
        const r = await this.compute(def, { ...opts, prune: false });
        results.push(r);
        if (r.status === 'ok' && r.version) keep.set(r.segment_id, r.previous_version ? [r.version, r.previous_version] : [r.version]);
      } catch (err) {
        if (!(err instanceof SegmentRunError)) throw err;
        results.push(err.result);
        if (!err.rule) retryable.push(err);
      }
    }
    await this.pruneAfter(keep);
    if (retryable.length) throw new Error(`${retryable.length} of ${defs.length} segments failed: ${retryable.map((e) => e.message).join('; ')}`);
    return results;
  }

  /** Dynamic segments whose rule refers to `segmentId` directly (to recompute after it changes). */
  async dependents(segmentId: string): Promise<string[]> {
    const defs = await this.requireSource().listDynamic();
    return defs.filter((d) => d.id !== segmentId && segmentRuleReferencesOf(d.rule).includes(segmentId)).map((d) => d.id);
  }
}

/** Definitions ordered so that a referenced segment comes before those referring to it (cycles: input order). */
function orderByReferences<T extends { id: string; rule: unknown }>(defs: readonly T[]): T[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (d: T) => {
    if (state.has(d.id)) return;
    state.set(d.id, 'visiting');
    for (const ref of segmentRuleReferencesOf(d.rule)) {
      const dep = byId.get(ref);
      if (dep) visit(dep);
    }
    state.set(d.id, 'done');
    out.push(d);
  };
  defs.forEach(visit);
  return out;
}
