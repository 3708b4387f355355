import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's account at an OpenID provider (single sign-on): the provider's issuer and subject name one Hubpulse user. */
@Entity('user_identities')
export class UserIdentityEntity {
  @PrimaryColumn('varchar', { length: 500 }) issuer: string;
  /** The provider's `sub`: stable for the account, unlike its email. */
  @PrimaryColumn('varchar', { length: 255 }) subject: string;
  @Column('varchar', { length: 36, name: 'user_id' }) userId: string;
  /** The email the provider gave at the last sign-in. */
  @Column('varchar', { length: 320 }) email: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'last_sign_in_at' }) lastSignInAt: string;
}
