import { Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import {
  READ_TOKEN_PREFIX,
  type ReadTokenAdminDto,
  type ReadTokenCreate,
  type ReadTokenCreatedDto,
  type ReadTokenDto,
  type SessionUser,
} from '@hubpulse/contracts';
import { AuditLogRepository, ReadTokensRepository, UsersRepository, type ReadTokenEntity, type UserEntity } from '@hubpulse/database';
import { newToken, sha256 } from './password';

const DAY_MS = 86_400_000;
/** The audit entry of a use keeps this much of the path and of the query string. */
const PATH_MAX = 300;

const toSessionUser = (u: UserEntity): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

function toDto(t: ReadTokenEntity, now: string): ReadTokenDto {
  const status = t.revokedAt ? 'revoked' : t.expiresAt <= now ? 'expired' : 'active';
  return { id: t.id, name: t.name, prefix: t.prefix, created_at: t.createdAt, expires_at: t.expiresAt, last_used_at: t.lastUsedAt, revoked_at: t.revokedAt, status };
}

/** The token in an `Authorization: Bearer hp_rt_…` header, else null (a session, a write key or nothing). */
export function readTokenIn(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match && match[1].startsWith(READ_TOKEN_PREFIX) ? match[1] : null;
}

/** A request made with a read token: which token, acting as whom. */
export interface ReadTokenPrincipal {
  id: string;
  user: SessionUser;
}

/**
 * Personal read tokens: made by a signed-in user, shown once, stored hashed, listed and revoked by
 * their owner (and by admins). A token opens the GET routes its owner's role may read — the guard
 * decides which; this service says who a token is, re-reading the owner at every use so that a
 * deactivation or a role change applies to the next request. Every use is audited.
 */
@Injectable()
export class ReadTokensService {
  private readonly logger = new Logger('ReadTokens');

  constructor(
    private readonly tokens: ReadTokensRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async create(owner: SessionUser, spec: ReadTokenCreate): Promise<ReadTokenCreatedDto> {
    const token = newToken(READ_TOKEN_PREFIX);
    const now = new Date();
    const row = {
      id: randomUUID(),
      userId: owner.id,
      name: spec.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 12),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + spec.expires_in_days * DAY_MS).toISOString(),
    };
    await this.tokens.insert(row);
    await this.audit.record({ actor: owner.email, action: 'read_token.create', target: `read_token:${row.id}`, details: { name: row.name, expires_at: row.expiresAt } });
    const dto = toDto({ ...row, revokedAt: null, lastUsedAt: null }, row.createdAt);
    return { ...dto, token, note: 'Store this token now: it is not shown again.' };
  }

  async listOwn(owner: SessionUser): Promise<ReadTokenDto[]> {
    const now = new Date().toISOString();
    return (await this.tokens.listByUser(owner.id)).map((t) => toDto(t, now));
  }

  /** Every user's tokens with their owners (admins). */
  async listAll(): Promise<ReadTokenAdminDto[]> {
    const now = new Date().toISOString();
    const [tokens, users] = await Promise.all([this.tokens.list(), this.users.list()]);
    const byId = new Map(users.map((u) => [u.id, u]));
    return tokens.flatMap((t) => {
      const u = byId.get(t.userId);
      return u ? [{ ...toDto(t, now), owner: { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active } }] : [];
    });
  }

  /** Revokes one of the actor's own tokens (404 for anyone else's: theirs are not to be guessed at). */
  async revokeOwn(actor: SessionUser, id: string): Promise<void> {
    const token = await this.tokens.find(id);
    if (!token || token.userId !== actor.id) throw new NotFoundException(`id: you have no read token ${id}`);
    await this.revoke(actor, token);
  }

  /** Revokes anyone's token (admins). */
  async revokeAny(actor: SessionUser, id: string): Promise<void> {
    const token = await this.tokens.find(id);
    if (!token) throw new NotFoundException(`id: no read token ${id}`);
    await this.revoke(actor, token);
  }

  private async revoke(actor: SessionUser, token: ReadTokenEntity): Promise<void> {
    if (!(await this.tokens.revoke(token.id, new Date().toISOString()))) return; // already revoked: nothing changed
    const owner = token.userId === actor.id ? undefined : (await this.users.find(token.userId))?.email;
    await this.audit.record({ actor: actor.email, action: 'read_token.revoke', target: `read_token:${token.id}`, details: { name: token.name, ...(owner ? { owner } : {}) } });
  }

  /**
   * Who a read token acts as, or a 401 saying what is wrong. Once the token is known, the request is
   * audited when its answer is sent (`read_token.use`: method, path, status) — refusals included.
   */
  async authenticate(raw: string, req: { method: string; originalUrl: string }, res: Response): Promise<ReadTokenPrincipal> {
    const token = await this.tokens.findByHash(sha256(raw));
    if (!token) throw new UnauthorizedException('Authorization: unknown read token');
    const owner = await this.users.find(token.userId);
    this.auditUse(token.id, owner?.email ?? `user:${token.userId}`, req, res);
    const now = new Date().toISOString();
    if (token.revokedAt) throw new UnauthorizedException('Authorization: this read token was revoked');
    if (token.expiresAt <= now) throw new UnauthorizedException(`Authorization: this read token expired at ${token.expiresAt}; create a new one`);
    if (!owner?.active) throw new UnauthorizedException('Authorization: the owner of this read token is deactivated');
    // Last used, to the minute: one write a minute per token, not one per request.
    if (!token.lastUsedAt || token.lastUsedAt.slice(0, 16) < now.slice(0, 16)) await this.tokens.markUsed(token.id, now, now.slice(0, 16));
    return { id: token.id, user: toSessionUser(owner) };
  }

  private auditUse(id: string, actor: string, req: { method: string; originalUrl: string }, res: Response): void {
    const [path, query] = splitUrl(req.originalUrl);
    res.once('finish', () => {
      const details = { method: req.method, path, ...(query ? { query } : {}), status: res.statusCode };
      this.audit.record({ actor, action: 'read_token.use', target: `read_token:${id}`, details }).catch((err: unknown) => {
        this.logger.error(`could not write the audit entry of a read-token use ${JSON.stringify({ id, actor, details })}: ${(err as Error).message}`);
      });
    });
  }
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  return [path.slice(0, PATH_MAX), query.slice(0, PATH_MAX)];
}
