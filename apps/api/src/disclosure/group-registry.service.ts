import { Injectable } from '@nestjs/common';
import { SegmentMembershipRepository } from '@hubpulse/audiences';
import { PeopleRepository, type DirectoryGroupRow, type HistoryGroupRow } from '@hubpulse/clickhouse';
import { GoalsRepository, ProgrammesRepository, type GoalLinkEntity, type ProgrammeEntity } from '@hubpulse/database';
import type { GroupSpec } from '@hubpulse/disclosure';

/**
 * Lower priorities are hidden first when two groups conflict: a group a user defined (a segment, a
 * goal link's audience) gives way to the organisation's structure, so creating a link or a segment can
 * never hide a department from everyone else.
 */
export const FAMILY_PRIORITY: Record<string, number> = {
  segment: 0,
  programme: 0,
  link: 0,
  manager: 1,
  team: 2,
  tenure: 3,
  location: 3,
  department: 3,
};

/** The group keys the views use, one builder per family, so a view and the plan always agree. */
export const groupKey = {
  department: (d: string) => `department:${d || 'unknown'}`,
  location: (l: string) => `location:${l || 'unknown'}`,
  team: (t: string) => `team:${t}`,
  tenure: (band: string) => `tenure:${band}`,
  manager: (personId: string) => `manager:${personId}`,
  segment: (id: string) => `segment:${id}`,
  programme: (id: string) => `programme:${id}`,
  link: (id: string) => `link:${id}`,
};

/**
 * Every group of people a view can describe, read fresh: the directory's departments, locations,
 * teams, tenure bands (as of `asOf`) and manager trees (PeopleRepository); segments' current
 * memberships and programmes' memberships pinned at launch (SegmentMembershipRepository); goal links'
 * scope audiences (GoalsRepository, ProgrammesRepository). It holds no SQL: it reads through the
 * tables' owners. Also a fingerprint that changes whenever any of them may have changed (for
 * segments: whenever a current membership's members changed), so the plan built from them can be
 * cached.
 */
@Injectable()
export class GroupRegistryService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly goals: GoalsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly memberships: SegmentMembershipRepository,
  ) {}

  /** The last membership digest read, and the runs fingerprint it was read under. */
  private digest: { at: string; digest: Promise<string> } | null = null;

  /**
   * What the plan is built from besides the directory and the memberships, and a key that changes
   * whenever any of it may have: read once per plan() call, in parallel, and reused by the build.
   */
  async snapshot(): Promise<{ key: string; links: GoalLinkEntity[]; programmes: ProgrammeEntity[] }> {
    const [people, members, links, programmes] = await Promise.all([
      this.people.fingerprint(),
      this.memberships.runsFingerprint().then((runs) => this.membersDigest(runs)),
      this.goals.linksById(),
      this.programmes.listById(),
    ]);
    const key = JSON.stringify([
      { ...people, members },
      links.map((l) => [l.id, l.kind, l.scope, l.scopeValues, l.segmentId, l.programmeId]),
      programmes.map((p) => [p.id, p.segmentId, p.launchMembershipVersion]),
    ]);
    return { key, links, programmes };
  }

  /**
   * The digest of the segments' current memberships, read again only when a run was recorded since
   * the last read (the runs fingerprint is one cheap query; the digest reads every current member).
   * Keyed by content, not by runs: the workers recompute every segment after each score run, and most
   * of those runs change nobody's membership, so keying by runs rebuilt the plan (seconds of the API's
   * event loop at 100,000 people) for nothing (README → Performance).
   */
  private membersDigest(runs: { runs: string; last_run: string }): Promise<string> {
    const at = `${runs.runs}|${runs.last_run}`;
    if (this.digest?.at !== at) {
      const digest = this.memberships.currentMembersDigest();
      this.digest = { at, digest };
      digest.catch(() => {
        if (this.digest?.digest === digest) this.digest = null;
      });
    }
    return this.digest.digest;
  }

  /** Today's directory with every group key of each person (tenure bands as of `asOf`). */
  directory(asOf: string): Promise<DirectoryGroupRow[]> {
    return this.people.groupRows(asOf);
  }

  /** The directory as it was on `day` (department, location and manager trees then; team and tenure as of `asOf`). */
  directoryOn(day: string, asOf: string): Promise<DirectoryGroupRow[]> {
    return this.people.groupRowsOn(day, asOf);
  }

  /** The groups kept in history (department, location, manager trees) as they were on each of `days`, from one read. */
  historyOn(days: readonly string[]): Promise<HistoryGroupRow[][]> {
    return days.length ? this.people.historyRowsOn(days) : Promise.resolve([]);
  }

  /** Days in [from, to] on which somebody's department, location or manager changed. */
  changeDays(from: string, to: string): Promise<string[]> {
    return this.people.changeDays(from, to);
  }

  /** Current membership of every segment with an ok run: its newest ok version. */
  segments(): Promise<{ id: string; members: string[] }[]> {
    return this.memberships.currentMembers();
  }

  /** Memberships pinned at launch by programmes (segment id, version). */
  async pinned(pins: { id: string; segmentId: string; version: number }[]): Promise<{ id: string; members: string[] }[]> {
    const rows = await this.memberships.versionMembers(pins);
    const byPin = new Map(rows.map((r) => [`${r.segment_id}@${r.version}`, r.members]));
    return pins.flatMap((p) => {
      const members = byPin.get(`${p.segmentId}@${p.version}`);
      return members ? [{ id: p.id, members }] : [];
    });
  }
}

/** The groups of the directory rows, family by family (teams only where a team is set; history rows have neither teams nor tenure). */
export function directoryGroups(rows: readonly (HistoryGroupRow & Partial<DirectoryGroupRow>)[]): GroupSpec[] {
  const groups = new Map<string, GroupSpec & { members: string[] }>();
  const add = (family: string, key: string, person: string) => {
    const g = groups.get(key) ?? groups.set(key, { key, family, members: [], priority: FAMILY_PRIORITY[family] }).get(key)!;
    g.members.push(person);
  };
  for (const r of rows) {
    add('department', groupKey.department(r.department), r.person_id);
    add('location', groupKey.location(r.location), r.person_id);
    if (r.team) add('team', groupKey.team(r.team), r.person_id);
    if (r.tenure !== undefined) add('tenure', groupKey.tenure(r.tenure), r.person_id);
    for (const m of r.managers) add('manager', groupKey.manager(m), r.person_id);
  }
  return [...groups.values()];
}
