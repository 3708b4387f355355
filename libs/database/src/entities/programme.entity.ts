import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, EngagementTactic, ProgrammeForecastDto, ProgrammeGrouping, ProgrammeMetric, ProgrammeStatus, Purpose } from '@hubpulse/contracts';

/** A comms programme: the planner's six steps, from target segment to measure (programmes.types.ts). */
@Entity('programmes')
export class ProgrammeEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200 }) name: string;
  /** 1. who is targeted. */
  @Column('varchar', { length: 36, name: 'segment_id' }) segmentId: string;
  /** 2. how they are grouped. */
  @Column('varchar', { length: 20, name: 'group_by' }) grouping: ProgrammeGrouping;
  /** 3. what content. */
  @Column('simple-json', { name: 'content_purposes' }) contentPurposes: Purpose[];
  @Column('varchar', { length: 2000, name: 'content_notes', nullable: true }) contentNotes: string | null;
  /** 4. which channels. */
  @Column('simple-json') channels: Channel[];
  /** 5. how we engage. */
  @Column('varchar', { length: 30 }) tactic: EngagementTactic;
  @Column('varchar', { length: 2000, name: 'tactic_notes', nullable: true }) tacticNotes: string | null;
  /** 6. how effectiveness is measured: a metric and a target over a period. */
  @Column('varchar', { length: 30, name: 'measure_metric' }) measureMetric: ProgrammeMetric;
  @Column('double precision', { name: 'measure_target' }) measureTarget: number;
  @Column('varchar', { length: 10, name: 'measure_from' }) measureFrom: string;
  @Column('varchar', { length: 10, name: 'measure_to' }) measureTo: string;
  /** The strategy goal it serves (issue 6); set null if the goal is deleted. */
  @Column('varchar', { length: 36, name: 'goal_id', nullable: true }) goalId: string | null;
  @Column('varchar', { length: 10 }) status: ProgrammeStatus;
  @Column('varchar', { length: 30, name: 'launched_at', nullable: true }) launchedAt: string | null;
  @Column('varchar', { length: 200, name: 'launched_by', nullable: true }) launchedBy: string | null;
  /** The target segment's membership version at launch (null: it had none yet); kept from pruning. */
  @Column('double precision', { name: 'launch_membership_version', nullable: true }) launchMembershipVersion: number | null;
  /** The reach forecast as it stood at launch. */
  @Column('simple-json', { name: 'forecast_at_launch', nullable: true }) forecastAtLaunch: ProgrammeForecastDto | null;
  @Column('varchar', { length: 200, name: 'created_by' }) createdBy: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}
