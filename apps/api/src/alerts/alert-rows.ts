import type { AlertWebhookKind, GoalStatus } from '@hubpulse/contracts';
import type { AlertEntity } from '@hubpulse/database';
import type { AlertMachineState } from './alert-state';
import type { AlertRule } from './alert-conditions';

/** Stored webhooks: the URL is a secret (only its host leaves the server). */
export interface StoredWebhook {
  kind: AlertWebhookKind;
  url: string;
}

export const recipientIds = (a: AlertEntity): string[] => JSON.parse(a.recipients) as string[];
export const webhooksOf = (a: AlertEntity): StoredWebhook[] => JSON.parse(a.webhooks) as StoredWebhook[];

export function ruleOf(a: AlertEntity): AlertRule {
  return {
    kind: a.kind as AlertRule['kind'],
    goalId: a.goalId,
    statuses: a.statuses ? (a.statuses.split(',') as GoalStatus[]) : null,
    level: a.level,
    direction: a.direction as AlertRule['direction'],
    purpose: a.purpose as AlertRule['purpose'],
    groupBy: a.groupBy as AlertRule['groupBy'],
    group: a.groupValue,
  };
}

export function machineOf(a: AlertEntity): AlertMachineState {
  return { state: a.state as AlertMachineState['state'], valueKey: a.valueKey, lastFiredAt: a.lastFiredAt ? Date.parse(a.lastFiredAt) : null };
}

/** The dashboard page an alert is about: the goal's page, or Engagement → purposes (with the grouping). */
export function alertPage(rule: Pick<AlertRule, 'kind' | 'goalId'>): string {
  return rule.kind === 'index' ? '/engagement/purposes' : `/strategy/goals/${rule.goalId}`;
}

export function alertLink(rule: Pick<AlertRule, 'kind' | 'goalId' | 'groupBy'>): string {
  return rule.kind === 'index' && rule.groupBy && rule.groupBy !== 'org' ? `${alertPage(rule)}?by=${rule.groupBy}` : alertPage(rule);
}
