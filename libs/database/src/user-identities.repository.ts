import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { UserIdentityEntity } from './entities/user-identity.entity';

/** Single sign-on accounts (`user_identities`): which Hubpulse user an OpenID provider's subject is. */
@Injectable()
export class UserIdentitiesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(UserIdentityEntity);
  }

  find(issuer: string, subject: string): Promise<UserIdentityEntity | null> {
    return this.repo.findOneBy({ issuer, subject });
  }

  async insert(identity: UserIdentityEntity): Promise<void> {
    await this.repo.insert(identity);
  }

  /** Records a sign-in: when, and the email the provider gave this time. */
  async signedIn(issuer: string, subject: string, email: string, at: string): Promise<void> {
    await this.repo.update({ issuer, subject }, { email, lastSignInAt: at });
  }
}
