import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A version of the engagement scoring model. Versions are kept; the newest active one is used. */
@Entity('scoring_models')
export class ScoringModelEntity {
  @PrimaryColumn('integer') version: number;
  /** Points per action type. */
  @Column('simple-json') weights: Record<string, number>;
  /** Days after which an action counts half. */
  @Column('double precision', { name: 'half_life_days' }) halfLifeDays: number;
  /** How far back actions are summed. */
  @Column('integer', { name: 'lookback_days' }) lookbackDays: number;
  @Column('varchar', { length: 200, nullable: true, name: 'created_by' }) createdBy: string | null;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
}
