import { Injectable } from '@nestjs/common';
import type { Person } from '@hubpulse/contracts';
import { ClickHouseService } from '../clickhouse.service';
import { nextVersion } from '../row-version';
import { tenureBandSql } from './scores.repository';

/** A person of the directory with the fields a list of people shows ('' where unset). */
export interface DirectoryEntry {
  person_id: string;
  name: string;
  email: string;
  department: string;
  location: string;
  title: string;
}

/** One person of today's directory with every group key they belong to (the disclosure plan's groups). */
/** A person's groups kept in history (department, location, managers) on one day. */
export type HistoryGroupRow = Pick<DirectoryGroupRow, 'person_id' | 'department' | 'location' | 'managers'>;

export interface DirectoryGroupRow {
  person_id: string;
  department: string;
  location: string;
  team: string;
  tenure: string;
  /** Every manager above them, nearest first (up to 12 levels). */
  managers: string[];
}

/** One stint of a person's history (see people_history): the days they held these values ('' where unset). */
export interface HistoryRow {
  person_id: string;
  department: string | null;
  location: string | null;
  manager_id: string | null;
  title: string | null;
  /** First day, YYYY-MM-DD. */
  valid_from: string;
  /** Day after the last (exclusive); null: still holds. */
  valid_to: string | null;
}

/**
 * ClickHouse `people`, the query copy of the directory (its source of truth is the relational
 * `people` table, DirectoryRepository; @hubpulse/ingestion's PeopleWriterService writes that first,
 * then this copy). Every read is FINAL: the newest version of a person wins. Other repositories join
 * the directory into their own queries (who is in the population, departments of scored people);
 * the writes and the reads of the directory itself are here.
 */
@Injectable()
export class PeopleRepository {
  /** The fingerprint, asked again only when people or people_history changed (DataVersions.memo; every request that needs the disclosure plan reads it). */
  private directoryFingerprint?: () => Promise<{ people: string; version: string; history: string }>;

  constructor(private readonly ch: ClickHouseService) {}

  private get t() {
    return this.ch.tables;
  }

  /** Writes `people` (one row each, '' for unset text, the hire day only) under one new version, in one INSERT. */
  async upsert(people: readonly Person[]): Promise<void> {
    const rows = people.map((p) => ({
      person_id: p.person_id,
      name: p.name,
      email: p.email ?? '',
      department: p.department ?? '',
      location: p.location ?? '',
      title: p.title ?? '',
      manager_id: p.manager_id ?? '',
      hired_at: p.hired_at ? p.hired_at.slice(0, 10) : null,
      is_leader: p.is_leader,
      attributes: JSON.stringify(p.attributes),
    }));
    const version = nextVersion();
    await this.ch.client.insert({ table: this.t.people, format: 'JSONEachRow', values: rows.map((r) => ({ ...r, version })) });
  }

  /** People in today's directory: the population every view describes (the disclosure plan's too). */
  async count(): Promise<number> {
    const [r] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM ${this.t.people} FINAL`);
    return Number(r?.n ?? 0);
  }

  /** Changes whenever the directory or its history may have (a cache key): the people and the newest versions written. */
  fingerprint(): Promise<{ people: string; version: string; history: string }> {
    this.directoryFingerprint ??= this.ch.versions.memo(['people', 'people_history'], async () => {
      const [r] = await this.ch.rows<{ people: string; version: string; history: string }>(
        `SELECT (SELECT count() FROM ${this.t.people} FINAL) AS people, (SELECT max(version) FROM ${this.t.people}) AS version,
                (SELECT max(version) FROM ${this.t.people_history}) AS history`,
      );
      return r;
    });
    return this.directoryFingerprint();
  }

  /** Writes every stint of the people in `rows` under one new version: it replaces their whole history. */
  async writeHistory(rows: readonly HistoryRow[]): Promise<void> {
    if (rows.length === 0) return;
    const version = nextVersion();
    const values = rows.map((r) => ({ person_id: r.person_id, department: r.department ?? '', location: r.location ?? '', manager_id: r.manager_id ?? '', title: r.title ?? '', valid_from: r.valid_from, valid_to: r.valid_to, version }));
    await this.ch.client.insert({ table: this.t.people_history, format: 'JSONEachRow', values });
  }

  /** Each person's stints of their newest written version (a subquery over people_history). */
  private get newestHistory(): string {
    const h = this.t.people_history;
    return `(SELECT * FROM ${h} FINAL WHERE (person_id, version) IN (SELECT person_id, max(version) FROM ${h} GROUP BY person_id))`;
  }

  /** One person's history, oldest first. */
  history(personId: string): Promise<HistoryRow[]> {
    return this.ch.rows<HistoryRow>(
      `SELECT person_id, toString(department) AS department, toString(location) AS location, manager_id, title,
              toString(valid_from) AS valid_from, if(valid_to IS NULL, NULL, toString(valid_to)) AS valid_to
       FROM ${this.newestHistory} WHERE person_id = {p:String} ORDER BY valid_from`,
      { p: personId },
    );
  }

  /**
   * The days in [from, to] on which somebody's department, location or manager changed (a person's
   * first stint is no change: days before it count under it; a stint that changes only the title is
   * none either, since no group changes). The directory's groups are the same between two such days.
   */
  async changeDays(from: string, to: string): Promise<string[]> {
    const rows = await this.ch.rows<{ d: string }>(
      `SELECT DISTINCT toString(valid_from) AS d
       FROM (SELECT person_id, valid_from, (toString(department), toString(location), manager_id) AS held,
                    lagInFrame(held) OVER w AS before, row_number() OVER w AS n
             FROM ${this.newestHistory} WINDOW w AS (PARTITION BY person_id ORDER BY valid_from ROWS BETWEEN 1 PRECEDING AND CURRENT ROW))
       WHERE n > 1 AND held != before AND valid_from BETWEEN {from:Date32} AND {to:Date32}
       ORDER BY d`,
      { from, to },
    );
    return rows.map((r) => r.d);
  }

  /** People whose name or email contains `q` (any case) or whose id is `q`; the id first, then name prefixes. */
  search(q: string, limit: number): Promise<DirectoryEntry[]> {
    return this.ch.rows<DirectoryEntry>(
      `SELECT person_id, name, email, toString(department) AS department, toString(location) AS location, title
       FROM ${this.t.people} FINAL
       WHERE positionCaseInsensitiveUTF8(name, {q:String}) > 0 OR positionCaseInsensitiveUTF8(email, {q:String}) > 0 OR person_id = {q:String}
       ORDER BY person_id != {q:String}, positionCaseInsensitiveUTF8(name, {q:String}) != 1, name, person_id
       LIMIT {limit:UInt32}`,
      { q, limit },
    );
  }

  /** One person's name, department and hire date, or null. */
  async person(personId: string): Promise<{ name: string; department: string; hired_at: string | null } | null> {
    const [r] = await this.ch.rows<{ name: string; department: string; hired_at: string | null }>(
      `SELECT name, toString(department) AS department, toString(hired_at) AS hired_at FROM ${this.t.people} FINAL WHERE person_id = {p:String}`,
      { p: personId },
    );
    return r ?? null;
  }

  /** Display names of people, e.g. managers ("Name, Title"). */
  async labels(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ch.rows<{ person_id: string; label: string }>(
      `SELECT person_id, concat(name, if(title = '', '', concat(', ', title))) AS label FROM ${this.t.people} FINAL WHERE person_id IN {ids:Array(String)}`,
      { ids },
    );
    return new Map(rows.map((r) => [r.person_id, r.label]));
  }

  /** Every department of the directory, the empty one included. */
  async departments(): Promise<string[]> {
    const rows = await this.ch.rows<{ d: string }>(`SELECT DISTINCT toString(department) AS d FROM ${this.t.people} FINAL`);
    return rows.map((r) => r.d);
  }

  /** Every person with their department, location, team, tenure band (as of `asOf`) and managers, by person id. */
  groupRows(asOf: string): Promise<DirectoryGroupRow[]> {
    return this.groupRowsFrom(`${this.t.people} FINAL`, {}, asOf);
  }

  /**
   * groupRowsOn: the directory as it was on `day` — department, location and manager from each
   * person's stint holding that day (before their first stint: the first; people without history:
   * today's values); team and tenure band (as of `asOf`) as today. Managers' trees as they were.
   */
  groupRowsOn(day: string, asOf: string): Promise<DirectoryGroupRow[]> {
    const then = `(SELECT p.person_id AS person_id, if(h.known = 1, h.s.1, toString(p.department)) AS department, if(h.known = 1, h.s.2, toString(p.location)) AS location,
                          if(h.known = 1, h.s.3, p.manager_id) AS manager_id, p.attributes AS attributes, p.hired_at AS hired_at
                   FROM ${this.t.people} AS p FINAL
                   LEFT JOIN (SELECT person_id, 1 AS known,
                                     argMax((toString(department), toString(location), manager_id), (valid_from <= {day:Date32}, if(valid_from <= {day:Date32}, toInt32(valid_from), -toInt32(valid_from)))) AS s
                              FROM ${this.newestHistory} GROUP BY person_id) AS h ON h.person_id = p.person_id)`;
    return this.groupRowsFrom(then, { day }, asOf);
  }

  /**
   * groupRowsOn's department, location and managers for each of `days`, from ONE read of today's
   * people and every stint (the disclosure plan over the history needs every stretch at once): the
   * same rules, applied here per day (the integration test compares both on every day).
   */
  async historyRowsOn(days: readonly string[]): Promise<HistoryGroupRow[][]> {
    const people = await this.ch.rows<{ person_id: string; department: string; location: string; manager_id: string; stints: [string, string, string, string][] }>(
      `SELECT p.person_id AS person_id, toString(p.department) AS department, toString(p.location) AS location, p.manager_id AS manager_id, h.stints AS stints
       FROM ${this.t.people} AS p FINAL
       LEFT JOIN (SELECT person_id, arraySort(groupArray((toString(valid_from), toString(department), toString(location), manager_id))) AS stints
                  FROM ${this.newestHistory} GROUP BY person_id) AS h ON h.person_id = p.person_id
       ORDER BY person_id`,
    );
    return days.map((day) => {
      // each person's stint holding the day (its from ≤ day, the latest), else their first; no stints: today's
      const held = people.map((p) => {
        let s = p.stints.length ? p.stints[0] : null;
        for (const x of p.stints) if (x[0] <= day) s = x;
        return s ? { person_id: p.person_id, department: s[1], location: s[2], manager_id: s[3] } : p;
      });
      const managerOf = new Map(held.flatMap((r) => (r.manager_id === '' ? [] : [[r.person_id, r.manager_id] as const])));
      return held.map((r) => {
        // as groupRowsFrom's arrayFold: the manager, then up to 11 more steps up
        const managers = r.manager_id === '' ? [] : [r.manager_id];
        for (let i = 0; i < 11 && managers.length; i++) {
          const up = managerOf.get(managers[managers.length - 1]);
          if (up === undefined) break;
          managers.push(up);
        }
        return { person_id: r.person_id, department: r.department, location: r.location, managers };
      });
    });
  }

  private groupRowsFrom(p: string, params: Record<string, unknown>, asOf: string): Promise<DirectoryGroupRow[]> {
    return this.ch.rows<DirectoryGroupRow>(
      `WITH (SELECT (groupArray(person_id), groupArray(manager_id)) FROM ${p} WHERE manager_id != '') AS m
       SELECT person_id, toString(department) AS department, toString(location) AS location,
              JSONExtractString(attributes, 'team') AS team, ${tenureBandSql('hired_at', '{asOf:Date}')} AS tenure,
              arrayFilter(x -> x != '', arrayFold((acc, i) -> if(acc[-1] = '', acc, arrayPushBack(acc, transform(acc[-1], m.1, m.2, ''))), range(11), [manager_id])) AS managers
       FROM ${p}
       ORDER BY person_id`,
      { ...params, asOf },
    );
  }
}
