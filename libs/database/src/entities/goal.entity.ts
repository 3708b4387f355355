import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoalMetric, TargetType } from '@hubpulse/contracts';

@Entity('goals')
export class GoalEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 30 }) metric: GoalMetric;
  /** organisation | department:<name> | location:<name> */
  @Column('varchar', { length: 200, default: 'organisation' }) scope: string;
  @Column('varchar', { length: 20 }) unit: string;
  @Column('double precision') baseline: number;
  @Column('double precision') target: number;
  @Column('varchar', { length: 20, name: 'target_type' }) targetType: TargetType;
  @Column('varchar', { length: 10, name: 'period_start' }) periodStart: string;
  @Column('varchar', { length: 10, name: 'period_end' }) periodEnd: string;
  @Column('varchar', { length: 200, nullable: true }) owner: string | null;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
}

/** One KPI value per goal and period, with who or what set it. */
@Entity('kpi_values')
export class KpiValueEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'goal_id' }) goalId: string;
  /** First day of the period, YYYY-MM-DD. */
  @PrimaryColumn('varchar', { length: 10 }) period: string;
  @Column('double precision') value: number;
  @Column('double precision', { nullable: true }) target: number | null;
  /** user:<id>, key:<id>, import:<file>, demo */
  @Column('varchar', { length: 200, name: 'set_by' }) setBy: string;
  @Column('varchar', { length: 30, name: 'set_at' }) setAt: string;
}
