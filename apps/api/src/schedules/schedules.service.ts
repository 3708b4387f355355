import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { pageFor, roleLabel, roleMayOpen, type DeliveryDto, type ScheduleCreate, type ScheduleDto, type ScheduleRecipientDto, type ScheduleSendResultDto, type ScheduleUpdate, type SessionUser } from '@hubpulse/contracts';
import { DeliveriesRepository, SavedViewsRepository, SchedulesRepository, UsersRepository, type DeliveryEntity, type ScheduleEntity, type UserEntity } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';
import { DeliveryService, webhookTarget } from '../delivery';
import { nextRun } from './next-run';
import { ScheduleClock, ScheduleRunner } from './schedule-runner.service';

const HISTORY_MAX = 200;

/**
 * Scheduled reports: any signed-in role schedules saved views it may open (its own, or shared ones
 * of pages its role opens) to active users whose roles open them too, and/or webhooks. The owner
 * changes, pauses, sends now and deletes; an admin sees and deletes every schedule. Recipients'
 * roles are checked again at every send (DeliveryService), so a lost role stops the mails.
 */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly repo: SchedulesRepository,
    private readonly views: SavedViewsRepository,
    private readonly users: UsersRepository,
    private readonly delivery: DeliveryService,
    private readonly deliveries: DeliveriesRepository,
    private readonly runner: ScheduleRunner,
    private readonly clock: ScheduleClock,
  ) {}

  async list(user: SessionUser): Promise<ScheduleDto[]> {
    const rows = await this.repo.list(user.role === 'admin' ? undefined : user.id);
    return Promise.all(rows.map((s) => this.toDto(s, user)));
  }

  /** Active users, by name: whom a schedule may mail. */
  async recipients(): Promise<ScheduleRecipientDto[]> {
    return (await this.users.list())
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }))
      .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
  }

  async get(id: string, user: SessionUser): Promise<ScheduleDto> {
    return this.toDto(await this.visible(id, user), user);
  }

  async create(input: ScheduleCreate, user: SessionUser): Promise<ScheduleDto> {
    await this.check(input.view_ids, input.recipient_ids, user, input.webhooks);
    const now = this.clock.now();
    const s: ScheduleEntity = {
      id: randomUUID(),
      ownerId: user.id,
      name: input.name,
      viewIds: input.view_ids,
      frequency: input.frequency,
      weekday: input.frequency === 'weekly' ? input.weekday : null,
      dayOfMonth: input.frequency === 'monthly' ? input.day_of_month : null,
      time: input.time,
      timeZone: input.time_zone,
      recipientIds: [...new Set(input.recipient_ids)],
      webhooks: input.webhooks,
      attachments: input.attachments,
      paused: input.paused,
      nextRunAt: null,
      lastRunAt: null,
      lastStatus: null,
      lastFingerprint: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    s.nextRunAt = s.paused ? null : nextRun(s, now).toISOString();
    await this.repo.insert(s);
    return this.toDto(s, user);
  }

  async update(id: string, input: ScheduleUpdate, user: SessionUser): Promise<ScheduleDto> {
    const s = await this.visible(id, user);
    if (s.ownerId !== user.id) throw new ForbiddenException(`Only its owner can change the schedule "${s.name}"`);
    const next: ScheduleEntity = {
      ...s,
      name: input.name ?? s.name,
      viewIds: input.view_ids ?? s.viewIds,
      frequency: input.frequency ?? s.frequency,
      weekday: input.weekday !== undefined ? input.weekday : s.weekday,
      dayOfMonth: input.day_of_month !== undefined ? input.day_of_month : s.dayOfMonth,
      time: input.time ?? s.time,
      timeZone: input.time_zone ?? s.timeZone,
      recipientIds: input.recipient_ids ? [...new Set(input.recipient_ids)] : s.recipientIds,
      webhooks: input.webhooks ?? s.webhooks,
      attachments: input.attachments ?? s.attachments,
      paused: input.paused ?? s.paused,
    };
    const problems: string[] = [];
    if (next.frequency === 'weekly' && next.weekday == null) problems.push('weekday: is required for a weekly schedule: 1 (Monday) to 7 (Sunday)');
    if (next.frequency === 'monthly' && next.dayOfMonth == null) problems.push('day_of_month: is required for a monthly schedule: 1 to 31');
    if (!next.recipientIds.length && !next.webhooks.length) problems.push('recipient_ids: give at least one recipient or webhook');
    // stored webhooks are checked again only when the list changes (and before every post)
    problems.push(...this.delivery.webhookProblems(input.webhooks ?? []));
    if (problems.length) throw new InvalidInputError(problems);
    if (input.view_ids || input.recipient_ids) await this.check(next.viewIds, next.recipientIds, user);
    const now = this.clock.now();
    next.nextRunAt = next.paused ? null : nextRun(next, now).toISOString();
    next.updatedAt = now.toISOString();
    const { id: _id, ownerId: _o, createdAt: _c, ...patch } = next;
    await this.repo.update(id, patch);
    return this.toDto(next, user);
  }

  async remove(id: string, user: SessionUser): Promise<void> {
    const s = await this.visible(id, user);
    if (s.ownerId !== user.id && user.role !== 'admin') throw new ForbiddenException(`Only its owner or an admin can delete the schedule "${s.name}"`);
    await this.repo.delete(id);
    await this.deliveries.deleteBySource('schedule', id);
  }

  /** Sends now, whether or not anything changed; the owner (or an admin) only. */
  async sendNow(id: string, user: SessionUser): Promise<ScheduleSendResultDto> {
    const s = await this.visible(id, user);
    if (s.ownerId !== user.id && user.role !== 'admin') throw new ForbiddenException(`Only its owner or an admin can send the schedule "${s.name}"`);
    const run = `now:${this.clock.now().toISOString()}`;
    const rows = await this.runner.runOnce(s, run, true);
    return { run, deliveries: rows.map(deliveryDto) };
  }

  async history(id: string, user: SessionUser): Promise<DeliveryDto[]> {
    await this.visible(id, user);
    return (await this.delivery.history('schedule', id, HISTORY_MAX)).map(deliveryDto);
  }

  /** The caller's schedule, or any for an admin; otherwise 404 (someone else's schedule is not revealed). */
  private async visible(id: string, user: SessionUser): Promise<ScheduleEntity> {
    const s = await this.repo.find(id);
    if (!s || (s.ownerId !== user.id && user.role !== 'admin')) throw new NotFoundException(`id: no schedule ${id}`);
    return s;
  }

  /** 400 naming each view the owner may not schedule, each recipient who may not receive them and each webhook address not allowed. */
  private async check(viewIds: readonly string[], recipientIds: readonly string[], user: SessionUser, webhooks: readonly { url: string }[] = []): Promise<void> {
    const problems: string[] = this.delivery.webhookProblems(webhooks);
    const paths: string[] = [];
    for (const [i, vid] of viewIds.entries()) {
      const v = await this.views.find(vid);
      if (!v || (v.ownerId !== user.id && !v.shared)) problems.push(`view_ids.${i}: no saved view ${vid} (deleted, or private to its owner)`);
      else if (!roleMayOpen(user.role, v.path)) problems.push(`view_ids.${i}: your role (${roleLabel(user.role)}) cannot open ${pageFor(v.path)?.label ?? v.path}`);
      else paths.push(v.path);
    }
    for (const [i, uid] of recipientIds.entries()) {
      const u = await this.users.find(uid);
      if (!u || !u.active) problems.push(`recipient_ids.${i}: no active user ${uid}`);
      else {
        const denied = paths.find((p) => !roleMayOpen(u.role, p));
        if (denied) problems.push(`recipient_ids.${i}: ${u.email} (${roleLabel(u.role)}) may not open ${pageFor(denied)?.label ?? denied}`);
      }
    }
    if (problems.length) throw new InvalidInputError(problems);
  }

  private async toDto(s: ScheduleEntity, user: SessionUser): Promise<ScheduleDto> {
    const [owner, views, recipients] = await Promise.all([
      this.users.find(s.ownerId),
      Promise.all(s.viewIds.map((id) => this.views.find(id))),
      Promise.all(s.recipientIds.map((id) => this.users.find(id))),
    ]);
    return {
      id: s.id,
      name: s.name,
      owner: { id: s.ownerId, email: owner?.email ?? '' },
      views: s.viewIds.map((id, i) => {
        const v = views[i];
        return v ? { id, name: v.name, page_label: pageFor(v.path)?.label ?? v.path, missing: false } : { id, name: '(deleted view)', page_label: '', missing: true };
      }),
      frequency: s.frequency,
      weekday: s.weekday,
      day_of_month: s.dayOfMonth,
      time: s.time,
      time_zone: s.timeZone,
      recipients: recipients.filter((u): u is UserEntity => !!u).map((u) => ({ id: u.id, email: u.email, name: u.name, active: !!u.active })),
      webhooks: s.webhooks.map((w) => ({ kind: w.kind, host: webhookTarget(w.url) })),
      attachments: s.attachments,
      paused: !!s.paused,
      next_run_at: s.nextRunAt,
      last_run_at: s.lastRunAt,
      last_status: s.lastStatus,
      mine: s.ownerId === user.id,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    };
  }
}

export function deliveryDto(d: DeliveryEntity): DeliveryDto {
  return { id: d.id, run: d.runKey, channel: d.channel, target: d.target, status: d.status, attempts: d.attempts, error: d.lastError, created_at: d.createdAt, finished_at: d.finishedAt };
}
