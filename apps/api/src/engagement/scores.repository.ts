import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { cohortSql } from '@hubpulse/analytics';

/**
 * ClickHouse reads behind the Engagement area. A score row counts only when its model version is
 * the one that scored its day (score_days), so a half-finished model change never mixes versions.
 */
@Injectable()
export class ScoresRepository {
  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  /** Rows of the scores table that are current (right version, active). */
  private current(where: string): string {
    return `SELECT * FROM ${this.t.engagement_scores} FINAL
            WHERE ${where} AND raw > 0 AND (day, model_version) IN (SELECT day, model_version FROM ${this.t.score_days} FINAL)`;
  }

  async lastScoredDay(): Promise<string | null> {
    const [r] = await this.ch.rows<{ d: string; n: string }>(`SELECT toString(max(day)) AS d, count() AS n FROM ${this.t.score_days} FINAL`);
    return r && Number(r.n) > 0 ? r.d : null;
  }

  async day(day: string): Promise<{ model_version: number; population: number; active: number } | null> {
    const [r] = await this.ch.rows<{ model_version: number; population: number; active: number }>(
      `SELECT model_version, population, active FROM ${this.t.score_days} FINAL WHERE day = {day:Date}`,
      { day },
    );
    return r ? { model_version: Number(r.model_version), population: Number(r.population), active: Number(r.active) } : null;
  }

  /** Histogram of raw scores in bins of a third of a decade (×2.15), and population quantiles (zeros included). */
  /** People in today's directory: the population every view describes (the disclosure plan's too). */
  async directorySize(): Promise<number> {
    const [r] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM ${this.t.people} FINAL`);
    return Number(r?.n ?? 0);
  }

  /**
   * The directory's raw scores on a day. People who acted outside the directory are ranked by the
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

  /** Display names of managers ("Name, Title"). */
  async labels(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ch.rows<{ person_id: string; label: string }>(
      `SELECT person_id, concat(name, if(title = '', '', concat(', ', title))) AS label FROM ${this.t.people} FINAL WHERE person_id IN {ids:Array(String)}`,
      { ids },
    );
    return new Map(rows.map((r) => [r.person_id, r.label]));
  }

  /**
   * Points per person and action type on `day`, recomputed from the events with the model that
   * scored the day: Σ weight · min(count, cap) · 2^(−age / halfLife) over the lookback window.
   */
  async personPoints(day: string, m: { types: string[]; weights: number[]; halfLives: number[]; caps: number[]; lookback: number }) {
    return this.ch.rows<{ person_id: string; type: string; points: number }>(
      `SELECT actor_id AS person_id, type, sum({w:Array(Float64)}[ti] * least(n, {caps:Array(UInt32)}[ti]) * exp2(-dateDiff('day', d, toDate({day:Date})) / {hl:Array(Float64)}[ti])) AS points
       FROM (
         SELECT actor_id, toDate(occurred_at) AS d, toString(type) AS type, indexOf({types:Array(String)}, type) AS ti, count() AS n
         FROM ${this.t.events} FINAL
         WHERE toDate(occurred_at) > toDate({day:Date}) - {lb:UInt32} AND toDate(occurred_at) <= {day:Date} AND ti > 0
         GROUP BY actor_id, d, type, ti
       )
       GROUP BY actor_id, type`,
      { day, types: m.types, w: m.weights, hl: m.halfLives, caps: m.caps, lb: m.lookback },
    );
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

  async person(personId: string): Promise<{ name: string; department: string; hired_at: string | null } | null> {
    const [r] = await this.ch.rows<{ name: string; department: string; hired_at: string | null }>(
      `SELECT name, toString(department) AS department, toString(hired_at) AS hired_at FROM ${this.t.people} FINAL WHERE person_id = {p:String}`,
      { p: personId },
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
