import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import type { ProgrammeForecastDto } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { ProgrammeEntity } from './entities/programme.entity';

/** The editable columns of a programme (everything but identity, status and stamps). */
export type ProgrammeFields = Pick<
  ProgrammeEntity,
  'name' | 'segmentId' | 'grouping' | 'contentPurposes' | 'contentNotes' | 'channels' | 'tactic' | 'tacticNotes' | 'measureMetric' | 'measureTarget' | 'measureFrom' | 'measureTo' | 'goalId'
>;

/** Programmes in the relational store: drafts are edited, then launched once. */
@Injectable()
export class ProgrammesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ProgrammeEntity);
  }

  async create(fields: ProgrammeFields, by: string): Promise<ProgrammeEntity> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.repo.insert({ ...fields, id, status: 'draft', launchedAt: null, launchedBy: null, forecastAtLaunch: null, launchMembershipVersion: null, createdBy: by, createdAt: now, updatedAt: now });
    return (await this.find(id))!;
  }

  find(id: string): Promise<ProgrammeEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Newest first. */
  list(filter: { segmentId?: string; goalId?: string } = {}): Promise<ProgrammeEntity[]> {
    const where: { segmentId?: string; goalId?: string } = {};
    if (filter.segmentId) where.segmentId = filter.segmentId;
    if (filter.goalId) where.goalId = filter.goalId;
    return this.repo.find({ where, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Updates a draft; null when there is no draft with this id (missing or launched). */
  async updateDraft(id: string, fields: Partial<ProgrammeFields>): Promise<ProgrammeEntity | null> {
    const res = await this.repo.update({ id, status: 'draft' }, { ...fields, updatedAt: new Date().toISOString() });
    return res.affected ? this.find(id) : null;
  }

  /** Deletes a draft; false when there is no draft with this id. */
  async deleteDraft(id: string): Promise<boolean> {
    const res = await this.repo.delete({ id, status: 'draft' });
    return !!res.affected;
  }

  /** The programmes of `ids` (no order). */
  findMany(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  /** Every programme by id (the disclosure plan's order). */
  listById(): Promise<ProgrammeEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  /** Programmes whose planner set one of these goals as their goal (all with a goal when omitted), oldest first. */
  forGoals(goalIds?: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.repo.find({ where: { goalId: goalIds ? In([...goalIds]) : Not(IsNull()) }, order: { createdAt: 'ASC' } });
  }

  /** Programmes with a goal, and the programmes of `ids` (those goal links name); no order. */
  withGoalOr(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.repo.find({ where: [{ goalId: Not(IsNull()) }, ...(ids.length ? [{ id: In([...ids]) }] : [])] });
  }

  /** Membership versions that launched programmes pinned, per segment: the worker never prunes them. */
  async pinnedVersions(segmentIds: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (!segmentIds.length) return out;
    const rows = await this.repo.find({ where: { segmentId: In([...segmentIds]), status: 'launched' } });
    for (const r of rows) if (r.launchMembershipVersion !== null) out.set(r.segmentId, [...(out.get(r.segmentId) ?? []), Number(r.launchMembershipVersion)]);
    return out;
  }

  /**
   * Launches a draft, keeping the forecast and the target's membership version of that moment (`at`:
   * when, for the demo's past launch); null when there is no draft with this id.
   */
  async launch(
    id: string,
    by: string,
    forecast: ProgrammeForecastDto | null,
    membershipVersion: number | null,
    at = new Date().toISOString(),
  ): Promise<ProgrammeEntity | null> {
    const now = new Date().toISOString();
    const res = await this.repo.update(
      { id, status: 'draft' },
      { status: 'launched', launchedAt: at, launchedBy: by, forecastAtLaunch: forecast, launchMembershipVersion: membershipVersion, updatedAt: now },
    );
    return res.affected ? this.find(id) : null;
  }
}
