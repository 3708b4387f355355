import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { addDays, type AuditFacetsDto, type AuditFilter, type AuditLogEntryDto } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { AuditLogEntity } from './entities/audit-log.entity';

/** One page of the log: the filters, the id of the previous page's last entry, at most `limit` entries. */
export interface AuditListFilter extends AuditFilter {
  before?: string;
  limit?: number;
}

/** How many distinct actors the filter's choices list at most. */
const FACET_ACTORS_MAX = 500;

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

  /**
   * Newest first (time, then id), matching every filter given. `before` continues after that entry
   * (a keyset page: stable while new entries arrive); an unknown `before` gives an empty page.
   */
  async list(filter: AuditListFilter = {}): Promise<AuditLogEntryDto[]> {
    const qb = this.filtered(filter);
    if (filter.before) {
      const last = await this.repo.findOne({ where: { id: filter.before }, select: { id: true, at: true } });
      if (!last) return [];
      qb.andWhere(new Brackets((w) => w.where('a.at < :beforeAt', { beforeAt: last.at }).orWhere('a.at = :beforeAt AND a.id < :beforeId', { beforeId: last.id })));
    }
    const rows = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(filter.limit ?? 100).getMany();
    return rows.map(toDto);
  }

  /** The actions on record and the most recent actors, for the page's filter choices. */
  async facets(): Promise<AuditFacetsDto> {
    const actions = await this.repo.createQueryBuilder('a').select('a.action', 'action').distinct(true).orderBy('a.action').getRawMany<{ action: string }>();
    const actors = await this.repo
      .createQueryBuilder('a')
      .select('a.actor', 'actor')
      .addSelect('MAX(a.at)', 'latest')
      .groupBy('a.actor')
      .orderBy('latest', 'DESC')
      .limit(FACET_ACTORS_MAX)
      .getRawMany<{ actor: string }>();
    return { actions: actions.map((r) => r.action), actors: actors.map((r) => r.actor).sort() };
  }

  private filtered(f: AuditFilter): SelectQueryBuilder<AuditLogEntity> {
    const qb = this.repo.createQueryBuilder('a').where('1 = 1');
    if (f.action?.endsWith('.')) qb.andWhere("a.action LIKE :actionPrefix ESCAPE '\\'", { actionPrefix: `${escapeLike(f.action)}%` });
    else if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actor?.trim()) qb.andWhere("LOWER(a.actor) LIKE :actor ESCAPE '\\'", { actor: `%${escapeLike(f.actor.trim().toLowerCase())}%` });
    if (f.target) qb.andWhere('a.target = :target', { target: f.target });
    // `at` is an ISO string in UTC, so days compare as text: from its first instant to the next day's.
    if (f.from) qb.andWhere('a.at >= :fromAt', { fromAt: `${f.from}T00:00:00` });
    if (f.to) qb.andWhere('a.at < :toAt', { toAt: `${addDays(f.to, 1)}T00:00:00` });
    return qb;
  }
}

/** LIKE's own characters taken literally (with ESCAPE '\'). */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const toDto = (r: AuditLogEntity): AuditLogEntryDto => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, details: r.details });
