import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, EventType, Purpose } from '@hubpulse/contracts';

/** How a named SDK event (Segment track, PostHog capture) becomes a hub action; admins edit it. */
@Entity('event_mappings')
export class EventMappingEntity {
  @PrimaryColumn('varchar', { length: 20 }) source: 'segment' | 'posthog';
  @PrimaryColumn('varchar', { length: 200 }) event: string;
  @Column('varchar', { length: 20 }) type: EventType;
  @Column('varchar', { length: 20, nullable: true }) channel: Channel | null;
  @Column('varchar', { length: 20, nullable: true }) purpose: Purpose | null;
}
