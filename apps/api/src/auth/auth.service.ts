import { Inject, Injectable, Logger, type OnModuleDestroy, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SERVER_KEY_ORIGINS, type Role, type SessionUser, type WriteKeyCreate, type WriteKeyDto, type WriteKeyScope, type WriteKeyUpdate } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { AuditLogRepository, SessionsRepository, UsersRepository, WriteKeysRepository, type UserEntity } from '@hubpulse/database';
import { InvalidInputError, SignInThrottledError } from '../common/errors';
import { hashPassword, needsRehash, newToken, sha256, verifyDummy, verifyPassword } from './password';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { assertPasswordSignIn } from './sso/password-sign-in';
import { WriteKeyUsage } from './write-key-usage';

export const SESSION_COOKIE = 'hp_session';

const toSessionUser = (u: UserEntity): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

/** Who sent an ingestion request: the key's id and what it may write. */
export interface WriteKeyPrincipal {
  id: string;
  scopes: readonly WriteKeyScope[];
  browser: boolean;
  /** Web origins the key may send from (browser keys); a request from any other browser origin is refused. */
  origins: readonly string[];
}

@Injectable()
export class AuthService implements OnModuleDestroy {
  private readonly logger = new Logger('Auth');
  /** Write keys are checked on every ingestion request: cache hash → key for a minute. */
  private readonly keyCache = new Map<string, { key: WriteKeyPrincipal | null; until: number }>();
  /** Every origin an active browser key allows, for CORS preflights (which carry no key); cached for a minute. */
  private originsCache: { origins: Promise<ReadonlySet<string>>; until: number } | null = null;
  /** "Last used" per key, written at most once a minute per key, off the request's path. */
  private readonly keyUsage = new WriteKeyUsage(
    (id, at, staleBefore) => this.writeKeys.markUsed(id, at, staleBefore),
    (id, err) => this.logger.error(`Could not record the last use of write key ${id}: ${err instanceof Error ? err.message : String(err)}`),
  );

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly writeKeys: WriteKeysRepository,
    private readonly audit: AuditLogRepository,
    private readonly signInThrottle: SignInThrottleRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async createUser(input: { email: string; password: string; name: string; role: Role }): Promise<SessionUser> {
    const user: UserEntity = {
      id: randomUUID(),
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
      active: true,
      lastSignInAt: null,
    };
    await this.users.insert(user);
    return toSessionUser(user);
  }

  async countUsers(): Promise<number> {
    return this.users.count();
  }

  /**
   * Returns a session token for the cookie, or throws 401 without saying which part was wrong; 429
   * while the account or the client address has too many recent failures (checked before any
   * password work). An unknown email costs the same scrypt work as a known one. A hash made with
   * older scrypt parameters is replaced once the password is proven.
   */
  async login(email: string, password: string, address: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    assertPasswordSignIn(this.config, email);
    const normalized = email.toLowerCase();
    const waitMs = await this.signInThrottle.waitMs(normalized, address);
    if (waitMs > 0) throw new SignInThrottledError(Math.ceil(waitMs / 1000));
    const user = await this.users.findByEmail(normalized);
    const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyDummy(password);
    if (!user || !valid || !user.active) {
      await this.signInThrottle.recordFailure(normalized, address);
      throw new UnauthorizedException('Wrong email or password');
    }
    await this.signInThrottle.reset(normalized);
    if (needsRehash(user.passwordHash)) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000);
    await this.sessions.insert({ tokenHash: sha256(token), userId: user.id, expiresAt: expiresAt.toISOString(), createdAt: now.toISOString() });
    // Housekeeping: drop expired sessions of everyone.
    await this.sessions.deleteExpired(now.toISOString());
    return { token, user: toSessionUser(user), expiresAt };
  }

  async userForSession(token: string | undefined): Promise<SessionUser | null> {
    if (!token) return null;
    const session = await this.sessions.find(sha256(token));
    const now = new Date().toISOString();
    if (!session || session.expiresAt < now) return null;
    const user = await this.users.find(session.userId);
    if (!user?.active) return null;
    // Last seen, to the minute: one write a minute per session, not one per request.
    if (!session.lastSeenAt || session.lastSeenAt.slice(0, 16) < now.slice(0, 16)) await this.sessions.touch(session.tokenHash, now);
    return toSessionUser(user);
  }

  /** After a sign-in: the user's last sign-in time and the session's user agent. */
  async recordSignIn(userId: string, token: string, userAgent: string | undefined): Promise<void> {
    await this.users.update(userId, { lastSignInAt: new Date().toISOString() });
    if (userAgent) await this.sessions.setUserAgent(sha256(token), userAgent.slice(0, 300));
  }

  /** A new session for a user who proved who they are another way (a one-time link, single sign-on). */
  async openSession(user: UserEntity, userAgent: string | undefined): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000);
    await this.sessions.insert({ tokenHash: sha256(token), userId: user.id, expiresAt: expiresAt.toISOString(), createdAt: now.toISOString() });
    await this.recordSignIn(user.id, token, userAgent);
    return { token, user: toSessionUser(user), expiresAt };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete(sha256(token));
  }

  /** Stores a write key (hashed). `key` may be given (bootstrap) or is generated; returned once. Audited when an admin (`actor`) made it. */
  async createWriteKey(spec: WriteKeyCreate, key = newToken('hp_wk_'), actor?: SessionUser): Promise<{ id: string; key: string }> {
    const id = randomUUID();
    await this.writeKeys.insert({
      id,
      name: spec.name,
      keyHash: sha256(key),
      prefix: key.slice(0, 10),
      scope: 'write',
      scopes: [...spec.scopes],
      browser: spec.browser,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    });
    if (actor) await this.audit.record({ actor: actor.email, action: 'write_key.create', target: `write_key:${id}`, details: { name: spec.name, scopes: spec.scopes, browser: spec.browser } });
    return { id, key };
  }

  async listWriteKeys(): Promise<WriteKeyDto[]> {
    const rows = await this.writeKeys.list();
    return rows.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, browser: k.browser, created_at: k.createdAt, revoked_at: k.revokedAt, last_used_at: k.lastUsedAt, allowed_origins: k.allowedOrigins }));
  }

  /**
   * Sets the web origins a browser key may send from; null when there is no such key. Takes effect
   * at once in this process, within a minute in others (their key cache). Audited.
   */
  async updateWriteKey(id: string, patch: WriteKeyUpdate, actor: SessionUser): Promise<WriteKeyDto | null> {
    const key = await this.writeKeys.find(id);
    if (!key) return null;
    const origins = [...new Set(patch.allowed_origins)];
    if (!key.browser && origins.length > 0) throw new InvalidInputError([`allowed_origins: ${SERVER_KEY_ORIGINS}`]);
    await this.writeKeys.setAllowedOrigins(id, origins);
    await this.audit.record({ actor: actor.email, action: 'write_key.update', target: `write_key:${id}`, details: { name: key.name, allowed_origins: origins } });
    this.keyCache.delete(key.keyHash);
    this.originsCache = null;
    return (await this.listWriteKeys()).find((k) => k.id === id) ?? null;
  }

  /** Whether some active browser key allows `origin` (a CORS preflight carries no key to ask). */
  async isBrowserOrigin(origin: string): Promise<boolean> {
    const now = Date.now();
    if (!this.originsCache || this.originsCache.until <= now) {
      const origins = this.writeKeys.browserOrigins().then((list) => new Set(list));
      this.originsCache = { origins, until: now + 60_000 };
      origins.catch(() => (this.originsCache = null));
    }
    return (await this.originsCache.origins).has(origin);
  }

  /** Revokes a key at once in this process; other API processes stop accepting it within a minute (their cache). */
  async revokeWriteKey(id: string, actor: SessionUser): Promise<boolean> {
    const key = await this.writeKeys.find(id);
    if (!key) return false;
    if (!key.revokedAt) {
      await this.writeKeys.revoke(id, new Date().toISOString());
      await this.audit.record({ actor: actor.email, action: 'write_key.revoke', target: `write_key:${id}`, details: { name: key.name } });
    }
    this.keyCache.delete(key.keyHash);
    this.originsCache = null;
    return true;
  }

  async countWriteKeys(): Promise<number> {
    return this.writeKeys.count();
  }

  /** The key behind an `Authorization: Bearer <write key>` header, or a 401 saying what is wrong. */
  async authenticateWriteKey(authorization: string | undefined): Promise<WriteKeyPrincipal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedException('Authorization: missing; send "Authorization: Bearer <write key>"');
    const key = await this.writeKey(match[1]);
    if (!key) throw new UnauthorizedException('Authorization: unknown or revoked write key');
    this.keyUsage.used(key.id);
    return key;
  }

  /** A valid, unrevoked write key, else null. */
  async writeKey(key: string): Promise<WriteKeyPrincipal | null> {
    const hash = sha256(key);
    const now = Date.now();
    const cached = this.keyCache.get(hash);
    if (cached && cached.until > now) return cached.key;
    const row = await this.writeKeys.findByHash(hash);
    const found = row && !row.revokedAt ? { id: row.id, scopes: row.scopes, browser: row.browser, origins: row.allowedOrigins } : null;
    if (row && found) this.keyUsage.known(row.id, row.lastUsedAt);
    if (this.keyCache.size > 10_000) this.keyCache.clear();
    this.keyCache.set(hash, { key: found, until: now + 60_000 });
    return found;
  }

  /** Lets a last-use write under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await this.keyUsage.settle();
  }
}
