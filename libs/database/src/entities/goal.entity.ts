import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoalLinkKind, GoalMetric, GoalScope, KpiSource, Purpose, TargetType, UnitKind } from '@hubpulse/contracts';

/** A strategy goal (strategy.types.ts): a metric, a scope, a baseline and a target over a period of whole months. */
@Entity('goals')
export class GoalEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 30 }) metric: GoalMetric;
  @Column('varchar', { length: 100, name: 'custom_metric_name', nullable: true }) customMetricName: string | null;
  @Column('varchar', { length: 200, default: 'organisation' }) scope: GoalScope;
  /** Department or location name; null for the organisation. */
  @Column('varchar', { length: 200, name: 'scope_value', nullable: true }) scopeValue: string | null;
  @Column('varchar', { length: 10, name: 'unit_kind', default: 'unit' }) unitKind: UnitKind;
  /** ISO 4217 code (currency) or a label (unit). */
  @Column('varchar', { length: 20 }) unit: string;
  @Column('double precision') baseline: number;
  @Column('double precision') target: number;
  @Column('varchar', { length: 20, name: 'target_type' }) targetType: TargetType;
  /** First day of the first month, YYYY-MM-DD. */
  @Column('varchar', { length: 10, name: 'period_start' }) periodStart: string;
  /** Last day of the last month, YYYY-MM-DD. */
  @Column('varchar', { length: 10, name: 'period_end' }) periodEnd: string;
  @Column('varchar', { length: 200, nullable: true }) owner: string | null;
  @Column('varchar', { length: 200, name: 'created_by', default: 'unknown' }) createdBy: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at', nullable: true }) updatedAt: string | null;
}

/** A goal's target for one month of its period; replaces the straight-line expectation there. */
@Entity('goal_monthly_targets')
export class GoalMonthlyTargetEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'goal_id' }) goalId: string;
  /** First day of the month, YYYY-MM-01. */
  @PrimaryColumn('varchar', { length: 10 }) period: string;
  @Column('double precision') target: number;
}

/** One KPI value per goal and month, with who or what set it. */
@Entity('kpi_values')
export class KpiValueEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'goal_id' }) goalId: string;
  /** First day of the month, YYYY-MM-01. */
  @PrimaryColumn('varchar', { length: 10 }) period: string;
  @Column('double precision') value: number;
  /** entry (typed in), api (bulk), import (CSV), demo. */
  @Column('varchar', { length: 10, default: 'api' }) source: KpiSource;
  /** The user's email, or "demo". */
  @Column('varchar', { length: 200, name: 'set_by' }) setBy: string;
  @Column('varchar', { length: 30, name: 'set_at' }) setAt: string;
  @Column('varchar', { length: 500, nullable: true }) note: string | null;
}

/** A KPI value that was overwritten or deleted, as it was, with who replaced it and when. Append-only. */
@Entity('kpi_value_history')
export class KpiValueHistoryEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'goal_id' }) goalId: string;
  @Column('varchar', { length: 10 }) period: string;
  @Column('double precision') value: number;
  @Column('varchar', { length: 10 }) source: KpiSource;
  @Column('varchar', { length: 200, name: 'set_by' }) setBy: string;
  @Column('varchar', { length: 30, name: 'set_at' }) setAt: string;
  @Column('varchar', { length: 500, nullable: true }) note: string | null;
  @Column('varchar', { length: 12 }) change: 'overwritten' | 'deleted';
  @Column('varchar', { length: 200, name: 'replaced_by' }) replacedBy: string;
  @Column('varchar', { length: 30, name: 'replaced_at' }) replacedAt: string;
}

/**
 * A contribution hypothesis: the engagement of an audience (a segment, a programme's target segment,
 * or a scope of departments / locations / the organisation) should move the goal.
 */
@Entity('goal_links')
export class GoalLinkEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'goal_id' }) goalId: string;
  @Column('varchar', { length: 10 }) kind: GoalLinkKind;
  @Column('varchar', { length: 36, name: 'segment_id', nullable: true }) segmentId: string | null;
  @Column('varchar', { length: 36, name: 'programme_id', nullable: true }) programmeId: string | null;
  @Column('varchar', { length: 20, nullable: true }) scope: GoalScope | null;
  /** Departments or locations of a scope link. */
  @Column('simple-json', { name: 'scope_values' }) scopeValues: string[];
  @Column('varchar', { length: 20, nullable: true }) purpose: Purpose | null;
  @Column('varchar', { length: 500 }) hypothesis: string;
  @Column('varchar', { length: 200, name: 'created_by' }) createdBy: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}
