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

  async insert(user: UserEntity): Promise<void> {
    await this.repo.insert(user);
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
}
