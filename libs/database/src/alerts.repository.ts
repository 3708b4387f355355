import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { AlertEntity, AlertTransitionEntity } from './entities/alert.entity';

/** The fields an evaluation writes: the state and what it saw. */
export type AlertStatePatch = Partial<Pick<AlertEntity, 'state' | 'stateSince' | 'valueKey' | 'lastFiredAt' | 'lastNotifiedAt' | 'lastEvaluatedAt' | 'lastValue' | 'lastReason'>>;
/** The fields an edit may change. */
export type AlertRulePatch = Partial<Omit<AlertEntity, 'id' | 'ownerId' | 'createdAt' | 'version' | keyof AlertStatePatch>>;

/** Alerts (`alerts`) and their history (`alert_transitions`). */
@Injectable()
export class AlertsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get alerts() {
    return this.ds.getRepository(AlertEntity);
  }

  private get transitions() {
    return this.ds.getRepository(AlertTransitionEntity);
  }

  list(): Promise<AlertEntity[]> {
    return this.alerts.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** Enabled alerts, optionally only those on one goal (after that goal's KPI write) or of some kinds. */
  enabled(filter: { goalId?: string; kinds?: readonly string[] } = {}): Promise<AlertEntity[]> {
    const qb = this.alerts.createQueryBuilder('a').where('a.enabled = :on', { on: true });
    if (filter.goalId) qb.andWhere('a.goal_id = :goalId', { goalId: filter.goalId });
    if (filter.kinds) qb.andWhere('a.kind IN (:...kinds)', { kinds: filter.kinds });
    return qb.orderBy('a.id', 'ASC').getMany();
  }

  find(id: string): Promise<AlertEntity | null> {
    return this.alerts.findOneBy({ id });
  }

  async insert(row: AlertEntity): Promise<void> {
    await this.alerts.insert(row);
  }

  /** An edit: bumps the version so that an evaluation running meanwhile does not write over it. */
  async updateRule(id: string, patch: AlertRulePatch & AlertStatePatch): Promise<void> {
    await this.alerts.createQueryBuilder().update(AlertEntity).set({ ...patch, version: () => 'version + 1' }).where('id = :id', { id }).execute();
  }

  /**
   * An evaluation's write, only if nobody wrote since it read the row (compare-and-set on version),
   * with its history line in the same transaction. False when it lost the race: it must send nothing.
   */
  async writeState(id: string, version: number, patch: AlertStatePatch, line: AlertTransitionEntity | null): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const res = await em.createQueryBuilder().update(AlertEntity).set({ ...patch, version: () => 'version + 1' }).where('id = :id AND version = :version', { id, version }).execute();
      if (!res.affected) return false;
      if (line) await em.getRepository(AlertTransitionEntity).insert(line);
      return true;
    });
  }

  history(alertId: string, limit: number): Promise<AlertTransitionEntity[]> {
    return this.transitions.find({ where: { alertId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }

  async delete(id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.getRepository(AlertTransitionEntity).delete({ alertId: id });
      await em.getRepository(AlertEntity).delete({ id });
    });
  }
}
