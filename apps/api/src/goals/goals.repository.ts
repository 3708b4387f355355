import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { GoalSeed, GoalSummary } from '@hubpulse/contracts';
import { DATA_SOURCE, GoalEntity, KpiValueEntity } from '@hubpulse/database';

/** Share of the way from baseline to target; null without a value. */
export function goalProgress(baseline: number, target: number, latest: number | null): number | null {
  if (latest === null) return null;
  if (target === baseline) return latest >= target ? 1 : 0;
  return (latest - baseline) / (target - baseline);
}

@Injectable()
export class GoalsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(seed: GoalSeed, setBy: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.ds.transaction(async (m) => {
      await m.getRepository(GoalEntity).insert({
        id,
        name: seed.name,
        metric: seed.metric,
        scope: 'organisation',
        unit: seed.unit,
        baseline: seed.baseline,
        target: seed.target,
        targetType: seed.target_type,
        periodStart: seed.period_start,
        periodEnd: seed.period_end,
        owner: seed.owner,
        createdAt: now,
      });
      if (seed.values.length) {
        await m
          .getRepository(KpiValueEntity)
          .insert(seed.values.map((v) => ({ goalId: id, period: v.period, value: v.value, target: v.target, setBy, setAt: now })));
      }
    });
    return id;
  }

  async count(): Promise<number> {
    return this.ds.getRepository(GoalEntity).count();
  }

  async summaries(): Promise<GoalSummary[]> {
    const goals = await this.ds.getRepository(GoalEntity).find({ order: { createdAt: 'ASC', name: 'ASC' } });
    const values = await this.ds.getRepository(KpiValueEntity).find({ order: { period: 'ASC' } });
    return goals.map((g) => {
      const series = values.filter((v) => v.goalId === g.id).map((v) => ({ period: v.period, value: v.value, target: v.target }));
      const last = series.at(-1);
      return {
        id: g.id,
        name: g.name,
        metric: g.metric,
        unit: g.unit,
        baseline: g.baseline,
        target: g.target,
        target_type: g.targetType,
        period_start: g.periodStart,
        period_end: g.periodEnd,
        latest: last ? { period: last.period, value: last.value } : null,
        progress: goalProgress(g.baseline, g.target, last?.value ?? null),
        values: series,
      };
    });
  }
}
