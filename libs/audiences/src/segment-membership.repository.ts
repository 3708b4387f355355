import { Injectable } from '@nestjs/common';
import { ClickHouseService, type DirectoryEntry } from '@hubpulse/clickhouse';
import type { SegmentMemberDto } from '@hubpulse/contracts';
import type { CompiledSegmentSql } from './segment-rule.compiler';
import type { SegmentPreviewRow } from './segment-preview';

/** One computation of a segment (a row of segment_runs). */
export interface SegmentRun {
  segment_id: string;
  version: number;
  /** The membership this run compared itself with (0: none, the segment's first membership). */
  previous_version: number;
  definition_version: number;
  as_of: string;
  reason: string;
  /** ClickHouse time, UTC ('2026-03-01 10:00:00.123'); ISO from recentRuns. */
  computed_at: string;
  size: number;
  entered: number;
  left: number;
  status: 'ok' | 'failed';
  error: string;
  ms: number;
}

/** A member with the directory fields an export shows. */
export type SegmentMember = DirectoryEntry;

const RUN_COLUMNS = `segment_id, version, previous_version, definition_version, toString(as_of) AS as_of, toString(reason) AS reason,
  toString(computed_at) AS computed_at, size, entered, \`left\`, toString(status) AS status, error, ms`;

const toRun = (r: Record<string, unknown>): SegmentRun => ({
  segment_id: String(r.segment_id),
  version: Number(r.version),
  previous_version: Number(r.previous_version),
  definition_version: Number(r.definition_version),
  as_of: String(r.as_of),
  reason: String(r.reason),
  computed_at: String(r.computed_at),
  size: Number(r.size),
  entered: Number(r.entered),
  left: Number(r.left),
  status: r.status === 'ok' ? 'ok' : 'failed',
  error: String(r.error ?? ''),
  ms: Number(r.ms),
});

/** '2026-03-01 10:00:00.123' (ClickHouse, UTC) → '2026-03-01T10:00:00.123Z'. */
const chTimeToIso = (t: string) => (t.includes('T') ? t : `${t.replace(' ', 'T')}${t.includes('.') ? '' : '.000'}Z`);

const orNull = (s: string) => (s === '' ? null : s);
/** A directory row as the API lists people (empty fields as null). */
export const segmentMemberDto = (r: SegmentMember): SegmentMemberDto => ({
  person_id: r.person_id,
  name: r.name,
  email: orNull(r.email),
  department: orNull(r.department),
  location: orNull(r.location),
  title: orNull(r.title),
});

/** The two tables of a membership, as @hubpulse/clickhouse's Tables names them. */
export interface SegmentMembershipTables {
  segment_members: string;
  segment_runs: string;
}

/**
 * SQL fragments for queries of other repositories that join a membership with their own tables
 * (events, scores, the directory): the table names and what "a membership" and "the current
 * membership" mean are written here only. The arguments are SQL expressions, usually query
 * parameters (`{seg:String}`, `{v:UInt64}`); every fragment is a SELECT of person_id, for `IN (…)`.
 */
export const segmentMembersSql = {
  /** The members of one version. */
  of: (t: Pick<SegmentMembershipTables, 'segment_members'>, segment: string, version: string): string =>
    `SELECT person_id FROM ${t.segment_members} WHERE segment_id = ${segment} AND version = ${version}`,
  /** The members of the current version: the newest one an 'ok' run names (none before the first). */
  current: (t: SegmentMembershipTables, segment: string): string =>
    `SELECT person_id FROM ${t.segment_members}
           WHERE segment_id = ${segment}
             AND version = (SELECT max(version) FROM ${t.segment_runs} WHERE segment_id = ${segment} AND status = 'ok')`,
};

/**
 * THE repository of segment_members and segment_runs: every query that reads or writes them is here
 * (other repositories join memberships through segmentMembersSql). A membership version becomes
 * current only when its 'ok' run row is written, after every member row is stored; readers first
 * look up the current version, then read that version's rows, so they see a whole old or a whole new
 * membership, never a part. It also runs compiled rules (members, previews): their SQL comes from
 * the rule compiler.
 */
@Injectable()
export class SegmentMembershipRepository {
  /**
   * Asked by every request that needs the disclosure plan or the segments' sizes, so kept until a run
   * is recorded (DataVersions.memo): the runs' fingerprint, and every segment's newest runs by how many.
   */
  private runsPrint?: () => Promise<{ runs: string; last_run: string }>;
  private readonly everyRecentRun = new Map<number, () => Promise<readonly SegmentRun[]>>();

  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  /** Current (newest 'ok') membership version of each segment; all segments when `ids` is omitted. */
  async currentVersions(ids?: readonly string[]): Promise<Map<string, number>> {
    if (ids && ids.length === 0) return new Map();
    const rows = await this.ch.rows<{ segment_id: string; version: string }>(
      `SELECT segment_id, max(version) AS version FROM ${this.t.segment_runs}
       WHERE status = 'ok' ${ids ? 'AND segment_id IN {ids:Array(String)}' : ''} GROUP BY segment_id`,
      ids ? { ids } : {},
    );
    return new Map(rows.map((r) => [r.segment_id, Number(r.version)]));
  }

  /** The newest version number written for the segment, whatever its status (0 when none). */
  async lastVersion(segmentId: string): Promise<number> {
    const [r] = await this.ch.rows<{ v: string }>(
      `SELECT greatest(
         (SELECT max(version) FROM ${this.t.segment_runs} WHERE segment_id = {id:String}),
         (SELECT max(version) FROM ${this.t.segment_members} WHERE segment_id = {id:String})) AS v`,
      { id: segmentId },
    );
    return Number(r?.v ?? 0);
  }

  /** The run that made the current membership, or null when the segment never computed. */
  async current(segmentId: string): Promise<SegmentRun | null> {
    const [r] = await this.ch.rows<Record<string, unknown>>(
      `SELECT ${RUN_COLUMNS} FROM ${this.t.segment_runs} WHERE segment_id = {id:String} AND status = 'ok' ORDER BY version DESC LIMIT 1`,
      { id: segmentId },
    );
    return r ? toRun(r) : null;
  }

  /** Per segment: the run of its current membership and its newest run (which may have failed). */
  async latest(ids?: readonly string[]): Promise<Map<string, { current: SegmentRun | null; last: SegmentRun }>> {
    if (ids && ids.length === 0) return new Map();
    const rows = await this.ch.rows<Record<string, unknown> & { kind: string }>(
      `SELECT * FROM (
         SELECT 'last' AS kind, ${RUN_COLUMNS} FROM ${this.t.segment_runs} ${ids ? 'WHERE segment_id IN {ids:Array(String)}' : ''}
         ORDER BY version DESC LIMIT 1 BY segment_id
         UNION ALL
         SELECT 'current' AS kind, ${RUN_COLUMNS} FROM ${this.t.segment_runs} WHERE status = 'ok' ${ids ? 'AND segment_id IN {ids:Array(String)}' : ''}
         ORDER BY version DESC LIMIT 1 BY segment_id)`,
      ids ? { ids } : {},
    );
    const out = new Map<string, { current: SegmentRun | null; last: SegmentRun }>();
    for (const r of rows.filter((x) => x.kind === 'last')) out.set(String(r.segment_id), { current: null, last: toRun(r) });
    for (const r of rows.filter((x) => x.kind === 'current')) {
      const e = out.get(String(r.segment_id));
      if (e) e.current = toRun(r);
    }
    return out;
  }

  /** Runs of a segment, newest first: size over time, entered / left, failures. */
  async runs(segmentId: string, limit = 200): Promise<SegmentRun[]> {
    const rows = await this.ch.rows<Record<string, unknown>>(
      `SELECT ${RUN_COLUMNS} FROM ${this.t.segment_runs} WHERE segment_id = {id:String} ORDER BY version DESC LIMIT {limit:UInt32}`,
      { id: segmentId, limit },
    );
    return rows.map(toRun);
  }

  /** Members in the current version (null when the segment never computed). */
  async size(segmentId: string): Promise<number | null> {
    const version = (await this.currentVersions([segmentId])).get(segmentId);
    if (version === undefined) return null;
    return this.countVersion(segmentId, version);
  }

  /** Members in one membership version (0 when it has no rows, e.g. pruned). */
  async countVersion(segmentId: string, version: number): Promise<number> {
    const [r] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM (${segmentMembersSql.of(this.t, '{id:String}', '{v:UInt64}')})`, { id: segmentId, v: version });
    return Number(r?.n ?? 0);
  }

  /** Whether a membership version of the segment still has rows. */
  async versionExists(segmentId: string, version: number): Promise<boolean> {
    const [r] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM (${segmentMembersSql.of(this.t, '{s:String}', '{v:UInt64}')} LIMIT 1)`, {
      s: segmentId,
      v: version,
    });
    return Number(r?.n ?? 0) > 0;
  }

  /** True when the segment has a computed membership (an 'ok' run). */
  async computed(segmentId: string): Promise<boolean> {
    const [r] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM ${this.t.segment_runs} WHERE segment_id = {s:String} AND status = 'ok'`, { s: segmentId });
    return Number(r?.n ?? 0) > 0;
  }

  /**
   * The newest `perSegment` runs of every segment (or of `ids`), newest first; `okOnly` skips failed
   * runs. computed_at as ISO time (the API lists these).
   */
  recentRuns(perSegment: number, ids?: readonly string[], okOnly = false): Promise<readonly SegmentRun[]> {
    if (ids || okOnly) return this.readRecentRuns(perSegment, ids, okOnly);
    // Every segment's (the list and the detail read them on each request): kept until a run is recorded.
    let memo = this.everyRecentRun.get(perSegment);
    if (!memo) {
      memo = this.ch.versions.memo(['segment_runs'], async () => Object.freeze((await this.readRecentRuns(perSegment)).map((r) => Object.freeze(r))));
      this.everyRecentRun.set(perSegment, memo);
    }
    return memo();
  }

  private async readRecentRuns(perSegment: number, ids?: readonly string[], okOnly = false): Promise<SegmentRun[]> {
    const rows = await this.ch.rows<Record<string, unknown>>(
      `SELECT ${RUN_COLUMNS}
       FROM ${this.t.segment_runs} WHERE ${ids ? 'segment_id IN {ids:Array(String)}' : '1'} ${okOnly ? "AND status = 'ok'" : ''}
       ORDER BY segment_id, version DESC LIMIT {n:UInt32} BY segment_id`,
      { n: perSegment, ...(ids ? { ids } : {}) },
    );
    return rows.map((r) => ({ ...toRun(r), computed_at: chTimeToIso(String(r.computed_at)) }));
  }

  /** Changes whenever a run is recorded (a cache key of what is built from memberships). */
  runsFingerprint(): Promise<{ runs: string; last_run: string }> {
    this.runsPrint ??= this.ch.versions.memo(['segment_runs'], async () => {
      const [r] = await this.ch.rows<{ runs: string; last_run: string }>(
        `SELECT (SELECT count() FROM ${this.t.segment_runs} WHERE status = 'ok') AS runs,
                (SELECT toString(max(version)) FROM ${this.t.segment_runs}) AS last_run`,
      );
      return { runs: r.runs, last_run: r.last_run };
    });
    return this.runsPrint();
  }

  /**
   * A digest of who is in every segment's current membership (not of which run computed it): the
   * same after a run that changed nobody's membership, so what is built from memberships (the
   * disclosure plan) can be kept across such runs. Per segment its size and two order-free sums of
   * its members' hashes; one digest over the sorted segments.
   */
  async currentMembersDigest(): Promise<string> {
    const [r] = await this.ch.rows<{ segments: string; digest: string }>(
      `SELECT toString(count()) AS segments, hex(sipHash128(arraySort(groupArray((id, n, x, s))))) AS digest
       FROM (SELECT segment_id AS id, count() AS n, groupBitXor(cityHash64(person_id)) AS x, sum(cityHash64(person_id)) AS s
             FROM ${this.t.segment_members}
             WHERE (segment_id, version) IN (SELECT segment_id, max(version) FROM ${this.t.segment_runs} WHERE status = 'ok' GROUP BY segment_id)
             GROUP BY segment_id)`,
    );
    return `${r.segments}:${r.digest}`;
  }

  /** The current membership of every computed segment (or of `ids`), as person id lists, by segment id. */
  async currentMembers(ids?: readonly string[]): Promise<{ id: string; members: string[] }[]> {
    if (ids && ids.length === 0) return [];
    return this.ch.rows<{ id: string; members: string[] }>(
      `SELECT segment_id AS id, groupArray(person_id) AS members FROM ${this.t.segment_members}
       WHERE (segment_id, version) IN (SELECT segment_id, max(version) FROM ${this.t.segment_runs}
                                       WHERE status = 'ok' ${ids ? 'AND segment_id IN {ids:Array(String)}' : ''} GROUP BY segment_id)
       GROUP BY segment_id ORDER BY segment_id`,
      ids ? { ids } : {},
    );
  }

  /** The members of given versions (a programme's pinned target), one row per version that still has rows. */
  async versionMembers(versions: readonly { segmentId: string; version: number }[]): Promise<{ segment_id: string; version: string; members: string[] }[]> {
    if (versions.length === 0) return [];
    return this.ch.rows<{ segment_id: string; version: string; members: string[] }>(
      `SELECT segment_id, toString(version) AS version, groupArray(person_id) AS members FROM ${this.t.segment_members}
       WHERE (segment_id, version) IN (SELECT arrayJoin(arrayZip({segs:Array(String)}, {versions:Array(UInt64)})))
       GROUP BY segment_id, version`,
      { segs: versions.map((p) => p.segmentId), versions: versions.map((p) => p.version) },
    );
  }

  /** A page of a version's members with their directory fields, by name then person id. */
  async membersPage(segmentId: string, version: number, offset: number, limit: number): Promise<SegmentMemberDto[]> {
    const rows = await this.ch.rows<SegmentMember>(
      `SELECT m.person_id AS person_id, p.name AS name, p.email AS email, toString(p.department) AS department,
              toString(p.location) AS location, p.title AS title
       FROM (${segmentMembersSql.of(this.t, '{id:String}', '{v:UInt64}')}) AS m
       LEFT JOIN (SELECT person_id, name, email, department, location, title FROM ${this.t.people} FINAL) AS p ON p.person_id = m.person_id
       ORDER BY name, person_id LIMIT {limit:UInt32} OFFSET {offset:UInt64}`,
      { id: segmentId, v: version, limit, offset },
    );
    return rows.map(segmentMemberDto);
  }

  /**
   * A page of the current members in person_id order (keyset: pass the last id as `after`), with
   * their directory fields. The version is pinned by the caller for a consistent multi-page export.
   */
  async members(segmentId: string, version: number, opts: { after?: string; limit?: number } = {}): Promise<SegmentMember[]> {
    return this.ch.rows<SegmentMember>(
      `SELECT m.person_id AS person_id, p.name AS name, p.email AS email, toString(p.department) AS department,
              toString(p.location) AS location, p.title AS title
       FROM (SELECT person_id FROM ${this.t.segment_members}
             WHERE segment_id = {id:String} AND version = {v:UInt64} AND person_id > {after:String}
             ORDER BY person_id LIMIT {limit:UInt32}) AS m
       LEFT JOIN (SELECT person_id, name, email, department, location, title FROM ${this.t.people} FINAL) AS p ON p.person_id = m.person_id
       ORDER BY m.person_id`,
      { id: segmentId, v: version, after: opts.after ?? '', limit: opts.limit ?? 10_000 },
    );
  }

  /** The one row of a compiled preview query (segmentPreviewQuery). */
  preview(q: CompiledSegmentSql): Promise<SegmentPreviewRow[]> {
    return this.ch.rows<SegmentPreviewRow>(q.sql, q.params);
  }

  /** Writes the members of `version` from a compiled rule, in one INSERT … SELECT (no size cap). */
  async insertMembers(segmentId: string, version: number, compiled: CompiledSegmentSql): Promise<void> {
    await this.ch.client.command({
      query: `INSERT INTO ${this.t.segment_members} (segment_id, version, person_id)
              SELECT {segment_id:String}, {segment_version:UInt64}, person_id FROM (${compiled.sql})`,
      query_params: { ...compiled.params, segment_id: segmentId, segment_version: version },
    });
  }

  /** Size of `version` and the people who entered / left since `previous` (0 = none), in one pass. */
  async diff(segmentId: string, version: number, previous: number): Promise<{ size: number; entered: number; left: number }> {
    const [r] = await this.ch.rows<{ size: string; entered: string; left: string }>(
      `SELECT countIf(bitAnd(m, 1) = 1) AS size, countIf(m = 1) AS entered, countIf(m = 2) AS \`left\`
       FROM (SELECT person_id, groupBitOr(if(version = {v:UInt64}, 1, 2)) AS m FROM ${this.t.segment_members}
             WHERE segment_id = {id:String} AND version IN ({v:UInt64}, {prev:UInt64}) GROUP BY person_id)`,
      { id: segmentId, v: version, prev: previous },
    );
    return { size: Number(r?.size ?? 0), entered: Number(r?.entered ?? 0), left: Number(r?.left ?? 0) };
  }

  /** Records a run; an 'ok' run switches readers to its version. */
  async recordRun(run: Omit<SegmentRun, 'computed_at'>): Promise<void> {
    await this.ch.client.insert({
      table: this.t.segment_runs,
      values: [{ ...run, computed_at: new Date().toISOString() }],
      format: 'JSONEachRow',
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
  }

  /**
   * Deletes the member rows of the given segments except the versions in `keep` (segment → versions).
   * An asynchronous mutation (returns at once): readers never read those versions, so there is no
   * need to wait, and one statement serves a whole refresh. Rows inserted later are not touched.
   */
  async prune(keep: ReadonlyMap<string, readonly number[]>): Promise<void> {
    if (keep.size === 0) return;
    const pairs = [...keep].flatMap(([id, versions]) => versions.map((v) => `${v}/${id}`));
    await this.ch.client.command({
      query: `ALTER TABLE ${this.t.segment_members} DELETE
              WHERE segment_id IN {ids:Array(String)} AND concat(toString(version), '/', segment_id) NOT IN {keep:Array(String)}
              SETTINGS mutations_sync = 0`,
      query_params: { ids: [...keep.keys()], keep: pairs },
    });
  }

  /** Deletes one version's rows (a failed run's partial write). */
  async deleteVersion(segmentId: string, version: number): Promise<void> {
    await this.ch.client.command({
      query: `DELETE FROM ${this.t.segment_members} WHERE segment_id = {id:String} AND version = {v:UInt64}`,
      query_params: { id: segmentId, v: version },
    });
  }

  /** Forgets a deleted segment: its members and runs. */
  async dropSegment(segmentId: string): Promise<void> {
    for (const table of [this.t.segment_members, this.t.segment_runs]) {
      await this.ch.client.command({ query: `DELETE FROM ${table} WHERE segment_id = {id:String}`, query_params: { id: segmentId } });
    }
  }
}
