import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { IngestionKeyEntity } from './entities/user.entity';

/** Ingestion write keys (`ingestion_keys`), stored as the sha256 of the key. */
@Injectable()
export class WriteKeysRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(IngestionKeyEntity);
  }

  async insert(key: IngestionKeyEntity): Promise<void> {
    await this.repo.insert(key);
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

  count(): Promise<number> {
    return this.repo.count();
  }
}
