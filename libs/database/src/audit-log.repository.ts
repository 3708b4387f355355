import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditLogEntryDto } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { AuditLogEntity } from './entities/audit-log.entity';

/** Append-only audit log: who did what to which target. */
@Injectable()
export class AuditLogRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(AuditLogEntity);
  }

  /** Writes one entry; resolves once it is stored. */
  async record(entry: { actor: string; action: string; target: string; details?: Record<string, unknown> }): Promise<AuditLogEntryDto> {
    const row: AuditLogEntity = { id: randomUUID(), at: new Date().toISOString(), actor: entry.actor, action: entry.action, target: entry.target, details: entry.details ?? {} };
    await this.repo.insert(row as never); // simple-json column: TypeORM's deep-partial type rejects `unknown` values
    return toDto(row);
  }

  /** Newest first, optionally for one action and/or target. */
  async list(filter: { action?: string; target?: string; limit?: number } = {}): Promise<AuditLogEntryDto[]> {
    const where: Partial<Pick<AuditLogEntity, 'action' | 'target'>> = {};
    if (filter.action) where.action = filter.action;
    if (filter.target) where.target = filter.target;
    const rows = await this.repo.find({ where, order: { at: 'DESC', id: 'DESC' }, take: filter.limit ?? 100 });
    return rows.map(toDto);
  }
}

const toDto = (r: AuditLogEntity): AuditLogEntryDto => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, details: r.details });
