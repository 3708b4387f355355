import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { DATA_SOURCE, GoalLinkEntity, ProgrammeEntity } from '@hubpulse/database';

/**
 * What the strategy audiences are resolved from, besides memberships (SegmentMembershipRepository):
 * the goal links and programmes of the relational store, and the directory's departments (PeopleRepository).
 */
@Injectable()
export class GoalLinkAudiencesRepository {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly people: PeopleRepository,
  ) {}

  /** Every goal link, oldest first. */
  links(): Promise<GoalLinkEntity[]> {
    return this.ds.getRepository(GoalLinkEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Programmes with a goal, and the programmes of `ids` (those goal links name). */
  programmes(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.ds.getRepository(ProgrammeEntity).find({
      where: [{ goalId: Not(IsNull()) }, ...(ids.length ? [{ id: In([...ids]) }] : [])],
    });
  }

  /** Every department of the directory, the empty one included. */
  departments(): Promise<string[]> {
    return this.people.departments();
  }
}
