import { Injectable } from '@nestjs/common';
import * as os from 'node:os';
import { EVENT_TYPES, PASSIVE_EVENT_TYPES } from '@hubpulse/contracts';

/** What a person did: a newsletter reaching their inbox (a send) scores nothing and is not an action. */
const SCORED_TYPES = EVENT_TYPES.filter((t) => !(PASSIVE_EVENT_TYPES as readonly string[]).includes(t));
import type { ScoringModel } from '@hubpulse/analytics';
import { scoresStagingStatement } from '../clickhouse-ddl';
import { ClickHouseService } from '../clickhouse.service';
import type { Tables } from '../tables';

/**
 * The tenure band and cohort of libs/analytics/src/scoring.ts (tenureBand, cohortOf) as ClickHouse
 * expressions, for the score SQL here and the disclosure plan's groups: one definition, here.
 * `hired` and `day` are column expressions (a Nullable(Date32) hire date and a Date).
 */
export const tenureBandSql = (hired: string, day: string) => `multiIf(
    ${hired} IS NULL OR ${hired} > ${day}, 'unknown',
    dateDiff('day', ${hired}, ${day}) < 365, 'under 1 year',
    dateDiff('day', ${hired}, ${day}) < 1095, '1–3 years',
    dateDiff('day', ${hired}, ${day}) < 3650, '3–10 years',
    '10+ years')`;

export const cohortSql = (department: string, hired: string, day: string) =>
  `concat(if(${department} = '', 'unknown', toString(${department})), ' · ', ${tenureBandSql(hired, day)})`;

/**
 * The score SQL. Both ways of computing produce, per person and day, `hl_points`: the decayed
 * points per half-life group (see libs/analytics/src/scoring.ts for the definition; raw is their
 * sum), then one shared step ranks them into percentiles and writes them. Points per action type
 * are not stored: the API recomputes them for one person or one group when asked ("why 62").
 *
 * Values reach ClickHouse only as query parameters; the few integers spliced into the text (array
 * sizes that ClickHouse wants as literals) are computed here from validated model numbers.
 */

/** No cap is stored as the largest UInt32. */
const NO_CAP = 4294967295;

/**
 * Types that share a half-life decay together, so the work is per person and half-life group (usually
 * one group) rather than per person and type: `hl` are the distinct half-lives ascending, `gi` the
 * group (1-based) of each type.
 */
function halfLifeGroups(model: ScoringModel): { hl: number[]; gi: number[] } {
  const hl = [...new Set(SCORED_TYPES.map((t) => model.halfLives[t]))].sort((a, b) => a - b);
  return { hl, gi: SCORED_TYPES.map((t) => hl.indexOf(model.halfLives[t]) + 1) };
}

function modelParams(model: ScoringModel) {
  const { hl, gi } = halfLifeGroups(model);
  return {
    types: [...SCORED_TYPES],
    weights: SCORED_TYPES.map((t) => model.weights[t] ?? 0),
    hl,
    gi,
    caps: SCORED_TYPES.map((t) => model.dailyCaps[t] ?? NO_CAP),
    lookback: model.lookbackDays,
    version: model.version,
  };
}

const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole number: ${n}`);
  return String(n);
};

/**
 * Weighted counted actions per person, day and half-life group from the deduplicated events:
 * v = Σ over the group's types of weight · min(count, cap); n = the day's actions (on group 1 only,
 * so that a sum over groups counts them once). One GROUP BY (person, day) with a count per type.
 */
const dayPoints = (t: Tables, where: string, groups: number) => {
  const js = SCORED_TYPES.map((_, j) => j + 1);
  const counted = (j: number) => `{weights:Array(Float64)}[${j}] * least(c${j}, {caps:Array(UInt32)}[${j}])`;
  return `
    SELECT person_id, d, g,
           arrayMap(g -> ${js.map((j) => `if({gi:Array(UInt8)}[${j}] = g, ${counted(j)}, 0.)`).join(' + ')}, range(1, ${int(groups)} + 1))[g] AS v,
           if(g = 1, toUInt32(${js.map((j) => `c${j}`).join(' + ')}), toUInt32(0)) AS n
    FROM (
        SELECT actor_id AS person_id, toDate(occurred_at) AS d,
               ${js.map((j) => `countIf(type = {types:Array(String)}[${j}]) AS c${j}`).join(', ')}
        FROM ${t.events} FINAL
        WHERE (${where}) AND type IN {types:Array(String)}
        GROUP BY person_id, d
    )
    ARRAY JOIN range(1, ${int(groups)} + 1) AS g`;
};

/** Up to nine half-life groups (one per action type at most): a fixed-arity transpose with arrayZip. */
const SLOTS = Array.from({ length: SCORED_TYPES.length }, (_, j) => j + 1);

/**
 * Every day of [from, from + days) at once. Per person and half-life group, a dense array over the
 * day offsets k (k = day − (from − lookback)) of v · 2^(k / halfLife); its running sum P gives the
 * points on target offset t = lookback + i as 2^(−t / halfLife) · (P(t) − P(t − lookback)). Old
 * actions have small 2^(k/h), so the subtraction never loses the recent ones.
 *
 * ClickHouse copies every array a lambda captures once per element, so no lambda here captures an
 * array: the series are built with whole-array operations, and the day rows come from zipping a
 * person's group series (a transpose) before the ARRAY JOIN.
 */
function denseScoredSql(t: Tables, days: number, lookback: number, groups: number): string {
  const R = int(days);
  const L = int(lookback);
  const D = int(days + lookback);
  const G = int(groups);
  const slots = SLOTS.slice(0, Number(G));
  const zero = `arrayWithConstant(${R}, 0.)`;
  return `
    SELECT toDate({from:Date}) + i AS day, person_id, [${slots.map((j) => `z.${j}`).join(', ')}] AS hl_points, a AS actions
    FROM
    (
        SELECT person_id,
               arrayZip(${slots.map((j) => `if(empty(c${j}), ${zero}, c${j})`).join(', ')}) AS zs,
               arraySlice(acts, ${L} + 1, ${R}) AS day_actions
        FROM
        (
            SELECT person_id, ${slots.map((j) => `anyIf(c, g = ${j}) AS c${j}`).join(', ')}, sumForEach(counts) AS acts
            FROM
            (
                SELECT person_id, g,
                       arrayCumSum(dense) AS P,
                       arrayMap((hi, lo, e) -> e * (hi - lo), arraySlice(P, ${L} + 1, ${R}), arraySlice(P, 1, ${R}),
                                arrayMap(i -> exp2(-(${L} + i) / h), range(${R}))) AS c,
                       counts
                FROM
                (
                    -- dense arrays from the sorted sparse days: each day preceded by its gap of zeros
                    -- (groupArrayInsertAt does the same but was three times slower here)
                    SELECT person_id, g, h,
                           arrayMap((k, p) -> toUInt32(k - p - 1), ks, arrayPushFront(arrayPopBack(ks), toUInt32(0) - 1)) AS gaps,
                           arrayResize(arrayFlatten(arrayMap((gap, x) -> arrayPushBack(arrayWithConstant(gap, 0.), x), gaps,
                               arrayMap((k, v) -> v * exp2(k / h), ks, vs))), ${D}, 0.) AS dense,
                           arrayResize(arrayFlatten(arrayMap((gap, x) -> arrayPushBack(arrayWithConstant(gap, toUInt32(0)), x), gaps, ns)), ${D}, toUInt32(0)) AS counts
                    FROM
                    (
                        SELECT person_id, g, any({hl:Array(Float64)}[g]) AS h, arraySort(groupArray((k, v, toUInt32(n)))) AS kvn,
                               arrayMap(x -> x.1, kvn) AS ks, arrayMap(x -> x.2, kvn) AS vs, arrayMap(x -> x.3, kvn) AS ns
                        FROM
                        (
                            SELECT person_id, g, v, n, toUInt32(dateDiff('day', toDate({from:Date}) - ${L}, d)) AS k
                            FROM (${dayPoints(t, `toDate(occurred_at) > toDate({from:Date}) - ${L} AND toDate(occurred_at) < toDate({from:Date}) + ${R}`, groups)})
                        )
                        GROUP BY person_id, g
                    )
                )
            )
            GROUP BY person_id
        )
    )
    ARRAY JOIN zs AS z, day_actions AS a, range(${R}) AS i
    WHERE arraySum(hl_points) > 0`;
}

/**
 * The days [from, from + days) carried forward from the scores of the day before `from` (same model
 * version), all in one query, per half-life group:
 *   points(from + i) = 2^(−i/h) · (prev · 2^(−1/h) + Σ_{k ≤ i} (v_new(from + k) − v(from − L + k) · 2^(−L/h)) · 2^(k/h))
 * It reads the previous day's state, the new days and the days leaving the window — not the window.
 * A value that is only rounding dust of what left the window (< 1e-12 of it) is exactly 0: anything
 * still inside the window is worth far more than that.
 */
function carriedScoredSql(t: Tables, days: number, lookback: number, groups: number): string {
  const R = int(days);
  const L = int(lookback);
  const slots = SLOTS.slice(0, groups);
  const zero = `arrayWithConstant(${R}, 0.)`;
  const window = (offset: string) =>
    `toDate(occurred_at) >= toDate({from:Date}) - ${offset} AND toDate(occurred_at) < toDate({from:Date}) - ${offset} + ${R}`;
  return `
    SELECT toDate({from:Date}) + i AS day, person_id, [${slots.map((j) => `z.${j}`).join(', ')}] AS hl_points, a AS actions
    FROM
    (
        SELECT person_id,
               arrayZip(${slots.map((j) => `if(empty(c${j}), ${zero}, c${j})`).join(', ')}) AS zs,
               day_actions
        FROM
        (
            SELECT person_id, ${slots.map((j) => `anyIf(c, g = ${j}) AS c${j}`).join(', ')}, sumForEach(counts) AS day_actions
            FROM
            (
                SELECT person_id, g, counts,
                       arrayMap(i -> exp2(-i / h), range(${R})) AS decays,
                       arrayMap(s -> s + prev * exp2(-1 / h), arrayCumSum(arrayMap((v, k) -> v * exp2(k / h), arrayMap((n, x) -> n - x, new, gone), range(${R})))) AS kept,
                       arrayCumSum(arrayMap((x, k) -> x * exp2(k / h), gone, range(${R}))) AS left,
                       arrayMap((s, e, x) -> if(abs(s) <= 1e-12 * x, 0., e * s), kept, decays, left) AS c
                FROM
                (
                    SELECT person_id, g, any({hl:Array(Float64)}[g]) AS h, sumIf(v, src = 0) AS prev,
                           groupArrayInsertAtIf(0., ${R})(v, k, src = 1) AS new,
                           groupArrayInsertAtIf(0., ${R})(v * exp2(-${L} / {hl:Array(Float64)}[g]), k, src = 2) AS gone,
                           groupArrayInsertAtIf(toUInt32(0), ${R})(toUInt32(n), k, src = 1) AS counts
                    FROM
                    (
                        SELECT person_id, toUInt8(g) AS g, p AS v, toUInt32(0) AS n, toUInt32(0) AS k, 0 AS src
                        FROM ${t.engagement_scores} FINAL
                        ARRAY JOIN hl_points AS p, arrayEnumerate(hl_points) AS g
                        WHERE day = toDate({from:Date}) - 1 AND model_version = {version:UInt32} AND raw > 0
                        UNION ALL
                        SELECT person_id, toUInt8(g), v, toUInt32(n), toUInt32(dateDiff('day', toDate({from:Date}), d)), 1
                        FROM (${dayPoints(t, window('0'), groups)})
                        UNION ALL
                        SELECT person_id, toUInt8(g), v, toUInt32(0), toUInt32(dateDiff('day', toDate({from:Date}) - ${L}, d)), 2
                        FROM (${dayPoints(t, window(L), groups)})
                    )
                    GROUP BY person_id, g
                )
            )
            GROUP BY person_id
        )
    )
    ARRAY JOIN zs AS z, day_actions AS a, range(${R}) AS i
    WHERE arraySum(hl_points) > 0`;
}

/**
 * Ranks the scored rows of `{days:Array(Date)}` into percentiles and inserts them into `target`.
 * Population of a day = the directory + people scored that day who are not in it; everyone else
 * has raw 0. score = 100 · (population − active + rank − 1) / (population − 1), rank ascending by
 * raw to a millionth of a point (rankKey), ties sharing the lowest rank; the cohort score is the same within department × tenure band.
 */
function rankInsertSql(t: Tables, target: string, scoredSql: string): string {
  return `
    INSERT INTO ${target} (day, person_id, raw, score, score_cohort, cohort, hl_points, actions, model_version, computed_at)
    WITH
        dir AS (SELECT person_id, department, hired_at, 1 AS in_dir FROM ${t.people} FINAL),
        sizes AS (
            SELECT day, ${cohortSql('department', 'hired_at', 'day')} AS cohort, count() AS n
            FROM dir ARRAY JOIN {days:Array(Date)} AS day
            GROUP BY day, cohort
        )
    SELECT day, person_id, raw,
           if(pop <= 1, 100., 100 * (pop - active + r - 1) / (pop - 1)) AS score,
           if(cpop <= 1, 100., 100 * (cpop - cactive + rc - 1) / (cpop - 1)) AS score_cohort,
           cohort, hl_points, actions, {version:UInt32}, now64(3)
    FROM
    (
        SELECT s.day AS day, s.person_id AS person_id, arraySum(s.hl_points) AS raw, s.hl_points AS hl_points, s.actions AS actions,
               ${cohortSql('dir.department', 'dir.hired_at', 's.day')} AS cohort,
               round(raw * 1e6) AS rank_key,
               rank() OVER (PARTITION BY s.day ORDER BY rank_key) AS r,
               count() OVER w_day AS active,
               rank() OVER (PARTITION BY s.day, cohort ORDER BY rank_key) AS rc,
               count() OVER w_cohort AS cactive,
               (SELECT count() FROM dir) + countIf(dir.in_dir = 0) OVER w_day AS pop,
               sz.n + countIf(dir.in_dir = 0) OVER w_cohort AS cpop
        FROM (${scoredSql}) AS s
        LEFT JOIN dir ON dir.person_id = s.person_id
        LEFT JOIN sizes AS sz ON sz.day = s.day AND sz.cohort = cohort
        -- whole-partition counts over the same partition and order as the ranks (the sort is shared)
        WINDOW w_day AS (PARTITION BY s.day ORDER BY rank_key RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
               w_cohort AS (PARTITION BY s.day, cohort ORDER BY rank_key RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    SETTINGS join_use_nulls = 0, max_insert_threads = ${int(os.cpus().length)}`;
}

/**
 * SQL fragments for queries of other repositories that join scores with their own tables (the goal
 * link analysis's groups): what "a current score" means is written here only. A score row counts
 * when its model version is the one that scored its day (score_days) and it has an action in the
 * lookback (raw > 0). `where` filters engagement_scores' columns, with query parameters for values.
 */
export const scoresSql = {
  /** `columns` of the current score rows matching `where`. */
  current: (t: Pick<Tables, 'engagement_scores' | 'score_days'>, where: string, columns = '*'): string =>
    `SELECT ${columns} FROM ${t.engagement_scores} FINAL
            WHERE ${where} AND raw > 0 AND (day, model_version) IN (SELECT day, model_version FROM ${t.score_days} FINAL)`,
};

/**
 * The score tables — `engagement_scores`, `score_days` and the staging table a full recompute builds
 * months in — and every query over them: the score worker's writes (apps/worker/src/scores) and the
 * API's reads (Engagement; the goal links' monthly sums and scored days; the programme scorecard's
 * daily totals). Queries of other repositories that join scores read them through scoresSql. A score
 * row counts only when its model version is the one that scored its day (score_days), so a
 * half-finished model change never mixes versions (every read, the scorecard's totals included).
 */
@Injectable()
export class ScoresRepository {
  /** The newest scored day, asked again only when score_days changed (DataVersions.memo; read by most engagement requests). */
  private newestScoredDay?: () => Promise<string | null>;

  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  private get staging(): string {
    return `${this.t.engagement_scores}_staging`;
  }

  // ── writes (score worker) ──

  /** Rows, newest watermark and last day scored with model `version`; null when none. */
  async scoredWith(version: number): Promise<{ n: string; wm: string; last: string } | null> {
    const [state] = await this.ch.rows<{ n: string; wm: string; last: string }>(
      `SELECT count() AS n, toString(max(watermark)) AS wm, toString(max(day)) AS last
       FROM ${this.t.score_days} FINAL WHERE model_version = {v:UInt32}`,
      { v: version },
    );
    return state && Number(state.n) > 0 ? state : null;
  }

  /** Whether `day` was scored with model `version`. */
  async isDayScored(day: string, version: number): Promise<boolean> {
    const [prev] = await this.ch.rows<{ n: string }>(
      `SELECT count() AS n FROM ${this.t.score_days} FINAL WHERE day = {d:Date} AND model_version = {v:UInt32}`,
      { d: day, v: version },
    );
    return Number(prev?.n ?? 0) > 0;
  }

  /** The staging table a full recompute builds whole months in (same structure as engagement_scores; local to the replica in a cluster). */
  async createStaging(): Promise<void> {
    await this.ch.client.command({ query: scoresStagingStatement(this.ch.ddl) });
  }

  /** Empties the staging table, then scores the days `days` (consecutive, from `days[0]`) from the events into it. */
  async scoreIntoStaging(model: ScoringModel, days: string[]): Promise<void> {
    const t = this.t;
    await this.ch.client.command({ query: `TRUNCATE TABLE ${this.staging}` });
    await this.ch.client.command({
      query: rankInsertSql(t, this.staging, denseScoredSql(t, days.length, model.lookbackDays, halfLifeGroups(model).hl.length)),
      query_params: { ...modelParams(model), from: days[0], days },
    });
  }

  /** Swaps the month starting on `monthStart` from the staging table into engagement_scores (atomic per partition). */
  async swapInMonth(monthStart: string): Promise<void> {
    const partition = monthStart.slice(0, 7).replace('-', '');
    await this.ch.client.command({ query: `ALTER TABLE ${this.t.engagement_scores} REPLACE PARTITION ID '${partition}' FROM ${this.staging}` });
  }

  /** Scores the days `days` (consecutive, from `days[0]`) carried forward from the day before them, straight into engagement_scores. */
  async carryForward(model: ScoringModel, days: string[]): Promise<void> {
    const t = this.t;
    await this.ch.client.command({
      query: rankInsertSql(t, t.engagement_scores, carriedScoredSql(t, days.length, model.lookbackDays, halfLifeGroups(model).hl.length)),
      query_params: { ...modelParams(model), from: days[0], days },
    });
  }

  /** One score_days row per day (also for a day nobody was active), returning the person-days written. */
  async recordDays(version: number, days: string[], mode: string, watermark: string): Promise<number> {
    const t = this.t;
    await this.ch.client.command({
      query: `
        INSERT INTO ${t.score_days} (day, model_version, population, active, mode, watermark, computed_at)
        WITH dir AS (SELECT person_id FROM ${t.people} FINAL),
             counts AS (
                 SELECT day, count() AS active, countIf(person_id NOT IN (SELECT person_id FROM dir)) AS outside
                 FROM ${t.engagement_scores} FINAL
                 WHERE day IN {days:Array(Date)} AND model_version = {v:UInt32} AND raw > 0
                 GROUP BY day
             )
        SELECT d, {v:UInt32}, (SELECT count() FROM dir) + c.outside, c.active, {mode:String},
               parseDateTime64BestEffort({wm:String}, 3, 'UTC'), now64(3)
        FROM (SELECT arrayJoin({days:Array(Date)}) AS d) AS x
        LEFT JOIN counts AS c ON c.day = x.d
        SETTINGS join_use_nulls = 0`,
      query_params: { days, v: version, mode, wm: watermark },
    });
    const [r] = await this.ch.rows<{ n: string }>(
      `SELECT sum(active) AS n FROM ${t.score_days} FINAL WHERE day IN {days:Array(Date)} AND model_version = {v:UInt32}`,
      { days, v: version },
    );
    return Number(r?.n ?? 0);
  }

  // ── reads (Engagement API) ──

  /** Rows of the scores table that are current (right version, active). */
  private current(where: string): string {
    return scoresSql.current(this.t, where);
  }

  /** Newest day with computed scores, or null. */
  lastScoredDay(): Promise<string | null> {
    this.newestScoredDay ??= this.ch.versions.memo(['score_days'], async () => {
      const [r] = await this.ch.rows<{ d: string; n: string }>(`SELECT toString(max(day)) AS d, count() AS n FROM ${this.t.score_days} FINAL`);
      return r && Number(r.n) > 0 ? r.d : null;
    });
    return this.newestScoredDay();
  }

  /** Scored days per month ('YYYY-MM-01') in [from, to]. */
  async scoredDaysPerMonth(from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.ch.rows<{ month: string; days: string }>(
      `SELECT toString(toStartOfMonth(day)) AS month, count() AS days FROM ${this.t.score_days} FINAL
       WHERE day BETWEEN {from:Date} AND {to:Date} GROUP BY month`,
      { from, to },
    );
    return new Map(rows.map((r) => [r.month, Number(r.days)]));
  }

  /**
   * Per month in [from, to], each person's sum of their current daily scores (days without a score
   * add 0), for everyone with a row scored at all that month (a contributor): one row per month of
   * parallel arrays. As one row per person and month, a year at 100,000 people was 1.2M objects
   * parsed in one go: 4.9 s of the API's event loop.
   */
  async personMonthlySums(from: string, to: string): Promise<{ month: string; people: string[]; sums: number[] }[]> {
    const rows = await this.ch.rows<{ month: string; people: string[]; sums: number[] }>(
      `SELECT month, groupArray(person_id) AS people, groupArray(s) AS sums
       FROM
       (
           SELECT person_id, toString(toStartOfMonth(day)) AS month, sum(score) AS s
           FROM (${scoresSql.current(this.t, 'day BETWEEN {from:Date} AND {to:Date}', 'day, person_id, score')})
           GROUP BY person_id, month
       )
       GROUP BY month`,
      { from, to },
    );
    return rows.map((r) => ({ month: r.month, people: r.people, sums: r.sums.map(Number) }));
  }

  /**
   * Per day of `days`: the sum of the current scores of the people `among` selects (a SELECT of
   * person_id with its own query parameters, e.g. a segmentMembersSql fragment; people without a
   * row add 0) and how many of them scored above 0. Current as in every other read (scoresSql): a
   * day whose rows a recompute has swapped in but not yet recorded in score_days counts nothing.
   * The day is filtered inside the fragment: outside it, the String alias `day` would shadow the column.
   */
  async dailyTotals(days: readonly string[], among: { sql: string; params: Record<string, unknown> }): Promise<Map<string, { total: number; contributors: number }>> {
    if (!days.length) return new Map();
    const rows = await this.ch.rows<{ day: string; total: number; contributors: string }>(
      `SELECT toString(day) AS day, sum(score) AS total, countIf(score > 0) AS contributors
       FROM (${scoresSql.current(this.t, `day IN {days:Array(Date)} AND person_id IN (${among.sql})`, 'day, score')})
       GROUP BY day`,
      { ...among.params, days: [...days] },
    );
    return new Map(rows.map((r) => [r.day, { total: Number(r.total), contributors: Number(r.contributors) }]));
  }

  async day(day: string): Promise<{ model_version: number; population: number; active: number } | null> {
    const [r] = await this.ch.rows<{ model_version: number; population: number; active: number }>(
      `SELECT model_version, population, active FROM ${this.t.score_days} FINAL WHERE day = {day:Date}`,
      { day },
    );
    return r ? { model_version: Number(r.model_version), population: Number(r.population), active: Number(r.active) } : null;
  }

  /**
   * Histogram of raw scores in bins of a third of a decade (×2.15), and population quantiles (zeros
   * included): the directory's raw scores on a day. People who acted outside the directory are ranked by the
   * scores but left out here: the directory is the population every other view shows, and two
   * populations differing by a few would describe those few.
   */
  async distribution(day: string, population: number): Promise<{ bins: { b: number; n: number }[]; active: number; quantiles: number[] }> {
    const inDirectory = `day = {day:Date} AND person_id IN (SELECT person_id FROM ${this.t.people} FINAL)`;
    const bins = await this.ch.rows<{ b: number; n: string }>(
      `SELECT toInt32(floor(log10(raw) * 3)) AS b, count() AS n FROM (${this.current(inDirectory)}) GROUP BY b ORDER BY b`,
      { day },
    );
    // R-7 quantiles over the population sorted ascending: zeros first, then the active raws.
    const [c] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM (${this.current(inDirectory)})`, { day });
    const active = Number(c?.n ?? 0);
    const n = Math.max(population, active);
    const zeros = n - active;
    const positions = [0.25, 0.5, 0.75, 0.9, 0.99].map((q) => (n - 1) * q);
    const wanted = [...new Set(positions.flatMap((p) => [Math.floor(p), Math.ceil(p)]).filter((j) => j >= zeros).map((j) => j - zeros + 1))];
    const [r] = wanted.length
      ? await this.ch.rows<{ v: number[] }>(
          `SELECT arrayMap(i -> a[i], {idx:Array(UInt64)}) AS v FROM (SELECT arraySort(groupArray(raw)) AS a FROM (${this.current(inDirectory)}))`,
          { day, idx: wanted },
        )
      : [{ v: [] as number[] }];
    const at = (j: number) => (j < zeros ? 0 : r.v[wanted.indexOf(j - zeros + 1)]);
    const quantiles = positions.map((p) => at(Math.floor(p)) + (at(Math.ceil(p)) - at(Math.floor(p))) * (p - Math.floor(p)));
    return { bins: bins.map((b) => ({ b: Number(b.b), n: Number(b.n) })), active, quantiles: n > 0 ? quantiles : [] };
  }

  /**
   * What each scored day of [from, to] currently is: its model version and when it was computed
   * (score_days), as one string per day. A score run records a day here after writing its rows, so a
   * day whose string is unchanged has the same current scores (scoresSql): per-day answers derived
   * from them can be kept until it changes (the API's engagement groups).
   */
  async dayVersions(from: string, to: string): Promise<Map<string, string>> {
    const rows = await this.ch.rows<{ d: string; v: string }>(
      `SELECT toString(day) AS d, concat(toString(model_version), '@', toString(toUnixTimestamp64Milli(computed_at))) AS v
       FROM ${this.t.score_days} FINAL WHERE day BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
    return new Map(rows.map((r) => [r.d, r.v]));
  }

  /** dailyScores for the given days only (any order; the result is by day). */
  async dailyScoresOn(days: readonly string[]): Promise<{ day: string; ids: string[]; scores: number[] }[]> {
    if (!days.length) return [];
    return this.ch.rows<{ day: string; ids: string[]; scores: number[] }>(
      `SELECT toString(day) AS day, groupArray(person_id) AS ids, groupArray(score) AS scores
       FROM (${this.current('day IN {days:Array(Date)}')}) GROUP BY day ORDER BY day`,
      { days },
    );
  }

  /**
   * Every current score of [from, to], day by day: the people with a score row (raw > 0) and their
   * 0–100 scores. Grouping happens in the API, over every group of the disclosure plan at once.
   */
  async dailyScores(from: string, to: string): Promise<{ day: string; ids: string[]; scores: number[] }[]> {
    return this.ch.rows<{ day: string; ids: string[]; scores: number[] }>(
      `SELECT toString(day) AS day, groupArray(person_id) AS ids, groupArray(score) AS scores
       FROM (${this.current('day BETWEEN {from:Date} AND {to:Date}')}) GROUP BY day ORDER BY day`,
      { from, to },
    );
  }

  /**
   * Points per person and action type on `day`, recomputed from the events with the model that
   * scored the day: Σ weight · min(count, cap) · 2^(−age / halfLife) over the lookback window.
   */
  async personPoints(day: string, m: { types: string[]; weights: number[]; halfLives: number[]; caps: number[]; lookback: number }): Promise<{ type: string; people: string[]; points: number[] }[]> {
    // One row of parallel arrays per type: as one row per person and type, 100,000 people were
    // hundreds of thousands of objects parsed in one go on the API's event loop.
    const rows = await this.ch.rows<{ type: string; people: string[]; points: number[] }>(
      `SELECT type, groupArray(person_id) AS people, groupArray(points) AS points
       FROM
       (
           SELECT actor_id AS person_id, type, sum({w:Array(Float64)}[ti] * least(n, {caps:Array(UInt32)}[ti]) * exp2(-dateDiff('day', d, toDate({day:Date})) / {hl:Array(Float64)}[ti])) AS points
           FROM (
             SELECT actor_id, toDate(occurred_at) AS d, toString(type) AS type, indexOf({types:Array(String)}, type) AS ti, count() AS n
             FROM ${this.t.events} FINAL
             WHERE toDate(occurred_at) > toDate({day:Date}) - {lb:UInt32} AND toDate(occurred_at) <= {day:Date} AND ti > 0
             GROUP BY actor_id, d, type, ti
           )
           GROUP BY actor_id, type
       )
       GROUP BY type`,
      { day, types: m.types, w: m.weights, hl: m.halfLives, caps: m.caps, lb: m.lookback },
    );
    return rows.map((r) => ({ type: r.type, people: r.people, points: r.points.map(Number) }));
  }

  /** Active people on `day` matching `q` (id, name or department), highest raw first. */
  async people(day: string, q: string, limit: number) {
    return this.ch.rows<{ person_id: string; name: string | null; department: string | null; raw: number; score: number }>(
      `SELECT s.person_id AS person_id, nullIf(p.name, '') AS name, nullIf(toString(p.department), '') AS department, s.raw AS raw, s.score AS score
       FROM (${this.current('day = {day:Date}')}) AS s
       LEFT JOIN (SELECT person_id, name, department FROM ${this.t.people} FINAL) AS p ON p.person_id = s.person_id
       WHERE {q:String} = '' OR positionCaseInsensitiveUTF8(s.person_id, {q:String}) > 0 OR positionCaseInsensitiveUTF8(p.name, {q:String}) > 0
             OR positionCaseInsensitiveUTF8(toString(p.department), {q:String}) > 0
       ORDER BY raw DESC, person_id LIMIT {limit:UInt32}
       SETTINGS join_use_nulls = 1`,
      { day, q, limit },
    );
  }

  async scoreRow(personId: string, day: string) {
    const [r] = await this.ch.rows<{ raw: number; score: number; score_cohort: number; cohort: string; model_version: number }>(
      `SELECT raw, score, score_cohort, toString(cohort) AS cohort, model_version FROM (${this.current('day = {day:Date} AND person_id = {p:String}')})`,
      { day, p: personId },
    );
    return r ?? null;
  }

  /** People in the cohort on `day`: the directory's, plus scored people outside the directory in it. */
  async cohortPopulation(cohort: string, day: string): Promise<number> {
    const [r] = await this.ch.rows<{ n: string }>(
      `SELECT
         (SELECT count() FROM ${this.t.people} FINAL
          WHERE ${cohortSql('department', 'hired_at', '{day:Date}')} = {c:String})
         + (SELECT count() FROM (${this.current('day = {day:Date} AND cohort = {c:String}')})
            WHERE person_id NOT IN (SELECT person_id FROM ${this.t.people} FINAL)) AS n`,
      { day, c: cohort },
    );
    return Number(r?.n ?? 0);
  }

  /** The person's actions per day and type inside the window ending on `day`. */
  async actions(personId: string, day: string, lookback: number) {
    return this.ch.rows<{ day: string; type: string; n: string }>(
      `SELECT toString(toDate(occurred_at)) AS day, toString(type) AS type, count() AS n
       FROM ${this.t.events} FINAL
       WHERE actor_id = {p:String} AND toDate(occurred_at) > toDate({day:Date}) - {lb:UInt32} AND toDate(occurred_at) <= {day:Date}
       GROUP BY day, type ORDER BY day DESC, type`,
      { p: personId, day, lb: lookback },
    );
  }
}
