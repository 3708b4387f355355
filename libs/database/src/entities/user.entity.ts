import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InviteKind, Role, WriteKeyScope } from '@hubpulse/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 320, unique: true }) email: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 20 }) role: Role;
  /** scrypt$N$salt$hash */
  /** scrypt$N$salt$hash; '' while an invited user has not chosen one (no password matches ''). */
  @Column('varchar', { length: 300, name: 'password_hash' }) passwordHash: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  /** A deactivated user cannot sign in and has no sessions. */
  @Column('boolean', { default: true }) active: boolean;
  @Column('varchar', { length: 30, name: 'last_sign_in_at', nullable: true }) lastSignInAt: string | null;
}

@Entity('sessions')
export class SessionEntity {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  @PrimaryColumn('varchar', { length: 64, name: 'token_hash' }) tokenHash: string;
  @Column('varchar', { length: 36, name: 'user_id' }) userId: string;
  @Column('varchar', { length: 30, name: 'expires_at' }) expiresAt: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  /** For URLs (`DELETE /api/me/sessions/:id`): random, not derived from the token. */
  @Column('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 30, name: 'last_seen_at', nullable: true }) lastSeenAt: string | null;
  @Column('varchar', { length: 300, name: 'user_agent', nullable: true }) userAgent: string | null;
}

/** A one-time link: joining (invite) or choosing a new password (reset); only its sha256 is stored. */
@Entity('invites')
export class InviteEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @Column('varchar', { length: 10 }) kind: InviteKind;
  @Column('varchar', { length: 36, name: 'user_id' }) userId: string;
  @Column('varchar', { length: 30, name: 'expires_at' }) expiresAt: string;
  @Column('varchar', { length: 30, name: 'used_at', nullable: true }) usedAt: string | null;
  /** The admin's email. */
  @Column('varchar', { length: 320, name: 'created_by' }) createdBy: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
}

@Entity('ingestion_keys')
export class IngestionKeyEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200 }) name: string;
  /** sha256 of the key; the key itself is shown once and never stored. */
  @Column('varchar', { length: 64, name: 'key_hash', unique: true }) keyHash: string;
  /** First characters, to recognise a key in lists. */
  @Column('varchar', { length: 16 }) prefix: string;
  /** Write keys can only write: they are accepted on /v1 ingestion routes and nowhere else. */
  @Column('varchar', { length: 20 }) scope: 'write';
  /** What the key may write (`events`, `directory`), comma-separated; keys made before scopes have both. */
  @Column('simple-array', { default: 'events,directory' }) scopes: WriteKeyScope[];
  /** Made to ship inside a web page: never holds the directory scope (checked at creation). */
  @Column('boolean', { default: false }) browser: boolean;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'revoked_at', nullable: true }) revokedAt: string | null;
  /** When the key last authenticated an ingestion request, to the minute (written at most once a minute per key and process); null: never. */
  @Column('varchar', { length: 30, name: 'last_used_at', nullable: true }) lastUsedAt: string | null;
  /** Web origins (`https://intranet.example.com`) a browser key may send from; empty: no browser origin is allowed. */
  @Column('simple-array', { name: 'allowed_origins', default: '' }) allowedOrigins: string[];
}
