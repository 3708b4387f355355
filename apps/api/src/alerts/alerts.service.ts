import { InjectQueue } from '@nestjs/bullmq';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  ALERT_GOAL_ROLES,
  alertCreateSchema,
  pageFor,
  roleLabel,
  roleMayOpen,
  type AlertCreate,
  type AlertDto,
  type AlertHistoryDto,
  type AlertOptionsDto,
  type AlertUpdate,
  type Role,
  type SessionUser,
} from '@hubpulse/contracts';
import { PatternsRepository } from '@hubpulse/clickhouse';
import { AlertsRepository, DeliveriesRepository, GoalsRepository, UsersRepository, type AlertEntity } from '@hubpulse/database';
import { ALERT_JOB_OPTS, JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { InvalidInputError } from '../common/errors';
import { parseOr400 } from '../common/zod.pipe';
import { DeliveryService, webhookTarget } from '../delivery';
import { PatternsService } from '../patterns/patterns.service';
import { conditionText } from './alert-conditions';
import { alertPage, recipientIds, ruleOf, webhooksOf, type StoredWebhook } from './alert-rows';
import { INITIAL_ALERT_STATE } from './alert-state';

const HISTORY_MAX = 200;

/**
 * Alert rules (Reports → Alerts): admins, leaders and planners list every alert and create their own;
 * goal alerts are leadership's (admins and leaders), planners watch purpose indices. Recipients are
 * Hubpulse users whose role may open the alert's page — checked here and again before every send by
 * the delivery service. The owner or an admin changes and deletes an alert. A created or changed
 * alert is evaluated at once (alerts queue).
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly repo: AlertsRepository,
    private readonly goals: GoalsRepository,
    private readonly users: UsersRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly delivery: DeliveryService,
    private readonly patterns: PatternsService,
    private readonly patternsRepo: PatternsRepository,
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
  ) {}

  async list(user: SessionUser): Promise<AlertDto[]> {
    const [rows, names, users] = await Promise.all([this.repo.list(), this.goalNames(), this.userMap()]);
    return rows.map((a) => toDto(a, user, names, users));
  }

  async get(id: string, user: SessionUser): Promise<AlertDto> {
    const a = await this.found(id);
    return toDto(a, user, await this.goalNames(), await this.userMap());
  }

  async create(input: AlertCreate, user: SessionUser): Promise<AlertDto> {
    const fields = await this.checked(input, user);
    const now = new Date().toISOString();
    const id = randomUUID();
    await this.repo.insert({
      id,
      ownerId: user.id,
      ...fields,
      state: INITIAL_ALERT_STATE.state,
      stateSince: now,
      valueKey: null,
      lastFiredAt: null,
      lastNotifiedAt: null,
      lastEvaluatedAt: null,
      lastValue: null,
      lastReason: null,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.evaluateSoon(id);
    return this.get(id, user);
  }

  /** Merges the change into the stored rule and checks the result as a whole; `webhooks` replaces the list when given. */
  async update(id: string, change: AlertUpdate, user: SessionUser): Promise<AlertDto> {
    const a = await this.editable(id, user);
    const users = await this.userMap();
    const r = ruleOf(a);
    const merged = {
      name: a.name, kind: r.kind, goal_id: r.goalId, statuses: r.statuses, level: r.level, direction: r.direction, purpose: r.purpose,
      group_by: r.groupBy, group: r.group, cooldown_hours: a.cooldownMinutes / 60, enabled: a.enabled, webhooks: webhooksOf(a),
      recipients: recipientIds(a).flatMap((uid) => (users.has(uid) ? [users.get(uid)!.email] : [])),
      ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
    };
    // Fields of another kind are dropped when the kind changes without them.
    if (change.kind && change.kind !== r.kind) for (const f of ['goal_id', 'statuses', 'level', 'direction', 'purpose', 'group_by', 'group'] as const) if (change[f] === undefined) merged[f] = null;
    if (change.group_by === 'org' && change.group === undefined) merged.group = null;
    // stored webhooks are checked again only when the list changes (and before every post)
    const fields = await this.checked(parseOr400(alertCreateSchema, merged), user, new Set(recipientIds(a)), change.webhooks !== undefined);
    await this.repo.updateRule(id, { ...fields, updatedAt: new Date().toISOString() });
    await this.evaluateSoon(id);
    return this.get(id, user);
  }

  async remove(id: string, user: SessionUser): Promise<void> {
    await this.editable(id, user);
    await this.repo.delete(id);
    await this.deliveries.deleteBySource('alert', id);
  }

  async history(id: string): Promise<AlertHistoryDto> {
    await this.found(id);
    const [lines, sent] = await Promise.all([this.repo.history(id, HISTORY_MAX), this.delivery.history('alert', id, HISTORY_MAX)]);
    return {
      alert_id: id,
      transitions: lines.map((t) => ({ id: t.id, at: t.at, from: t.fromState as AlertDto['state'], to: t.toState as AlertDto['state'], notification: t.notification as AlertHistoryDto['transitions'][number]['notification'], value: t.value, detail: t.detail })),
      deliveries: sent.map((d) => ({ id: d.id, run_key: d.runKey, channel: d.channel, target: d.target, status: d.status, attempts: d.attempts, error: d.lastError, created_at: d.createdAt, finished_at: d.finishedAt })),
    };
  }

  /** What the create form picks from: the goals, and the departments and locations the Engagement page shows. */
  async options(user: SessionUser): Promise<AlertOptionsDto> {
    const [goals, day] = await Promise.all([this.goals.listGoals(), this.patternsRepo.lastPurposeDay()]);
    // the groups of the newest purpose day: the day index alerts read
    const groupsOf = async (by: 'department' | 'location') =>
      day ? [...new Set((await this.patterns.purposes({ by, from: day, to: day })).indices.flatMap((i) => i.groups.map((g) => g.group)))].sort() : [];
    const [department, location] = await Promise.all([groupsOf('department'), groupsOf('location')]);
    return { goals: goals.map((g) => ({ id: g.id, name: g.name })), groups: { department, location }, can_watch_goals: ALERT_GOAL_ROLES.includes(user.role as Role) };
  }

  private async evaluateSoon(alertId: string): Promise<void> {
    const data: JobPayloads[JobName.AlertsEvaluate] = { reason: 'rule', alertId };
    await this.queue.add(JobName.AlertsEvaluate, data, ALERT_JOB_OPTS);
  }

  /**
   * The stored fields of a valid rule: the caller may watch its kind, the goal exists, each new
   * recipient is an active user whose role may open its page. Recipients the alert already has
   * (`kept`) stay even when they may not receive now: each send checks them again and skips them
   * while they may not, and the owner can still edit the alert.
   */
  private async checked(input: AlertCreate, user: SessionUser, kept = new Set<string>(), newWebhooks = true): Promise<Omit<AlertEntity, 'id' | 'ownerId' | 'state' | 'stateSince' | 'valueKey' | 'lastFiredAt' | 'lastNotifiedAt' | 'lastEvaluatedAt' | 'lastValue' | 'lastReason' | 'version' | 'createdAt' | 'updatedAt'>> {
    if (input.kind !== 'index' && !ALERT_GOAL_ROLES.includes(user.role as Role)) {
      throw new ForbiddenException(`kind: alerts on goals are for ${ALERT_GOAL_ROLES.map(roleLabel).join(' or ')}; as ${roleLabel(user.role)} you may watch an engagement or purpose index`);
    }
    const problems: string[] = newWebhooks ? this.delivery.webhookProblems(input.webhooks) : [];
    if (input.goal_id && !(await this.goals.findGoal(input.goal_id))) problems.push(`goal_id: no goal ${input.goal_id}`);
    const page = alertPage({ kind: input.kind, goalId: input.goal_id });
    const ids: string[] = [];
    for (const [i, email] of input.recipients.entries()) {
      const u = await this.users.findByEmail(email);
      if (!u) problems.push(`recipients[${i}]: no Hubpulse user has the email ${email}`);
      else if (kept.has(u.id)) ids.push(u.id);
      else if (!u.active) problems.push(`recipients[${i}]: ${email} is deactivated`);
      else if (!roleMayOpen(u.role, page)) problems.push(`recipients[${i}]: ${email} is ${roleLabel(u.role)}, a role that may not open ${pageFor(page)?.label ?? page}`);
      else ids.push(u.id);
    }
    if (problems.length) throw new InvalidInputError(problems);
    const webhooks: StoredWebhook[] = input.webhooks.map((w) => ({ kind: w.kind, url: w.url }));
    return {
      name: input.name,
      kind: input.kind,
      goalId: input.goal_id,
      statuses: input.statuses?.join(',') ?? null,
      level: input.level,
      direction: input.direction,
      purpose: input.purpose,
      groupBy: input.group_by,
      groupValue: input.group_by && input.group_by !== 'org' ? input.group : null,
      cooldownMinutes: input.cooldown_hours * 60,
      recipients: JSON.stringify(ids),
      webhooks: JSON.stringify(webhooks),
      enabled: input.enabled,
    };
  }

  private async found(id: string): Promise<AlertEntity> {
    const a = await this.repo.find(id);
    if (!a) throw new NotFoundException(`id: no alert ${id}`);
    return a;
  }

  private async editable(id: string, user: SessionUser): Promise<AlertEntity> {
    const a = await this.found(id);
    if (a.ownerId !== user.id && user.role !== 'admin') throw new ForbiddenException(`Only its owner or an admin can change or delete the alert "${a.name}"`);
    return a;
  }

  private async goalNames(): Promise<Map<string, string>> {
    return new Map((await this.goals.listGoals()).map((g) => [g.id, g.name]));
  }

  private async userMap(): Promise<Map<string, { id: string; email: string; name: string }>> {
    return new Map((await this.users.list()).map((u) => [u.id, { id: u.id, email: u.email, name: u.name }]));
  }
}

function toDto(a: AlertEntity, user: SessionUser, goals: Map<string, string>, users: Map<string, { id: string; email: string; name: string }>): AlertDto {
  const r = ruleOf(a);
  const goalName = r.goalId ? (goals.get(r.goalId) ?? null) : null;
  return {
    id: a.id,
    name: a.name,
    kind: r.kind,
    goal_id: r.goalId,
    goal_name: goalName,
    statuses: r.statuses,
    level: r.level,
    direction: r.direction,
    purpose: r.purpose,
    group_by: r.groupBy,
    group: r.group,
    condition: conditionText(r, goalName),
    cooldown_hours: a.cooldownMinutes / 60,
    recipients: recipientIds(a).flatMap((id) => (users.has(id) ? [{ user_id: id, email: users.get(id)!.email, name: users.get(id)!.name }] : [])),
    webhooks: webhooksOf(a).map((w) => ({ kind: w.kind, target: webhookTarget(w.url) })),
    enabled: !!a.enabled,
    state: a.state as AlertDto['state'],
    state_since: a.stateSince,
    last_value: a.lastValue,
    last_reason: a.lastReason,
    last_evaluated_at: a.lastEvaluatedAt,
    last_notified_at: a.lastNotifiedAt,
    page: alertPage(r),
    owner: { id: a.ownerId, email: users.get(a.ownerId)?.email ?? 'a deleted user' },
    can_edit: a.ownerId === user.id || user.role === 'admin',
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}
