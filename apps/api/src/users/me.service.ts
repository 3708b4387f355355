import { Injectable, NotFoundException } from '@nestjs/common';
import type { OwnPasswordChange, SessionDto, SessionUser } from '@hubpulse/contracts';
import { AuditLogRepository, SessionsRepository, UsersRepository } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';
import { checkPassword, hashPassword, verifyPassword } from '../auth/password';

/** The signed-in user's own account: password and sessions. `currentHash` is the sha256 of this request's cookie. */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Needs the current password; every other session of the user ends. */
  async changePassword(me: SessionUser, currentHash: string, input: OwnPasswordChange): Promise<void> {
    const user = await this.users.find(me.id);
    if (!user || !(await verifyPassword(input.current_password, user.passwordHash))) throw new InvalidInputError(['current_password: is not your current password']);
    if (input.new_password === input.current_password) throw new InvalidInputError(['new_password: must differ from the current password']);
    const weak = checkPassword(input.new_password, { email: user.email, field: 'new_password' });
    if (weak.length) throw new InvalidInputError(weak);
    await this.users.update(me.id, { passwordHash: await hashPassword(input.new_password) });
    await this.sessions.deleteByUser(me.id, currentHash);
    await this.audit.record({ actor: me.email, action: 'user.password.change', target: `user:${me.id}`, details: {} });
  }

  async listSessions(me: SessionUser, currentHash: string): Promise<SessionDto[]> {
    const now = new Date().toISOString();
    return (await this.sessions.listByUser(me.id))
      .filter((s) => s.expiresAt >= now)
      .map((s) => ({ id: s.id, created_at: s.createdAt, last_seen_at: s.lastSeenAt, user_agent: s.userAgent, current: s.tokenHash === currentHash }));
  }

  async endSession(me: SessionUser, id: string): Promise<void> {
    if (!(await this.sessions.deleteById(me.id, id))) throw new NotFoundException(`id: you have no session ${id}`);
  }

  async endOtherSessions(me: SessionUser, currentHash: string): Promise<void> {
    await this.sessions.deleteByUser(me.id, currentHash);
  }
}
