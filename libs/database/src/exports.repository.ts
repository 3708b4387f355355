import { Inject, Injectable } from '@nestjs/common';
import { In, LessThan, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { ExportEntity } from './entities/export.entity';

/** The exports table: one row per export, written by the export job as it goes. */
@Injectable()
export class ExportsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ExportEntity);
  }

  async insert(row: ExportEntity): Promise<void> {
    await this.repo.insert(row as never); // simple-json column: TypeORM's deep-partial type rejects its value type
  }

  find(id: string): Promise<ExportEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  async update(id: string, changes: Partial<Omit<ExportEntity, 'id'>>): Promise<void> {
    await this.repo.update({ id }, changes as never);
  }

  /** Newest first: one user's exports, or everyone's (`ownerId` undefined). */
  list(ownerId: string | undefined, limit: number): Promise<ExportEntity[]> {
    return this.repo.find({ where: ownerId ? { createdById: ownerId } : {}, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Exports whose file is past its retention time and not yet marked expired. */
  expiredBy(now: string): Promise<ExportEntity[]> {
    return this.repo.find({ where: { expiresAt: LessThan(now), status: In(['done', 'failed', 'queued', 'running']) } });
  }
}
