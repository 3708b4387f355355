import { Inject, Injectable } from '@nestjs/common';
import { LessThan, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { SessionEntity } from './entities/user.entity';

/** Sign-in sessions (`sessions`), by the sha256 of their cookie token; times as ISO strings. */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(SessionEntity);
  }

  async insert(session: SessionEntity): Promise<void> {
    await this.repo.insert(session);
  }

  find(tokenHash: string): Promise<SessionEntity | null> {
    return this.repo.findOneBy({ tokenHash });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.repo.delete({ tokenHash });
  }

  /** Deletes every session (of anyone) that expired before `now`. */
  async deleteExpired(now: string): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
  }

  /** Ends every session of a user. */
  async deleteByUser(userId: string): Promise<void> {
    await this.repo.delete({ userId });
  }
}
