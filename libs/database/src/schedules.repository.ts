import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { ScheduleEntity, ScheduleRunEntity } from './entities/schedule.entity';

export type SchedulePatch = Partial<Omit<ScheduleEntity, 'id' | 'ownerId' | 'createdAt'>>;

/** Scheduled reports (`schedules`) and their claimed runs (`schedule_runs`). */
@Injectable()
export class SchedulesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ScheduleEntity);
  }

  async insert(s: ScheduleEntity): Promise<void> {
    await this.repo.insert(s);
  }

  find(id: string): Promise<ScheduleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** A user's schedules, or everyone's (owner undefined), by name. */
  list(ownerId?: string): Promise<ScheduleEntity[]> {
    return this.repo.find({ where: ownerId ? { ownerId } : {}, order: { name: 'ASC', id: 'ASC' } });
  }

  /** Unpaused schedules whose next run is at or before `at`. */
  due(at: string): Promise<ScheduleEntity[]> {
    return this.repo.createQueryBuilder('s').where('s.paused = :paused', { paused: false }).andWhere('s.next_run_at IS NOT NULL').andWhere('s.next_run_at <= :at', { at }).orderBy('s.next_run_at', 'ASC').getMany();
  }

  async update(id: string, patch: SchedulePatch): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /** Moves the next run from `from` to `to` unless another process already did; true when this call did. */
  async advance(id: string, from: string, to: string | null): Promise<boolean> {
    const r = await this.repo.createQueryBuilder().update().set({ nextRunAt: to }).where('id = :id', { id }).andWhere('next_run_at = :from', { from }).execute();
    return (r.affected ?? 0) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  /** Claims a run; false when some process already claimed it (the primary key refuses a second row). */
  async claimRun(scheduleId: string, runKey: string, at: string): Promise<boolean> {
    const runs = this.ds.getRepository(ScheduleRunEntity);
    try {
      await runs.insert({ scheduleId, runKey, claimedAt: at });
      return true;
    } catch (err) {
      if (await runs.existsBy({ scheduleId, runKey })) return false;
      throw err;
    }
  }
}
