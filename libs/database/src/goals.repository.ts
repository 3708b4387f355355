import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { GoalSeed, KpiSource } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { GoalEntity, GoalLinkEntity, GoalMonthlyTargetEntity, KpiValueEntity, KpiValueHistoryEntity } from './entities';

/** The editable columns of a goal. */
export type GoalFields = Omit<GoalEntity, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;

/** A value to store: month, number and an optional note. */
export interface KpiWrite {
  period: string;
  value: number;
  note: string | null;
}

export interface KpiWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  rows: KpiValueEntity[];
}

/**
 * The goals table family of the relational store: `goals`, `goal_monthly_targets`, `kpi_values`
 * with `kpi_value_history`, and `goal_links`. Used by the API's Strategy area, the programmes'
 * goal check, the disclosure plan and the worker's strategy audiences.
 */
@Injectable()
export class GoalsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  // ── goals ──

  async createGoal(fields: GoalFields, targets: { period: string; target: number }[], by: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.ds.transaction(async (m) => {
      await m.getRepository(GoalEntity).insert({ ...fields, id, createdBy: by, createdAt: now, updatedAt: now });
      await this.replaceTargets(m, id, targets);
    });
    return id;
  }

  /** Updates a goal; `targets` (when given) replaces every monthly target. False when there is no such goal. */
  async updateGoal(id: string, fields: GoalFields, targets: { period: string; target: number }[] | undefined): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const res = await m.getRepository(GoalEntity).update({ id }, { ...fields, updatedAt: new Date().toISOString() });
      if (!res.affected) return false;
      if (targets) await this.replaceTargets(m, id, targets);
      return true;
    });
  }

  private async replaceTargets(m: EntityManager, goalId: string, targets: { period: string; target: number }[]): Promise<void> {
    await m.getRepository(GoalMonthlyTargetEntity).delete({ goalId });
    if (targets.length) await m.getRepository(GoalMonthlyTargetEntity).insert(targets.map((t) => ({ goalId, period: t.period, target: t.target })));
  }

  /** Deletes a goal with its values, history, targets and links (ON DELETE CASCADE); programmes keep existing, unlinked. */
  async deleteGoal(id: string): Promise<boolean> {
    const res = await this.ds.getRepository(GoalEntity).delete({ id });
    return !!res.affected;
  }

  findGoal(id: string): Promise<GoalEntity | null> {
    return this.ds.getRepository(GoalEntity).findOneBy({ id });
  }

  listGoals(): Promise<GoalEntity[]> {
    return this.ds.getRepository(GoalEntity).find({ order: { createdAt: 'ASC', name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.ds.getRepository(GoalEntity).count();
  }

  /** Whether a goal with this id exists (a programme's goal_id). */
  async goalExists(id: string): Promise<boolean> {
    return (await this.ds.getRepository(GoalEntity).countBy({ id })) > 0;
  }

  /** Monthly targets of the goals (all goals when `goalIds` is omitted), by period. */
  targets(goalIds?: string[]): Promise<GoalMonthlyTargetEntity[]> {
    return this.ds.getRepository(GoalMonthlyTargetEntity).find({ where: goalIds ? { goalId: In(goalIds) } : {}, order: { period: 'ASC' } });
  }

  // ── KPI values ──

  values(goalIds?: string[]): Promise<KpiValueEntity[]> {
    return this.ds.getRepository(KpiValueEntity).find({ where: goalIds ? { goalId: In(goalIds) } : {}, order: { period: 'ASC' } });
  }

  /**
   * Stores values in one transaction. A value that differs from the stored one (number or note)
   * replaces it and the old one goes to kpi_value_history; an identical one is left alone.
   */
  async writeValues(goalId: string, writes: KpiWrite[], source: KpiSource, by: string): Promise<KpiWriteResult> {
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(KpiValueEntity);
      const now = new Date().toISOString();
      const existing = new Map<string, KpiValueEntity>();
      const periods = [...new Set(writes.map((w) => w.period))];
      for (let i = 0; i < periods.length; i += 500) {
        for (const r of await repo.findBy({ goalId, period: In(periods.slice(i, i + 500)) })) existing.set(r.period, r);
      }
      const out: KpiWriteResult = { created: 0, updated: 0, unchanged: 0, rows: [] };
      for (const w of writes) {
        const old = existing.get(w.period);
        const row: KpiValueEntity = { goalId, period: w.period, value: w.value, source, setBy: by, setAt: now, note: w.note };
        if (old && old.value === w.value && (old.note ?? null) === (w.note ?? null)) {
          out.unchanged++;
          out.rows.push(old);
          continue;
        }
        if (old) {
          await this.keep(m, old, 'overwritten', by, now);
          await repo.update({ goalId, period: w.period }, { value: w.value, source, setBy: by, setAt: now, note: w.note });
          out.updated++;
        } else {
          await repo.insert(row);
          out.created++;
        }
        existing.set(w.period, row);
        out.rows.push(row);
      }
      return out;
    });
  }

  /** Deletes one value, keeping it in the history. False when there was none. */
  async deleteValue(goalId: string, period: string, by: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const old = await m.getRepository(KpiValueEntity).findOneBy({ goalId, period });
      if (!old) return false;
      await this.keep(m, old, 'deleted', by, new Date().toISOString());
      await m.getRepository(KpiValueEntity).delete({ goalId, period });
      return true;
    });
  }

  private async keep(m: EntityManager, old: KpiValueEntity, change: 'overwritten' | 'deleted', by: string, at: string): Promise<void> {
    await m.getRepository(KpiValueHistoryEntity).insert({
      id: randomUUID(), goalId: old.goalId, period: old.period, value: old.value, source: old.source, setBy: old.setBy, setAt: old.setAt,
      note: old.note, change, replacedBy: by, replacedAt: at,
    });
  }

  history(goalId: string): Promise<KpiValueHistoryEntity[]> {
    return this.ds.getRepository(KpiValueHistoryEntity).find({ where: { goalId }, order: { replacedAt: 'DESC', period: 'ASC' } });
  }

  historyCount(goalId: string): Promise<number> {
    return this.ds.getRepository(KpiValueHistoryEntity).countBy({ goalId });
  }

  // ── links ──

  links(goalIds?: string[]): Promise<GoalLinkEntity[]> {
    return this.ds.getRepository(GoalLinkEntity).find({ where: goalIds ? { goalId: In(goalIds) } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every goal link by id (the disclosure plan's order). */
  linksById(): Promise<GoalLinkEntity[]> {
    return this.ds.getRepository(GoalLinkEntity).find({ order: { id: 'ASC' } });
  }

  findLink(goalId: string, id: string): Promise<GoalLinkEntity | null> {
    return this.ds.getRepository(GoalLinkEntity).findOneBy({ goalId, id });
  }

  async createLink(link: Omit<GoalLinkEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<GoalLinkEntity> {
    const now = new Date().toISOString();
    const row: GoalLinkEntity = { ...link, id: randomUUID(), createdAt: now, updatedAt: now };
    await this.ds.getRepository(GoalLinkEntity).insert(row);
    return row;
  }

  async updateLink(goalId: string, id: string, changes: Partial<Pick<GoalLinkEntity, 'purpose' | 'hypothesis'>>): Promise<GoalLinkEntity | null> {
    const res = await this.ds.getRepository(GoalLinkEntity).update({ goalId, id }, { ...changes, updatedAt: new Date().toISOString() });
    return res.affected ? this.findLink(goalId, id) : null;
  }

  async deleteLink(goalId: string, id: string): Promise<boolean> {
    const res = await this.ds.getRepository(GoalLinkEntity).delete({ goalId, id });
    return !!res.affected;
  }

  // ── the demo seed ──

  /** A goal from the demo seed, with its values, monthly targets and scope links, in one transaction. */
  async create(seed: GoalSeed, setBy: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.ds.transaction(async (m) => {
      await m.getRepository(GoalEntity).insert({
        id, name: seed.name, metric: seed.metric, customMetricName: seed.custom_metric_name ?? null, scope: 'organisation', scopeValue: null,
        unitKind: seed.unit_kind ?? (/^[A-Z]{3}$/.test(seed.unit) ? 'currency' : 'unit'), unit: seed.unit, baseline: seed.baseline, target: seed.target,
        targetType: seed.target_type, periodStart: seed.period_start, periodEnd: seed.period_end, owner: seed.owner, createdBy: setBy, createdAt: now, updatedAt: now,
      });
      const source: KpiSource = setBy === 'demo' ? 'demo' : 'api';
      const values = seed.values.map((v) => ({ goalId: id, period: v.period, value: v.value, source, setBy, setAt: now, note: null }));
      for (let i = 0; i < values.length; i += 200) await m.getRepository(KpiValueEntity).insert(values.slice(i, i + 200));
      const targets = seed.values.filter((v) => v.target !== null && v.period >= seed.period_start && v.period <= seed.period_end);
      await this.replaceTargets(m, id, targets.map((v) => ({ period: v.period, target: v.target! })));
      for (const l of seed.links ?? []) {
        await m.getRepository(GoalLinkEntity).insert({
          id: randomUUID(), goalId: id, kind: 'scope', segmentId: null, programmeId: null, scope: l.scope, scopeValues: l.values, purpose: l.purpose,
          hypothesis: l.hypothesis, createdBy: setBy, createdAt: now, updatedAt: now,
        });
      }
    });
    return id;
  }
}
