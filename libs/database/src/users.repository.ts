import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { UserEntity } from './entities/user.entity';

/** Dashboard users (`users`): who may sign in, with which role. Emails are stored lower-case. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(UserEntity);
  }

  /** A new user; active unless said otherwise, never signed in. */
  async insert(user: Omit<UserEntity, 'active' | 'lastSignInAt'> & Partial<Pick<UserEntity, 'active' | 'lastSignInAt'>>): Promise<void> {
    await this.repo.insert({ active: true, lastSignInAt: null, ...user });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  find(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Replaces a user's password hash (a new password, or the same one rehashed with today's parameters). */
  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  /** The user with this email (pass it lower-case, as stored). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  /** Every user, by email. */
  list(): Promise<UserEntity[]> {
    return this.repo.find({ order: { email: 'ASC' } });
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'role' | 'active' | 'name' | 'passwordHash' | 'lastSignInAt'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /**
   * Changes role and/or active unless that would leave no active admin (then false, nothing changed).
   * One transaction; on PostgreSQL the active admins' rows are locked, so two admins demoting each
   * other at once cannot both succeed.
   */
  updateKeepingAnAdmin(id: string, patch: Partial<Pick<UserEntity, 'role' | 'active'>>): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const users = em.getRepository(UserEntity);
      const lock = this.ds.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
      const admins = await users.find({ where: { role: 'admin', active: true }, lock });
      const losesAdmin = admins.some((a) => a.id === id) && ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false);
      if (losesAdmin && admins.every((a) => a.id === id)) return false;
      await users.update({ id }, patch);
      return true;
    });
  }
}
