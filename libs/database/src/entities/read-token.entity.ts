import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A personal read token: opens its owner's GET routes. Only the sha256 of the token is stored. */
@Entity('read_tokens')
export class ReadTokenEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  /** The owner: the token acts as this user, re-read at every use. */
  @Column('varchar', { length: 36, name: 'user_id' }) userId: string;
  @Column('varchar', { length: 200 }) name: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  @Column('varchar', { length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  /** First characters, to recognise a token in lists. */
  @Column('varchar', { length: 16 }) prefix: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'expires_at' }) expiresAt: string;
  @Column('varchar', { length: 30, name: 'revoked_at', nullable: true }) revokedAt: string | null;
  /** When the token last opened a route, to the minute (written at most once a minute per token); null: never. */
  @Column('varchar', { length: 30, name: 'last_used_at', nullable: true }) lastUsedAt: string | null;
}
