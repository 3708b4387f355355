import { Injectable } from '@nestjs/common';
import type { Person } from '@hubpulse/contracts';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { DirectoryRepository, type PersonEntity, type PersonStintEntity } from '@hubpulse/database';
import { applyChange, effectiveDay, SINCE_ALWAYS, stintOn, stintValues, type Stint } from './person-stints';

const fromStintEntity = (e: PersonStintEntity): Stint => ({ person_id: e.personId, department: e.department, location: e.location, manager_id: e.managerId, title: e.title, valid_from: e.validFrom, valid_to: e.validTo });
const toStintEntity = (s: Stint): PersonStintEntity => ({ personId: s.person_id, department: s.department, location: s.location, managerId: s.manager_id, title: s.title, validFrom: s.valid_from, validTo: s.valid_to });

/**
 * Writes people to the directory (relational, source of truth: DirectoryRepository) and then its
 * ClickHouse copy (PeopleRepository), with their history: each person's department, location,
 * manager and title hold from the person's `effective_at` (default: now) until the next recorded
 * change (person_stints, copied to people_history). Several rows of one person in a batch are
 * changes in order of their days; the person's row holds the fields of the last row sent, with the
 * history's values of today. The directory's people and stints are written in one transaction
 * (a failure leaves neither, so a retry still sees the change and writes both), and the copy only
 * after it: a failed directory write leaves the copy untouched, and a failed copy write is healed by
 * the retry, which rewrites every sent person's history to the copy whether it changed or not. Used
 * by PUT /v1/people, SDK identify calls and the bulk import alike.
 */
@Injectable()
export class PeopleWriterService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copy: PeopleRepository,
  ) {}

  /** Returns how many distinct people were written. */
  async write(input: readonly Person[]): Promise<number> {
    if (input.length === 0) return 0;
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const sent = new Map<string, Person[]>();
    for (const p of input) (sent.get(p.person_id) ?? sent.set(p.person_id, []).get(p.person_id)!).push(p);
    const ids = [...sent.keys()];
    const before = new Map<string, Stint[]>();
    for (const e of await this.directory.stints(ids)) (before.get(e.personId) ?? before.set(e.personId, []).get(e.personId)!).push(fromStintEntity(e));
    // Only people without history may be stored from before it (their values become their first stint).
    const stored = new Map((await this.directory.findMany(ids.filter((id) => !before.has(id)))).map((e) => [e.personId, e]));

    const people: Person[] = [];
    const changed: string[] = [];
    const changedHistory: Stint[] = [];
    const history: Stint[] = [];
    for (const [id, rows] of sent) {
      const old = before.get(id) ?? seedStint(stored.get(id));
      const changes = rows.map((p, i) => ({ p, i, day: p.effective_at ? effectiveDay(p.effective_at) : null })).sort((a, b) => order(a.day, b.day) || a.i - b.i);
      let stints = old;
      // Undated rows: a new person's first one holds since always; any other is a change of today.
      for (const c of changes) stints = applyChange(stints, id, c.day ?? (stints.length ? today : null), stintValues(c.p));
      const current = stintOn(stints, today)!;
      people.push({ ...rows[rows.length - 1], department: current.department, location: current.location, manager_id: current.manager_id, title: current.title });
      if (JSON.stringify(stints) !== JSON.stringify(before.get(id) ?? [])) {
        changed.push(id);
        changedHistory.push(...stints);
      }
      // Every person's whole history goes to the copy, changed or not: a retry after a failed copy
      // write finds the directory already changed, and this is what still brings the copy up to it.
      history.push(...stints);
    }
    await this.directory.write(people, now, changed, changedHistory.map(toStintEntity));
    await this.copy.upsert(people);
    await this.copy.writeHistory(history);
    return people.length;
  }
}

/** A person stored before the directory kept history: their stored values, since always. */
function seedStint(e: PersonEntity | undefined): Stint[] {
  if (!e) return [];
  return [{ person_id: e.personId, department: e.department, location: e.location, manager_id: e.managerId, title: e.title, valid_from: SINCE_ALWAYS, valid_to: null }];
}

/** Undated rows (null) before dated ones: they are the person as first known (or today's change, applied last would undo a dated one). */
function order(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
