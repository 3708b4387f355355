import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventType } from '@hubpulse/contracts';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '@hubpulse/analytics';
import { DATA_SOURCE, ScoringModelEntity } from '@hubpulse/database';

@Injectable()
export class ScoringModelRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** The newest model version; the default model is stored as version 1 on first use. */
  async current(): Promise<ScoringModel> {
    const repo = this.ds.getRepository(ScoringModelEntity);
    const [latest] = await repo.find({ order: { version: 'DESC' }, take: 1 });
    if (latest) {
      return {
        version: latest.version,
        weights: latest.weights as Record<EventType, number>,
        halfLifeDays: latest.halfLifeDays,
        lookbackDays: latest.lookbackDays,
      };
    }
    const d = DEFAULT_SCORING_MODEL;
    await repo
      .createQueryBuilder()
      .insert()
      .values({ version: d.version, weights: d.weights, halfLifeDays: d.halfLifeDays, lookbackDays: d.lookbackDays, createdBy: 'default', createdAt: new Date().toISOString() })
      .orIgnore()
      .execute();
    return d;
  }
}
