import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { roleMayOpen, type SessionUser } from '@hubpulse/contracts';
import { SavedViewsRepository, SchedulesRepository, UsersRepository, type DeliveryEntity, type ScheduleEntity, type UserEntity } from '@hubpulse/database';
import { DeliveryService, type DeliveryChannel, type DeliveryOutcome } from '../delivery';
import { nextRun } from './next-run';
import { ScheduleContentService } from './schedule-content.service';

/** The scheduler's clock: tests drive it instead of waiting. */
@Injectable()
export class ScheduleClock {
  now(): Date {
    return new Date();
  }
}

/**
 * Runs due schedules. Every API process checks every HUBPULSE_SCHEDULE_TICK_SECONDS; a run is taken
 * by moving the schedule's next_run_at forward only if it still holds the due time (compare and set)
 * and by claiming the (schedule, scheduled time) row in schedule_runs, so two processes never send
 * the same run. A run reads the content as each recipient (their role, and their own disclosure
 * history, so each gets what they may see),
 * skips when its fingerprint equals the last sent one ("skipped: unchanged", unless sent now), and
 * delivers through DeliveryService, which re-checks each recipient's role and state before the send.
 */
@Injectable()
export class ScheduleRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Schedules');
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;

  constructor(
    private readonly repo: SchedulesRepository,
    private readonly views: SavedViewsRepository,
    private readonly users: UsersRepository,
    private readonly content: ScheduleContentService,
    private readonly delivery: DeliveryService,
    private readonly clock: ScheduleClock,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduleTickSeconds) return;
    this.timer = setInterval(() => void this.tick().catch((err: unknown) => this.log.error(`schedule check failed: ${String(err)}`)), this.config.scheduleTickSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs every schedule due at the clock's now; resolves with how many this process ran. One tick at a time per process. */
  tick(): Promise<number> {
    this.ticking ??= this.runDue().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async runDue(): Promise<number> {
    const now = this.clock.now();
    let ran = 0;
    for (const s of await this.repo.due(now.toISOString())) {
      const due = s.nextRunAt!;
      // from the later of the due time and now: a process that was down does not send every missed run
      const following = nextRun(s, new Date(Math.max(Date.parse(due), now.getTime()))).toISOString();
      if (!(await this.repo.advance(s.id, due, following))) continue;
      if (!(await this.repo.claimRun(s.id, due, now.toISOString()))) continue;
      try {
        await this.runOnce({ ...s, nextRunAt: following }, due, false);
        ran++;
      } catch (err) {
        this.log.error(`schedule ${s.id} run ${due} failed: ${err instanceof Error ? err.stack : String(err)}`);
        await this.repo.update(s.id, { lastRunAt: now.toISOString(), lastStatus: 'failed' });
      }
    }
    return ran;
  }

  /** One run: the content per recipient role, skipped when unchanged (unless `force`), delivered and recorded. Returns the run's history rows. */
  async runOnce(s: ScheduleEntity, runKey: string, force: boolean): Promise<DeliveryEntity[]> {
    const at = this.clock.now();
    const source = { kind: 'schedule' as const, id: s.id };
    const owner = await this.users.find(s.ownerId);
    const views = (await Promise.all(s.viewIds.map((id) => this.views.find(id)))).filter((v): v is NonNullable<typeof v> => !!v && (v.ownerId === s.ownerId || v.shared));
    const stop = !owner || !owner.active ? 'its owner is no longer an active user' : !views.length ? 'none of its saved views is left' : views.some((v) => !roleMayOpen(owner.role, v.path)) ? "its owner's role may no longer open its views" : null;
    if (stop) return this.skipAll(s, runKey, at, stop);
    const pages = views.map((v) => v.path);

    // readers: each active recipient whose role opens every page (the disclosure layer keeps each reader's own history); the owner for webhooks
    const recipients = await Promise.all(s.recipientIds.map((id) => this.users.find(id)));
    const eligible = recipients.filter((u): u is UserEntity => !!u && u.active && pages.every((p) => roleMayOpen(u.role, p)));
    const readers: { key: string; reader: SessionUser; user: UserEntity | null }[] = eligible.map((u) => ({ key: `user:${u.id}`, reader: session(u), user: u }));
    if (s.webhooks.length) readers.push({ key: 'webhooks', reader: session(owner!), user: null });
    const built = [];
    for (const r of readers) built.push({ ...r, content: await this.content.build(s, views, r.reader, { files: false, at }) });
    const fingerprint = createHash('sha256').update(JSON.stringify(built.map((b) => [b.key, b.content.fingerprint]).sort())).digest('hex');
    if (!force && built.length && fingerprint === s.lastFingerprint) return this.skipAll(s, runKey, at, 'unchanged since the last send', 'unchanged');

    const outcomes: DeliveryOutcome[] = [];
    for (const { reader, user, content } of built) {
      if (!user) {
        const channels: DeliveryChannel[] = s.webhooks.map((w) => ({ kind: w.kind, url: w.url }));
        outcomes.push(...(await this.delivery.deliver({ source, runKey, message: { ...content.message, attachments: [] }, channels })));
      } else {
        const message = s.attachments.length ? (await this.content.build(s, views, reader, { files: true, at })).message : content.message;
        outcomes.push(...(await this.delivery.deliver({ source, runKey, message, channels: [{ kind: 'email', userId: user.id }], needs: { pages, roles: [user.role] } })));
      }
    }
    // recipients who are gone, deactivated or may not open a page: recorded as skipped, with why
    const left = s.recipientIds.filter((id) => !eligible.some((u) => u.id === id));
    if (left.length) outcomes.push(...(await this.delivery.deliver({ source, runKey, message: { subject: s.name, summary: [] }, channels: left.map((userId) => ({ kind: 'email', userId })), needs: { pages } })));

    const sent = outcomes.filter((o) => o.status === 'sent').length;
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const status = failed === 0 && sent > 0 ? 'sent' : sent === 0 ? (failed ? 'failed' : 'skipped') : 'partial';
    await this.repo.update(s.id, { lastRunAt: at.toISOString(), lastStatus: status, ...(sent ? { lastFingerprint: fingerprint } : {}) });
    return (await this.delivery.history('schedule', s.id, 500)).filter((d) => d.runKey === runKey);
  }

  private async skipAll(s: ScheduleEntity, runKey: string, at: Date, reason: string, status = 'skipped'): Promise<DeliveryEntity[]> {
    await this.delivery.recordSkipped({ kind: 'schedule', id: s.id }, runKey, `skipped: ${reason}`);
    await this.repo.update(s.id, { lastRunAt: at.toISOString(), lastStatus: status });
    return (await this.delivery.history('schedule', s.id, 500)).filter((d) => d.runKey === runKey);
  }
}

function session(u: UserEntity): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role } as SessionUser;
}

