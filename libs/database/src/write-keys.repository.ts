import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { IngestionKeyEntity } from './entities/user.entity';

/** Ingestion write keys (`ingestion_keys`), stored as the sha256 of the key. */
@Injectable()
export class WriteKeysRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(IngestionKeyEntity);
  }

  async insert(key: Omit<IngestionKeyEntity, 'lastUsedAt' | 'allowedOrigins'>): Promise<void> {
    await this.repo.insert({ ...key, lastUsedAt: null, allowedOrigins: [] });
  }

  async setAllowedOrigins(id: string, origins: string[]): Promise<void> {
    await this.repo.update({ id }, { allowedOrigins: origins });
  }

  /** Every origin some active browser key allows (what a CORS preflight, which carries no key, may be answered for). */
  async browserOrigins(): Promise<string[]> {
    const rows = await this.repo.find({ select: { allowedOrigins: true, revokedAt: true, browser: true }, where: { browser: true } });
    return [...new Set(rows.filter((r) => !r.revokedAt).flatMap((r) => r.allowedOrigins))];
  }

  /** Every key, newest first (revoked ones too). */
  list(): Promise<IngestionKeyEntity[]> {
    return this.repo.find({ order: { createdAt: 'DESC' } });
  }

  find(id: string): Promise<IngestionKeyEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByHash(keyHash: string): Promise<IngestionKeyEntity | null> {
    return this.repo.findOneBy({ keyHash });
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.repo.update({ id }, { revokedAt: at });
  }

  /**
   * Records that a key authenticated at `at`, unless the stored time is already `staleBefore` or
   * later (another API process recorded it within the minute). True when the row changed. Callers
   * coalesce: one call per key and minute, not one per request (see the API's WriteKeyUsage).
   */
  async markUsed(id: string, at: string, staleBefore: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: at })
      .where('id = :id', { id })
      .andWhere(new Brackets((w) => w.where('last_used_at IS NULL').orWhere('last_used_at < :staleBefore', { staleBefore })))
      .execute();
    return (result.affected ?? 0) > 0;
  }

  count(): Promise<number> {
    return this.repo.count();
  }
}
