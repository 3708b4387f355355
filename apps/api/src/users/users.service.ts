import { ConflictException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  INVITE_KINDS,
  INVITE_LINK_PATH,
  type InviteAccept,
  type InviteCreate,
  type InviteCreatedDto,
  type InviteDto,
  type InviteKind,
  type InviteLinkDto,
  type SessionUser,
  type UserDto,
  type UserPatch,
} from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { AuditLogRepository, InvitesRepository, SessionsRepository, UsersRepository, type InviteEntity, type UserEntity } from '@hubpulse/database';
import { AuthService } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors';
import { checkPassword, hashPassword, newToken, sha256 } from '../auth/password';
import { MailerService } from './mailer.service';

/** An invited user has no password yet and has never signed in (SSO users sign in without one). */
export function toUserDto(u: UserEntity): UserDto {
  const status = !u.active ? 'deactivated' : u.passwordHash === '' && !u.lastSignInAt ? 'invited' : 'active';
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, status, last_sign_in_at: u.lastSignInAt, created_at: u.createdAt };
}

const LAST_ADMIN = 'this is the last active admin: make another user admin first, or nobody could manage users';

/** People & access: invites, roles, deactivation, one-time links (invite, password reset); audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly invites: InvitesRepository,
    private readonly audit: AuditLogRepository,
    private readonly auth: AuthService,
    private readonly mailer: MailerService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  /** A new user (or a fresh link for one already invited who has not joined yet) and the link to join. */
  async invite(input: InviteCreate, actor: SessionUser): Promise<InviteCreatedDto> {
    let user = await this.users.findByEmail(input.email);
    if (user && toUserDto(user).status !== 'invited') throw new ConflictException(`email: ${input.email} already has an account`);
    const name = input.name ?? input.email.split('@')[0];
    if (user) {
      await this.users.update(user.id, { role: input.role, name });
      user = { ...user, role: input.role, name };
    } else {
      user = { id: randomUUID(), email: input.email, name, role: input.role, passwordHash: '', createdAt: new Date().toISOString(), active: true, lastSignInAt: null };
      await this.users.insert(user);
    }
    const invite = await this.issueLink(user, 'invite', actor);
    await this.audit.record({ actor: actor.email, action: 'user.invite', target: `user:${user.id}`, details: { email: user.email, role: user.role, sent_by_mail: invite.sent_by_mail } });
    return { user: toUserDto(user), invite };
  }

  /** Role and/or active; never leaves the organisation without an active admin. Deactivating ends every session. */
  async patch(id: string, patch: UserPatch, actor: SessionUser): Promise<UserDto> {
    const user = await this.userOr404(id);
    const changes: Partial<Pick<UserEntity, 'role' | 'active'>> = {};
    if (patch.role !== undefined && patch.role !== user.role) changes.role = patch.role;
    if (patch.active !== undefined && patch.active !== user.active) changes.active = patch.active;
    if (Object.keys(changes).length && !(await this.users.updateKeepingAnAdmin(id, changes))) {
      throw new ConflictException(`${changes.active === false ? 'active' : 'role'}: ${LAST_ADMIN}`);
    }
    if (changes.active === false) {
      // Signed out everywhere at once; open links stop working (reactivated users get new ones).
      await this.sessions.deleteByUser(id);
      for (const kind of INVITE_KINDS) await this.invites.retireUnused(id, kind, new Date().toISOString());
    }
    const target = `user:${id}`;
    if (changes.role) await this.audit.record({ actor: actor.email, action: 'user.role.change', target, details: { email: user.email, from: user.role, to: changes.role } });
    if (changes.active !== undefined) await this.audit.record({ actor: actor.email, action: changes.active ? 'user.activate' : 'user.deactivate', target, details: { email: user.email } });
    return toUserDto({ ...user, ...changes });
  }

  /** A one-time link to choose a new password; the old one keeps working until the link is used. */
  async passwordReset(id: string, actor: SessionUser): Promise<InviteLinkDto> {
    const user = await this.userOr404(id);
    if (!user.active) throw new ConflictException(`id: ${user.email} is deactivated; activate the user first`);
    const link = await this.issueLink(user, 'reset', actor);
    await this.audit.record({ actor: actor.email, action: 'user.password.reset', target: `user:${id}`, details: { email: user.email, sent_by_mail: link.sent_by_mail } });
    return link;
  }

  /** What a link is for: 404 unknown, 410 used, expired or its user deactivated. */
  async linkInfo(token: string): Promise<InviteDto> {
    const { invite, user } = await this.usableLink(token);
    return { email: user.email, name: user.name, role: user.role, expires_at: invite.expiresAt, kind: invite.kind };
  }

  /** Uses the link once: sets the password (a reset ends every other session) and signs the user in. */
  async accept(token: string, input: InviteAccept, userAgent: string | undefined) {
    const { invite, user } = await this.usableLink(token);
    // Checked before the link is used up, so a refused password does not cost the link.
    const weak = checkPassword(input.password, { email: user.email, field: 'password' });
    if (weak.length) throw new InvalidInputError(weak);
    if (!(await this.invites.markUsed(invite.id, new Date().toISOString()))) throw new GoneException('token: this link was already used');
    const changes = { passwordHash: await hashPassword(input.password), ...(input.name ? { name: input.name } : {}) };
    await this.users.update(user.id, changes);
    if (invite.kind === 'reset') await this.sessions.deleteByUser(user.id);
    await this.audit.record({ actor: user.email, action: invite.kind === 'reset' ? 'user.password.reset.use' : 'user.invite.accept', target: `user:${user.id}`, details: { email: user.email, role: user.role } });
    return this.auth.openSession({ ...user, ...changes }, userAgent);
  }

  private async usableLink(token: string): Promise<{ invite: InviteEntity; user: UserEntity }> {
    const invite = await this.invites.findByHash(sha256(token));
    const user = invite && (await this.users.find(invite.userId));
    if (!invite || !user) throw new NotFoundException('token: no such link; ask an admin for a new one');
    if (invite.usedAt) throw new GoneException('token: this link was already used; ask an admin for a new one');
    if (invite.expiresAt < new Date().toISOString()) throw new GoneException('token: this link has expired; ask an admin for a new one');
    if (!user.active) throw new GoneException('token: this account is deactivated');
    return { invite, user };
  }

  private async userOr404(id: string): Promise<UserEntity> {
    const user = await this.users.find(id);
    if (!user) throw new NotFoundException(`id: no user ${id}`);
    return user;
  }

  /** Stores a new link (its hash; older unused links of the kind stop working) and mails it when SMTP is set up. */
  private async issueLink(user: UserEntity, kind: InviteKind, actor: SessionUser): Promise<InviteLinkDto> {
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.inviteTtlHours * 3_600_000).toISOString();
    await this.invites.retireUnused(user.id, kind, now.toISOString());
    await this.invites.insert({ id: randomUUID(), tokenHash: sha256(token), kind, userId: user.id, expiresAt, usedAt: null, createdBy: actor.email, createdAt: now.toISOString() });
    const url = `${this.config.linkBaseUrl}${INVITE_LINK_PATH}${token}`;
    const sent = this.mailer.enabled && (await this.mailer.send(user.email, ...mailText(kind, url, expiresAt, actor)));
    return { url: sent ? null : url, expires_at: expiresAt, sent_by_mail: sent };
  }
}

function mailText(kind: InviteKind, url: string, expiresAt: string, actor: SessionUser): [string, string] {
  const until = `This link works once, until ${expiresAt.slice(0, 16).replace('T', ' ')} UTC.`;
  return kind === 'invite'
    ? ['You are invited to Hubpulse', `${actor.name} (${actor.email}) invited you to Hubpulse.\n\nChoose your password and sign in:\n${url}\n\n${until}\n`]
    : ['Choose a new Hubpulse password', `${actor.name} (${actor.email}) started a password reset for your Hubpulse account.\n\nChoose a new password:\n${url}\n\n${until} Your current password works until then.\n`];
}
