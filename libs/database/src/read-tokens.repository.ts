import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { ReadTokenEntity } from './entities/read-token.entity';

/** Personal read tokens (`read_tokens`), stored as the sha256 of the token; times as ISO strings. */
@Injectable()
export class ReadTokensRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ReadTokenEntity);
  }

  async insert(token: Omit<ReadTokenEntity, 'revokedAt' | 'lastUsedAt'>): Promise<void> {
    await this.repo.insert({ ...token, revokedAt: null, lastUsedAt: null });
  }

  /** A user's tokens, newest first (revoked and expired ones too). */
  listByUser(userId: string): Promise<ReadTokenEntity[]> {
    return this.repo.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Everyone's tokens, newest first. */
  list(): Promise<ReadTokenEntity[]> {
    return this.repo.find({ order: { createdAt: 'DESC' } });
  }

  find(id: string): Promise<ReadTokenEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByHash(tokenHash: string): Promise<ReadTokenEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  /** Revokes a token unless it already is; true when this call revoked it. */
  async revoke(id: string, at: string): Promise<boolean> {
    const r = await this.repo.createQueryBuilder().update().set({ revokedAt: at }).where('id = :id', { id }).andWhere('revoked_at IS NULL').execute();
    return (r.affected ?? 0) > 0;
  }

  /** Records a use at `at` unless one was recorded at `staleBefore` or later (one write a minute per token, across processes). */
  async markUsed(id: string, at: string, staleBefore: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: at })
      .where('id = :id', { id })
      .andWhere(new Brackets((w) => w.where('last_used_at IS NULL').orWhere('last_used_at < :staleBefore', { staleBefore })))
      .execute();
  }
}
