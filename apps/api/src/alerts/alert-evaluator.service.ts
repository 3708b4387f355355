import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { GoalCardDto, PatternGroupBy, PurposeIndexPoint, PurposesResponse } from '@hubpulse/contracts';
import { PatternsRepository } from '@hubpulse/clickhouse';
import { AlertsRepository, type AlertEntity, type AlertStatePatch } from '@hubpulse/database';
import type { JobName, JobPayloads } from '@hubpulse/queue';
import { DeliveryService, type DeliveryFact, type DeliveryMessage } from '../delivery';
import { GoalsService } from '../goals/goals.service';
import { PatternsService } from '../patterns/patterns.service';
import { conditionText, readGoal, readIndex, type AlertReading, type AlertRule } from './alert-conditions';
import { alertLink, alertPage, machineOf, recipientIds, ruleOf, webhooksOf } from './alert-rows';
import { stepAlert, type AlertNotification } from './alert-state';

/** What one evaluation run read, each read at most once however many alerts need it. */
class Readings {
  private goals?: Promise<Map<string, GoalCardDto>>;
  private day?: Promise<string | null>;
  private purposes = new Map<PatternGroupBy, Promise<PurposesResponse | null>>();

  constructor(
    private readonly goalsService: GoalsService,
    private readonly patterns: PatternsService,
    private readonly patternsRepo: PatternsRepository,
  ) {}

  goal(id: string): Promise<GoalCardDto | undefined> {
    this.goals ??= this.goalsService.list().then((l) => new Map(l.goals.map((g) => [g.id, g])));
    return this.goals.then((m) => m.get(id));
  }

  /** The newest purpose day (the Strategy scorecard's), and the Engagement page's read of it for `by`. */
  async index(rule: AlertRule): Promise<{ day: string | null; point: PurposeIndexPoint | null }> {
    this.day ??= this.patternsRepo.lastPurposeDay();
    const day = await this.day;
    if (!day) return { day, point: null };
    const by = rule.groupBy ?? 'org';
    if (!this.purposes.has(by)) this.purposes.set(by, this.patterns.purposes({ from: day, to: day, by }));
    const res = await this.purposes.get(by)!;
    const groups = res?.indices.find((i) => i.purpose === rule.purpose)?.groups ?? [];
    const group = by === 'org' ? groups[0] : groups.find((g) => g.group === rule.group);
    return { day, point: group?.latest ?? null };
  }
}

/**
 * Evaluates alerts (the `alerts` queue, in the API processes): reads each rule's value through the
 * same services as the Strategy and Engagement pages (goal cards; purpose indices released by the
 * disclosure layer), steps the state machine (alert-state.ts), writes the new state with a
 * compare-and-set on the row's version, and only then delivers — so a repeated or concurrent
 * evaluation sends nothing twice.
 */
@Injectable()
export class AlertEvaluatorService {
  private readonly log = new Logger('Alerts');

  constructor(
    private readonly repo: AlertsRepository,
    private readonly goals: GoalsService,
    private readonly patterns: PatternsService,
    private readonly patternsRepo: PatternsRepository,
    private readonly delivery: DeliveryService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async run(job: JobPayloads[JobName.AlertsEvaluate]): Promise<{ evaluated: number; notified: number }> {
    const alerts = job.alertId
      ? [await this.repo.find(job.alertId)].filter((a): a is AlertEntity => !!a && a.enabled)
      : job.reason === 'kpi'
        ? await this.repo.enabled({ goalId: job.goalId })
        : job.reason === 'scores'
          ? await this.repo.enabled({ kinds: ['index'] })
          : await this.repo.enabled();
    const readings = new Readings(this.goals, this.patterns, this.patternsRepo);
    let notified = 0;
    for (const a of alerts) if (await this.evaluate(a, readings)) notified++;
    return { evaluated: alerts.length, notified };
  }

  /** One alert; true when it sent a notification. */
  private async evaluate(a: AlertEntity, readings: Readings): Promise<boolean> {
    const rule = ruleOf(a);
    const goal = rule.goalId ? await readings.goal(rule.goalId) : undefined;
    let reading: AlertReading;
    let asOf: string | null = null;
    if (rule.kind === 'index') {
      const { day, point } = await readings.index(rule);
      reading = readIndex(rule, point, day);
      asOf = day;
    } else {
      reading = readGoal(rule, goal);
      asOf = goal?.status.as_of ?? null;
    }
    const now = new Date();
    const before = machineOf(a);
    const step = stepAlert(before, { breached: reading.breached, valueKey: reading.valueKey, at: now.getTime() }, a.cooldownMinutes * 60_000);
    const at = now.toISOString();
    const patch: AlertStatePatch = { lastEvaluatedAt: at, lastValue: reading.valueText, lastReason: reading.reason };
    if (step.next !== before) {
      patch.state = step.next.state;
      patch.valueKey = step.next.valueKey;
      patch.lastFiredAt = step.next.lastFiredAt === null ? null : new Date(step.next.lastFiredAt).toISOString();
    }
    if (step.transition) patch.stateSince = at;
    if (step.notify) patch.lastNotifiedAt = at;
    const condition = conditionText(rule, goal?.name ?? null);
    const line =
      step.transition || step.notify
        ? {
            id: randomUUID(),
            alertId: a.id,
            at,
            fromState: before.state,
            toState: step.next.state,
            notification: step.notify,
            value: reading.valueText,
            detail: detailText(step.notify, reading, a.lastValue).slice(0, 300),
          }
        : null;
    if (!(await this.repo.writeState(a.id, a.version, patch, line))) {
      this.log.log(`alert ${a.id}: changed while it was evaluated; the newer evaluation decides`);
      return false;
    }
    if (!step.notify || !line) return false;
    const message = this.message(a, rule, step.notify, condition, reading, a.lastValue, asOf);
    const channels = [...recipientIds(a).map((userId) => ({ kind: 'email' as const, userId })), ...webhooksOf(a)];
    await this.delivery.deliver({ source: { kind: 'alert', id: a.id }, runKey: line.id, message, channels, needs: { pages: [alertPage(rule)] } });
    return true;
  }

  /** Every number in it is a released value (the reading's, or the one shown at the previous evaluation). */
  private message(a: AlertEntity, rule: AlertRule, notify: AlertNotification, condition: string, reading: AlertReading, previous: string | null, asOf: string | null): DeliveryMessage {
    const verb = notify === 'resolved' ? 'Resolved' : notify === 'changed' ? 'Changed' : 'Firing';
    const facts: DeliveryFact[] = [{ label: 'Condition', value: condition }];
    if (reading.valueText !== null) facts.push({ label: 'Now', value: reading.valueText });
    if (previous !== null && previous !== reading.valueText) facts.push({ label: 'Before', value: previous });
    if (asOf) facts.push({ label: rule.kind === 'index' ? 'Day' : 'Latest KPI month', value: asOf });
    const summary =
      notify === 'resolved'
        ? [`The condition no longer holds: ${condition}.`]
        : notify === 'changed'
          ? [`Still firing, with a new value: ${reading.valueText}.`]
          : [`The condition now holds: ${condition}.`];
    return {
      subject: `${verb}: ${a.name}`,
      summary,
      facts,
      link: { url: `${this.config.linkBaseUrl}${alertLink(rule)}`, label: 'Open in Hubpulse' },
      notes: [`Alert "${a.name}": fires again at most once every ${a.cooldownMinutes / 60} h. Reports → Alerts lists its history.`],
    };
  }
}

function detailText(notify: AlertNotification | null, reading: AlertReading, previous: string | null): string {
  const was = previous !== null && previous !== reading.valueText ? ` (was ${previous})` : '';
  const now = reading.valueText ?? reading.reason ?? '';
  return notify === 'resolved' ? `resolved at ${now}${was}` : notify === 'changed' ? `changed to ${now}${was}` : `fired at ${now}${was}`;
}
