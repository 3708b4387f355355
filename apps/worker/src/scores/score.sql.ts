import { EVENT_TYPES } from '@hubpulse/contracts';
import type { ScoringModel } from '@hubpulse/analytics';
import type { Tables } from '@hubpulse/clickhouse';

/**
 * The score SQL. Both ways of computing produce, per person and day, `contrib`: points per action
 * type in EVENT_TYPES order (see libs/analytics/src/scoring.ts for the definition), then one shared
 * step ranks them into percentiles and writes them.
 *
 * Values reach ClickHouse only as query parameters; the few integers spliced into the text (array
 * sizes that ClickHouse wants as literals) are computed here from validated model numbers.
 */

/** No cap is stored as the largest UInt32. */
const NO_CAP = 4294967295;

export function modelParams(model: ScoringModel) {
  return {
    types: [...EVENT_TYPES],
    weights: EVENT_TYPES.map((t) => model.weights[t] ?? 0),
    hls: EVENT_TYPES.map((t) => model.halfLives[t]),
    caps: EVENT_TYPES.map((t) => model.dailyCaps[t] ?? NO_CAP),
    lookback: model.lookbackDays,
    version: model.version,
  };
}

const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole number: ${n}`);
  return String(n);
};

/** Counted actions per person, day and type index (1-based in EVENT_TYPES) from the deduplicated events. */
const dayCounts = (t: Tables, where: string) => `
    SELECT actor_id AS person_id, toDate(occurred_at) AS d, indexOf({types:Array(String)}, type) AS ti, count() AS n,
           least(n, {caps:Array(UInt32)}[ti]) AS m
    FROM ${t.events} FINAL
    WHERE ${where} AND ti > 0
    GROUP BY person_id, d, ti`;

/**
 * Every day of [from, from + days) at once. Per person and type, a dense array over the day offsets k
 * (k = day − (from − lookback)) of weight · counted · 2^(k / halfLife); its running sum P gives the
 * points on target offset t = lookback + i as 2^(−t / halfLife) · (P(t) − P(t − lookback)). Old
 * actions have small 2^(k/h), so the subtraction never loses the recent ones.
 */
export function denseScoredSql(t: Tables, days: number, lookback: number): string {
  const R = int(days);
  const L = int(lookback);
  const D = int(days + lookback);
  return `
    SELECT toDate({from:Date}) + i AS day, person_id,
           arrayMap(T -> if(has(tis, T), cs[indexOf(tis, T)][i + 1], 0.), range(1, ${EVENT_TYPES.length + 1})) AS contrib,
           toUInt32(arraySum(arrayMap(a -> a[i + 1], ns))) AS actions
    FROM
    (
        SELECT person_id, groupArray(ti) AS tis, groupArray(c) AS cs, groupArray(nd) AS ns
        FROM
        (
            SELECT person_id, ti,
                   arrayCumSum(dense) AS P,
                   arrayMap(i -> exp2(-(${L} + i) / h) * (P[${L} + i + 1] - P[i + 1]), range(${R})) AS c,
                   arraySlice(counts, ${L} + 1, ${R}) AS nd
            FROM
            (
                SELECT person_id, ti, any({hls:Array(Float64)}[ti]) AS h,
                       groupArrayInsertAt(0., ${D})({weights:Array(Float64)}[ti] * m * exp2(k / {hls:Array(Float64)}[ti]), k) AS dense,
                       groupArrayInsertAt(toUInt32(0), ${D})(toUInt32(n), k) AS counts
                FROM
                (
                    SELECT person_id, ti, n, m, toUInt32(dateDiff('day', toDate({from:Date}) - ${L}, d)) AS k
                    FROM (${dayCounts(t, `toDate(occurred_at) > toDate({from:Date}) - ${L} AND toDate(occurred_at) < toDate({from:Date}) + ${R}`)})
                )
                GROUP BY person_id, ti
            )
        )
        GROUP BY person_id
    )
    ARRAY JOIN range(${R}) AS i
    WHERE arraySum(contrib) > 0`;
}

/**
 * One day `{day}` carried forward from the day before (same model version):
 * points_T(d) = points_T(d − 1) · 2^(−1/h_T) + w_T · counted_T(d) − w_T · counted_T(d − lookback) · 2^(−lookback/h_T).
 * A type whose subtraction leaves only rounding dust (< 1e-9 of what left the window) is exactly 0:
 * anything still inside the window is worth more than what left it.
 */
export function carriedScoredSql(t: Tables): string {
  const N = EVENT_TYPES.length;
  const vec = (val: string) => `arrayMap(j -> if(j = ti, ${val}, 0.), range(1, ${N + 1}))`;
  return `
    SELECT toDate({day:Date}) AS day, person_id,
           arrayMap((v, x) -> if(abs(v) <= 1e-9 * x, 0., v), sumForEach(v), sumForEach(x)) AS contrib,
           toUInt32(sum(a)) AS actions
    FROM
    (
        SELECT person_id, arrayMap((c, h) -> c * exp2(-1 / h), contrib, {hls:Array(Float64)}) AS v,
               arrayMap(c -> 0., contrib) AS x, toUInt32(0) AS a
        FROM ${t.engagement_scores} FINAL
        WHERE day = toDate({day:Date}) - 1 AND model_version = {version:UInt32} AND raw > 0
        UNION ALL
        SELECT person_id, ${vec('{weights:Array(Float64)}[ti] * m')}, ${vec('0.')}, toUInt32(n)
        FROM (${dayCounts(t, 'toDate(occurred_at) = toDate({day:Date})')})
        UNION ALL
        SELECT person_id, ${vec('-{weights:Array(Float64)}[ti] * m * exp2(-{lookback:UInt32} / {hls:Array(Float64)}[ti])')},
               ${vec('{weights:Array(Float64)}[ti] * m * exp2(-{lookback:UInt32} / {hls:Array(Float64)}[ti])')}, toUInt32(0)
        FROM (${dayCounts(t, 'toDate(occurred_at) = toDate({day:Date}) - {lookback:UInt32}')})
    )
    GROUP BY person_id
    HAVING arraySum(contrib) > 0`;
}

const TENURE_SQL = (hired: string, day: string) => `multiIf(
    ${hired} IS NULL OR ${hired} > ${day}, 'unknown',
    dateDiff('day', ${hired}, ${day}) < 365, 'under 1 year',
    dateDiff('day', ${hired}, ${day}) < 1095, '1–3 years',
    dateDiff('day', ${hired}, ${day}) < 3650, '3–10 years',
    '10+ years')`;
const COHORT_SQL = (dept: string, hired: string, day: string) => `concat(if(${dept} = '', 'unknown', ${dept}), ' · ', ${TENURE_SQL(hired, day)})`;

/**
 * Ranks the scored rows of `{days:Array(Date)}` into percentiles and inserts them into `target`.
 * Population of a day = the directory + people scored that day who are not in it; everyone else
 * has raw 0. score = 100 · (population − active + rank − 1) / (population − 1), rank ascending by
 * raw to a millionth of a point (rankKey), ties sharing the lowest rank; the cohort score is the same within department × tenure band.
 */
export function rankInsertSql(t: Tables, target: string, scoredSql: string): string {
  return `
    INSERT INTO ${target} (day, person_id, raw, score, score_cohort, cohort, contrib, actions, model_version, computed_at)
    WITH
        dir AS (SELECT person_id, department, hired_at, 1 AS in_dir FROM ${t.people} FINAL),
        sizes AS (
            SELECT day, ${COHORT_SQL('department', 'hired_at', 'day')} AS cohort, count() AS n
            FROM dir ARRAY JOIN {days:Array(Date)} AS day
            GROUP BY day, cohort
        )
    SELECT day, person_id, raw,
           if(pop <= 1, 100., 100 * (pop - active + r - 1) / (pop - 1)) AS score,
           if(cpop <= 1, 100., 100 * (cpop - cactive + rc - 1) / (cpop - 1)) AS score_cohort,
           cohort, contrib, actions, {version:UInt32}, now64(3)
    FROM
    (
        SELECT s.day AS day, s.person_id AS person_id, arraySum(s.contrib) AS raw, s.contrib AS contrib, s.actions AS actions,
               ${COHORT_SQL('dir.department', 'dir.hired_at', 's.day')} AS cohort,
               round(raw * 1e6) AS rank_key,
               rank() OVER (PARTITION BY s.day ORDER BY rank_key) AS r,
               count() OVER (PARTITION BY s.day) AS active,
               rank() OVER (PARTITION BY s.day, cohort ORDER BY rank_key) AS rc,
               count() OVER (PARTITION BY s.day, cohort) AS cactive,
               (SELECT count() FROM dir) + countIf(dir.in_dir = 0) OVER (PARTITION BY s.day) AS pop,
               sz.n + countIf(dir.in_dir = 0) OVER (PARTITION BY s.day, cohort) AS cpop
        FROM (${scoredSql}) AS s
        LEFT JOIN dir ON dir.person_id = s.person_id
        LEFT JOIN sizes AS sz ON sz.day = s.day AND sz.cohort = cohort
    )
    SETTINGS join_use_nulls = 0`;
}
