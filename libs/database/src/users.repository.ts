import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '@hubpulse/contracts';
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

  /** Sets a user's role (single sign-on re-reads it from the provider at every sign-in). */
  async setRole(id: string, role: Role): Promise<void> {
    await this.repo.update({ id }, { role });
  }
}
