import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A version of the engagement scoring model. Versions are never edited; the newest one is used. */
@Entity('scoring_models')
export class ScoringModelEntity {
  @PrimaryColumn('integer') version: number;
  /** Points per action type. */
  @Column('simple-json') weights: Record<string, number>;
  /** Days after which an action of each type counts half. */
  @Column('simple-json', { name: 'half_lives', nullable: true }) halfLives: Record<string, number> | null;
  /** Most actions of a type counted per person per day (absent = no cap). */
  @Column('simple-json', { name: 'daily_caps', nullable: true }) dailyCaps: Record<string, number> | null;
  /** Kept for versions made before per-type half-lives; the fallback when `half_lives` lacks a type. */
  @Column('double precision', { name: 'half_life_days' }) halfLifeDays: number;
  /** How far back actions are summed. */
  @Column('integer', { name: 'lookback_days' }) lookbackDays: number;
  @Column('varchar', { length: 500, nullable: true }) note: string | null;
  @Column('varchar', { length: 200, nullable: true, name: 'created_by' }) createdBy: string | null;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
}
