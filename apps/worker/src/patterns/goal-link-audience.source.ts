import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, GoalLinkEntity, ProgrammeEntity } from '@hubpulse/database';
import { STRATEGY_AUDIENCE_SOURCE, type StrategyAudience, type StrategyAudienceSource } from './strategy-audience.source';

/**
 * The audiences linked to strategy goals, for the strategy purpose index: every goal link (a
 * segment, a programme's target segment, or a scope of departments / locations / the organisation),
 * and every programme whose planner set a goal (programmes.goal_id). Segments are resolved to their
 * current computed membership (person ids); an uncomputed segment has no members yet.
 */
@Injectable()
export class GoalLinkAudienceSource implements StrategyAudienceSource {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly ch: ClickHouseService,
  ) {}

  async audiences(): Promise<StrategyAudience[]> {
    const links = await this.ds.getRepository(GoalLinkEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const linkedProgrammes = links.flatMap((l) => l.programmeId ?? []);
    const programmes = await this.ds.getRepository(ProgrammeEntity).find({
      where: [{ goalId: Not(IsNull()) }, ...(linkedProgrammes.length ? [{ id: In(linkedProgrammes) }] : [])],
    });
    const programmeById = new Map(programmes.map((p) => [p.id, p]));

    const out: StrategyAudience[] = [];
    const bySegment = new Map<string, StrategyAudience>();
    const segmentAudience = (segmentId: string, goalId: string, name: string) => {
      const a = bySegment.get(segmentId);
      if (a) {
        if (!a.goal_ids.includes(goalId)) a.goal_ids.push(goalId);
        return;
      }
      const audience: StrategyAudience = { id: `segment:${segmentId}`, name, goal_ids: [goalId], person_ids: [] };
      bySegment.set(segmentId, audience);
      out.push(audience);
    };

    let allDepartments: string[] | null = null;
    for (const l of links) {
      if (l.kind === 'scope') {
        if (l.scope === 'department') out.push({ id: `link:${l.id}`, name: `Departments ${l.scopeValues.join(', ')}`, goal_ids: [l.goalId], departments: l.scopeValues });
        else if (l.scope === 'location') out.push({ id: `link:${l.id}`, name: `Locations ${l.scopeValues.join(', ')}`, goal_ids: [l.goalId], locations: l.scopeValues });
        else {
          // The organisation: every department of the directory, the empty one included.
          allDepartments ??= await this.departments();
          out.push({ id: `link:${l.id}`, name: 'Organisation', goal_ids: [l.goalId], departments: allDepartments });
        }
      } else if (l.kind === 'segment' && l.segmentId) segmentAudience(l.segmentId, l.goalId, `Segment ${l.segmentId}`);
      else if (l.kind === 'programme' && l.programmeId) {
        const p = programmeById.get(l.programmeId);
        if (p) segmentAudience(p.segmentId, l.goalId, `Programme ${p.name}`);
      }
    }
    for (const p of programmes) if (p.goalId) segmentAudience(p.segmentId, p.goalId, `Programme ${p.name}`);

    if (bySegment.size) {
      const members = await this.members([...bySegment.keys()]);
      for (const [segmentId, a] of bySegment) a.person_ids = members.get(segmentId) ?? [];
    }
    return out;
  }

  private async departments(): Promise<string[]> {
    const rows = await this.ch.rows<{ d: string }>(`SELECT DISTINCT toString(department) AS d FROM ${this.ch.tables.people} FINAL`);
    return rows.map((r) => r.d);
  }

  /** Current (newest 'ok') membership of each segment. */
  private async members(segmentIds: string[]): Promise<Map<string, string[]>> {
    const t = this.ch.tables;
    const rows = await this.ch.rows<{ segment_id: string; people: string[] }>(
      `SELECT m.segment_id AS segment_id, groupArray(m.person_id) AS people
       FROM ${t.segment_members} AS m
       INNER JOIN (SELECT segment_id, max(version) AS version FROM ${t.segment_runs}
                   WHERE status = 'ok' AND segment_id IN {ids:Array(String)} GROUP BY segment_id) AS cur
         ON cur.segment_id = m.segment_id AND cur.version = m.version
       GROUP BY m.segment_id`,
      { ids: segmentIds },
    );
    return new Map(rows.map((r) => [r.segment_id, r.people]));
  }
}

/** Registers the goal links as the strategy index's audiences (PatternComputeService injects the token optionally). */
export const STRATEGY_AUDIENCE_PROVIDER = { provide: STRATEGY_AUDIENCE_SOURCE, useClass: GoalLinkAudienceSource };
