import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_TYPES, type EventType, type ScoringModelDto } from '@hubpulse/contracts';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from '@hubpulse/analytics';
import { DATA_SOURCE } from './data-source';
import { ScoringModelEntity } from './entities/scoring-model.entity';

/** Scoring model versions in the relational store: read by the workers, listed and extended by admins. */
@Injectable()
export class ScoringModelsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ScoringModelEntity);
  }

  /** The newest version; the default model is stored as version 1 on first use. */
  async current(): Promise<ScoringModel> {
    const [latest] = await this.repo.find({ order: { version: 'DESC' }, take: 1 });
    if (latest) return toModel(latest);
    const d = DEFAULT_SCORING_MODEL;
    await this.repo
      .createQueryBuilder()
      .insert()
      .values({ version: d.version, ...columns(d), createdBy: 'default', createdAt: new Date().toISOString() })
      .orIgnore()
      .execute();
    const [stored] = await this.repo.find({ order: { version: 'DESC' }, take: 1 });
    return toModel(stored);
  }

  async get(version: number): Promise<ScoringModel | null> {
    const row = await this.repo.findOneBy({ version });
    return row ? toModel(row) : null;
  }

  /** Every version, newest first. */
  async list(): Promise<ScoringModelDto[]> {
    await this.current();
    const rows = await this.repo.find({ order: { version: 'DESC' } });
    return rows.map(toDto);
  }

  /** Stores `model` as the next version (numbers are never reused; a clash on a race retries). */
  async create(model: Omit<ScoringModel, 'version'>, createdBy: string): Promise<ScoringModelDto> {
    await this.current();
    for (let attempt = 0; ; attempt++) {
      const [latest] = await this.repo.find({ order: { version: 'DESC' }, take: 1 });
      const version = (latest?.version ?? 0) + 1;
      try {
        await this.repo.insert({ version, ...columns(model), createdBy, createdAt: new Date().toISOString() });
        return toDto((await this.repo.findOneByOrFail({ version }))!);
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }
}

function columns(m: Omit<ScoringModel, 'version'>) {
  return {
    weights: m.weights,
    halfLives: m.halfLives,
    dailyCaps: m.dailyCaps as Record<string, number>,
    halfLifeDays: m.halfLives.view ?? 14,
    lookbackDays: m.lookbackDays,
    note: m.note ?? null,
  };
}

function toModel(e: ScoringModelEntity): ScoringModel {
  const halfLives = Object.fromEntries(EVENT_TYPES.map((t) => [t, Number(e.halfLives?.[t] ?? e.halfLifeDays)])) as Record<EventType, number>;
  const weights = Object.fromEntries(EVENT_TYPES.map((t) => [t, Number(e.weights[t] ?? 0)])) as Record<EventType, number>;
  const dailyCaps: Partial<Record<EventType, number>> = {};
  for (const t of EVENT_TYPES) if (e.dailyCaps?.[t] != null) dailyCaps[t] = Number(e.dailyCaps[t]);
  return { version: e.version, weights, halfLives, dailyCaps, lookbackDays: e.lookbackDays, note: e.note };
}

function toDto(e: ScoringModelEntity): ScoringModelDto {
  const m = toModel(e);
  return {
    version: m.version,
    weights: m.weights,
    half_lives: m.halfLives,
    daily_caps: m.dailyCaps,
    lookback_days: m.lookbackDays,
    note: m.note ?? null,
    created_by: e.createdBy,
    created_at: e.createdAt,
  };
}
