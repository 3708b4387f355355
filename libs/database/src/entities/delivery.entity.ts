import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What made a delivery: a scheduled report or an alert. */
export type DeliverySourceKind = 'schedule' | 'alert';
/** How it went out: a mail to a Hubpulse user, or a webhook in Slack, Teams or plain JSON shape; `none` records a send that was skipped as a whole (nothing changed). */
export type DeliveryChannelKind = 'email' | 'slack' | 'teams' | 'webhook' | 'none';
/** `sending` while attempts go on; then sent, failed (every attempt failed) or skipped (the recipient may not see it, or nothing changed). */
export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'skipped';

/** One delivery of one message to one channel: the history of schedules and alerts. */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 10, name: 'source_kind' }) sourceKind: DeliverySourceKind;
  @Column('varchar', { length: 36, name: 'source_id' }) sourceId: string;
  /** Which run of the source this belongs to (a schedule's scheduled time, "now:<time>" for Send now; an alert's firing), '' for none. */
  @Column('varchar', { length: 80, name: 'run_key', default: '' }) runKey: string;
  @Column('varchar', { length: 10 }) channel: DeliveryChannelKind;
  /** The recipient user for email; null for webhooks. */
  @Column('varchar', { length: 36, name: 'user_id', nullable: true }) userId: string | null;
  /** An email address, or a webhook's host only (its path is its secret and is never stored here). */
  @Column('varchar', { length: 320 }) target: string;
  @Column('varchar', { length: 10 }) status: DeliveryStatus;
  @Column('int', { default: 0 }) attempts: number;
  /** The last attempt's error, or why it was skipped; short, never a secret. */
  @Column('varchar', { length: 300, name: 'last_error', nullable: true }) lastError: string | null;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'finished_at', nullable: true }) finishedAt: string | null;
}
