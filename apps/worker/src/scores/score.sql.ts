import * as os from 'node:os';
import { EVENT_TYPES } from '@hubpulse/contracts';
import { cohortSql, type ScoringModel } from '@hubpulse/analytics';
import type { Tables } from '@hubpulse/clickhouse';

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
export function halfLifeGroups(model: ScoringModel): { hl: number[]; gi: number[] } {
  const hl = [...new Set(EVENT_TYPES.map((t) => model.halfLives[t]))].sort((a, b) => a - b);
  return { hl, gi: EVENT_TYPES.map((t) => hl.indexOf(model.halfLives[t]) + 1) };
}

export function modelParams(model: ScoringModel) {
  const { hl, gi } = halfLifeGroups(model);
  return {
    types: [...EVENT_TYPES],
    weights: EVENT_TYPES.map((t) => model.weights[t] ?? 0),
    hl,
    gi,
    caps: EVENT_TYPES.map((t) => model.dailyCaps[t] ?? NO_CAP),
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
  const js = EVENT_TYPES.map((_, j) => j + 1);
  const counted = (j: number) => `{weights:Array(Float64)}[${j}] * least(c${j}, {caps:Array(UInt32)}[${j}])`;
  return `
    SELECT person_id, d, g,
           arrayMap(g -> ${js.map((j) => `if({gi:Array(UInt8)}[${j}] = g, ${counted(j)}, 0.)`).join(' + ')}, range(1, ${int(groups)} + 1))[g] AS v,
           if(g = 1, toUInt32(${js.map((j) => `c${j}`).join(' + ')}), toUInt32(0)) AS n
    FROM (
        SELECT actor_id AS person_id, toDate(occurred_at) AS d,
               ${js.map((j) => `countIf(type = {types:Array(String)}[${j}]) AS c${j}`).join(', ')}
        FROM ${t.events} FINAL
        WHERE ${where}
        GROUP BY person_id, d
    )
    ARRAY JOIN range(1, ${int(groups)} + 1) AS g`;
};

/** Up to nine half-life groups (one per action type at most): a fixed-arity transpose with arrayZip. */
const SLOTS = Array.from({ length: EVENT_TYPES.length }, (_, j) => j + 1);

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
export function denseScoredSql(t: Tables, days: number, lookback: number, groups: number): string {
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
export function carriedScoredSql(t: Tables, days: number, lookback: number, groups: number): string {
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
export function rankInsertSql(t: Tables, target: string, scoredSql: string): string {
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
