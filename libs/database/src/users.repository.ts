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

  /** The user with this email (pass it lower-case, as stored). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  /** Changes a user (single sign-on re-reads the role from the provider at every sign-in). */
  async update(id: string, patch: Partial<Pick<UserEntity, 'role' | 'name'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }
}
