import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An alert rule with its current state (ok, firing, resolved): the Reports area's Alerts tab. */
@Entity('alerts')
export class AlertEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'owner_id' }) ownerId: string;
  @Column('varchar', { length: 120 }) name: string;
  /** goal_status | goal_probability | index */
  @Column('varchar', { length: 20 }) kind: string;
  @Column('varchar', { length: 36, name: 'goal_id', nullable: true }) goalId: string | null;
  /** goal_status: the statuses it fires on, comma-separated. */
  @Column('varchar', { length: 60, nullable: true }) statuses: string | null;
  @Column('double precision', { nullable: true }) level: number | null;
  @Column('varchar', { length: 10, nullable: true }) direction: string | null;
  @Column('varchar', { length: 20, nullable: true }) purpose: string | null;
  @Column('varchar', { length: 20, name: 'group_by', nullable: true }) groupBy: string | null;
  @Column('varchar', { length: 200, name: 'group_value', nullable: true }) groupValue: string | null;
  @Column('int', { name: 'cooldown_minutes' }) cooldownMinutes: number;
  /** JSON: the recipient users' ids. */
  @Column('text') recipients: string;
  /** JSON: [{ kind, url }]. The URLs are secrets: never returned by the API, only their hosts. */
  @Column('text') webhooks: string;
  @Column('boolean', { default: true }) enabled: boolean;
  /** ok | firing | resolved */
  @Column('varchar', { length: 10 }) state: string;
  @Column('varchar', { length: 30, name: 'state_since' }) stateSince: string;
  /** The value key the last notification described (a goal status; '' for thresholds). */
  @Column('varchar', { length: 40, name: 'value_key', nullable: true }) valueKey: string | null;
  @Column('varchar', { length: 30, name: 'last_fired_at', nullable: true }) lastFiredAt: string | null;
  @Column('varchar', { length: 30, name: 'last_notified_at', nullable: true }) lastNotifiedAt: string | null;
  @Column('varchar', { length: 30, name: 'last_evaluated_at', nullable: true }) lastEvaluatedAt: string | null;
  /** The value at the last evaluation, as released and shown (never a withheld number). */
  @Column('varchar', { length: 60, name: 'last_value', nullable: true }) lastValue: string | null;
  @Column('varchar', { length: 300, name: 'last_reason', nullable: true }) lastReason: string | null;
  /** Bumped by every state write: a write that finds another version lost a race and sends nothing. */
  @Column('int', { default: 0 }) version: number;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}

/** One line of an alert's history: a change of state, or a notification while firing. */
@Entity('alert_transitions')
export class AlertTransitionEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'alert_id' }) alertId: string;
  @Column('varchar', { length: 30 }) at: string;
  @Column('varchar', { length: 10, name: 'from_state' }) fromState: string;
  @Column('varchar', { length: 10, name: 'to_state' }) toState: string;
  /** firing | changed | resolved, or null when nothing was sent. */
  @Column('varchar', { length: 10, nullable: true }) notification: string | null;
  @Column('varchar', { length: 60, nullable: true }) value: string | null;
  @Column('varchar', { length: 300 }) detail: string;
}
