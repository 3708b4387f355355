import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LessThan, Not, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { SessionEntity } from './entities/user.entity';

/** Sign-in sessions (`sessions`), by the sha256 of their cookie token; times as ISO strings. */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(SessionEntity);
  }

  /** A new session; its URL id is made here unless given. */
  async insert(session: Omit<SessionEntity, 'id' | 'lastSeenAt' | 'userAgent'> & Partial<Pick<SessionEntity, 'id' | 'lastSeenAt' | 'userAgent'>>): Promise<void> {
    await this.repo.insert({ id: randomUUID(), lastSeenAt: session.createdAt, userAgent: null, ...session });
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

  /** A user's sessions, newest first. */
  listByUser(userId: string): Promise<SessionEntity[]> {
    return this.repo.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Ends one session of a user by its id; false when the user has no such session. */
  async deleteById(userId: string, id: string): Promise<boolean> {
    const r = await this.repo.delete({ userId, id });
    return (r.affected ?? 0) > 0;
  }

  /** Ends every session of a user, except the one with `keepTokenHash` when given. */
  async deleteByUser(userId: string, keepTokenHash?: string): Promise<void> {
    await this.repo.delete(keepTokenHash ? { userId, tokenHash: Not(keepTokenHash) } : { userId });
  }

  async setUserAgent(tokenHash: string, userAgent: string): Promise<void> {
    await this.repo.update({ tokenHash }, { userAgent });
  }

  async touch(tokenHash: string, lastSeenAt: string): Promise<void> {
    await this.repo.update({ tokenHash }, { lastSeenAt });
  }
}
