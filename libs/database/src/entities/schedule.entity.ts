import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A webhook of a schedule as stored: the full URL (its path is its secret; the API shows the host only). */
export interface StoredWebhook {
  kind: 'slack' | 'teams' | 'webhook';
  url: string;
}

/** A scheduled report: saved views delivered at a local time in a zone, to users and/or webhooks. */
@Entity('schedules')
export class ScheduleEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'owner_id' }) ownerId: string;
  @Column('varchar', { length: 120 }) name: string;
  @Column('simple-json', { name: 'view_ids' }) viewIds: string[];
  @Column('varchar', { length: 10 }) frequency: 'daily' | 'weekly' | 'monthly';
  @Column('int', { nullable: true }) weekday: number | null;
  @Column('int', { name: 'day_of_month', nullable: true }) dayOfMonth: number | null;
  /** HH:MM local. */
  @Column('varchar', { length: 5 }) time: string;
  @Column('varchar', { length: 64, name: 'time_zone' }) timeZone: string;
  @Column('simple-json', { name: 'recipient_ids' }) recipientIds: string[];
  @Column('simple-json') webhooks: StoredWebhook[];
  @Column('simple-json') attachments: ('csv' | 'xlsx' | 'pdf')[];
  @Column('boolean', { default: false }) paused: boolean;
  /** The next scheduled time (UTC ISO); null while paused. */
  @Column('varchar', { length: 30, name: 'next_run_at', nullable: true }) nextRunAt: string | null;
  @Column('varchar', { length: 30, name: 'last_run_at', nullable: true }) lastRunAt: string | null;
  @Column('varchar', { length: 20, name: 'last_status', nullable: true }) lastStatus: string | null;
  /** SHA-256 of the last content sent, to skip a run when nothing changed. */
  @Column('varchar', { length: 64, name: 'last_fingerprint', nullable: true }) lastFingerprint: string | null;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}

/** One claimed run of a schedule: the primary key makes a (schedule, scheduled time) run happen once across processes. */
@Entity('schedule_runs')
export class ScheduleRunEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'schedule_id' }) scheduleId: string;
  /** The scheduled time (UTC ISO), or `now:<time>` for Send now. */
  @PrimaryColumn('varchar', { length: 40, name: 'run_key' }) runKey: string;
  @Column('varchar', { length: 30, name: 'claimed_at' }) claimedAt: string;
}
