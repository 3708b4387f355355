import type { z } from 'zod';
import { ConflictException, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { segmentMemberDto, SegmentMembershipRepository } from '@hubpulse/audiences';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { SEGMENT_MEMBER_CSV_COLUMNS, segmentMembersQuerySchema, segmentPeopleSearchSchema, type DirectoryPersonDto, type SessionUser, type SegmentMembersPageDto, type CsvCell } from '@hubpulse/contracts';
import { AuditLogRepository } from '@hubpulse/database';
import { sendCsv } from '../common/csv-response';
import { SegmentsService } from './segments.service';

/** Audit actions of member access. */
const AUDIT_MEMBERS_EXPORT = 'segment.members.export';
const AUDIT_MEMBERS_VIEW = 'segment.members.view';
const AUDIT_PEOPLE_SEARCH = 'directory.people.search';
const EXPORT_PAGE = 10_000;

/** A segment's current membership, ready to be written out page by page. */
export interface MemberExport {
  segmentName: string;
  version: number;
  size: number;
  pages: AsyncIterable<CsvCell[][]>;
}

/**
 * Who is in a segment: for SEGMENT_MEMBER_ROLES only (the controller checks the role). Counts here
 * are exact — these roles see the people themselves — and every access is written to the audit log:
 * each page viewed, and each export before its first byte is sent.
 */
@Injectable()
export class SegmentMembersService {
  constructor(
    private readonly segments: SegmentsService,
    private readonly people: PeopleRepository,
    private readonly store: SegmentMembershipRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  private async currentRun(id: string) {
    const s = await this.segments.require(id);
    const current = await this.store.current(id);
    return { s, current };
  }

  /**
   * Directory people by name, email or id, for the same roles. Audited like member pages: a search
   * reads people's names and emails one query at a time, so who looked for whom is on record.
   */
  async searchPeople(q: z.output<typeof segmentPeopleSearchSchema>, user: SessionUser): Promise<DirectoryPersonDto[]> {
    const people = (await this.people.search(q.q, q.limit)).map(segmentMemberDto);
    await this.audit.record({ actor: user.email, action: AUDIT_PEOPLE_SEARCH, target: 'directory:people', details: { query: q.q, limit: q.limit, results: people.length, role: user.role } });
    return people;
  }

  async page(id: string, q: z.output<typeof segmentMembersQuerySchema>, user: SessionUser): Promise<SegmentMembersPageDto> {
    const { current } = await this.currentRun(id);
    const empty = { segment_id: id, membership_version: null, computed_at: null, total: 0, page: q.page, page_size: q.page_size, members: [] };
    if (!current) return empty;
    const members = await this.store.membersPage(id, current.version, (q.page - 1) * q.page_size, q.page_size);
    await this.audit.record({
      actor: user.email,
      action: AUDIT_MEMBERS_VIEW,
      target: `segment:${id}`,
      details: { membership_version: current.version, page: q.page, page_size: q.page_size, rows: members.length },
    });
    return { ...empty, membership_version: current.version, computed_at: current.computed_at, total: current.size, members };
  }

  /**
   * The current membership for an export (one pinned version, keyset pages), after writing the audit
   * row: who exported which segment, which version, how many people, in which format.
   */
  async memberExport(id: string, user: SessionUser, format: string): Promise<MemberExport> {
    const { s, current } = await this.currentRun(id);
    if (!current) throw new ConflictException(`id: segment "${s.name}" has no computed membership yet`);
    await this.audit.record({
      actor: user.email,
      action: AUDIT_MEMBERS_EXPORT,
      target: `segment:${id}`,
      details: { segment_name: s.name, membership_version: current.version, definition_version: current.definition_version, rows: current.size, format, role: user.role },
    });
    return { segmentName: s.name, version: current.version, size: current.size, pages: this.memberPages(id, current.version) };
  }

  /** Streams the current membership as CSV. */
  async exportCsv(id: string, user: SessionUser, res: Response): Promise<void> {
    const m = await this.memberExport(id, user, 'csv');
    const filename = `segment-${m.segmentName.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'members'}-v${m.version}.csv`;
    await sendCsv(res, filename, SEGMENT_MEMBER_CSV_COLUMNS, m.pages);
  }

  /** A membership version, person by person in id order, a page at a time. */
  private async *memberPages(id: string, version: number): AsyncIterable<CsvCell[][]> {
    for (let after = ''; ; ) {
      const rows = await this.store.members(id, version, { after, limit: EXPORT_PAGE });
      yield rows.map((r) => SEGMENT_MEMBER_CSV_COLUMNS.map((c) => r[c]));
      if (rows.length < EXPORT_PAGE) return;
      after = rows[rows.length - 1].person_id;
    }
  }
}

