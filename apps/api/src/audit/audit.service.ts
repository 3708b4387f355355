import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AUDIT_CSV_HEADER, AUDIT_PAGE_MAX, auditActionLabel, csvFileName, type AuditFacetsDto, type AuditFilter, type AuditListQuery, type AuditLogEntryDto, type SessionUser } from '@hubpulse/contracts';
import { AuditLogRepository } from '@hubpulse/database';
import { sendCsv } from '../common/csv-response';

export const AUDIT_EXPORT = 'audit.export';

/** Admin → Audit: the log read page by page, its filter choices, and the whole filtered log as CSV. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditLogRepository) {}

  list(query: AuditListQuery): Promise<AuditLogEntryDto[]> {
    return this.audit.list(query);
  }

  facets(): Promise<AuditFacetsDto> {
    return this.audit.facets();
  }

  /**
   * Every entry matching the filters, newest first, streamed a page at a time (memory stays flat
   * however long the log). The export is itself recorded first, so it appears in what it exports.
   */
  async exportCsv(filter: AuditFilter, user: SessionUser, res: Response): Promise<void> {
    await this.audit.record({ actor: user.email, action: AUDIT_EXPORT, target: 'audit_log', details: { ...filter, format: 'csv' } });
    await sendCsv(res, csvFileName('audit-log', new Date()), AUDIT_CSV_HEADER, this.pages(filter));
  }

  /** The filtered log, newest first, a page at a time. */
  private async *pages(filter: AuditFilter): AsyncIterable<string[][]> {
    for (let before: string | undefined; ; ) {
      const page = await this.audit.list({ ...filter, before, limit: AUDIT_PAGE_MAX });
      yield page.map((e) => [e.at, e.actor, e.action, auditActionLabel(e.action), e.target, JSON.stringify(e.details ?? {})]);
      if (page.length < AUDIT_PAGE_MAX) return;
      before = page[page.length - 1].id;
    }
  }
}
