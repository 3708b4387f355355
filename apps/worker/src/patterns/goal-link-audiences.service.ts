import { Injectable, type Provider } from '@nestjs/common';
import { SegmentMembershipRepository } from '@hubpulse/audiences';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { GoalsRepository, ProgrammesRepository } from '@hubpulse/database';
import { STRATEGY_AUDIENCE_SOURCE, type StrategyAudience, type StrategyAudienceSource } from './strategy-audience';

/**
 * The audiences linked to strategy goals, for the strategy purpose index: every goal link (a
 * segment, a programme's target segment, or a scope of departments / locations / the organisation),
 * and every programme whose planner set a goal (programmes.goal_id). Segments are resolved to their
 * current computed membership (person ids); an uncomputed segment has no members yet. Read through
 * the tables' owners: goal links (GoalsRepository), programmes (ProgrammesRepository), the
 * directory's departments (PeopleRepository) and memberships (SegmentMembershipRepository).
 */
@Injectable()
class GoalLinkAudiencesService implements StrategyAudienceSource {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly people: PeopleRepository,
    private readonly memberships: SegmentMembershipRepository,
  ) {}

  async audiences(): Promise<StrategyAudience[]> {
    const links = await this.goals.links(); // oldest first
    const programmes = await this.programmes.withGoalOr(links.flatMap((l) => l.programmeId ?? []));
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
          allDepartments ??= await this.people.departments();
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
      const members = new Map((await this.memberships.currentMembers([...bySegment.keys()])).map((m) => [m.id, m.members]));
      for (const [segmentId, a] of bySegment) a.person_ids = members.get(segmentId) ?? [];
    }
    return out;
  }
}

/** Registers the goal links as the strategy index's audiences (PatternComputeService injects the token optionally). */
export const GOAL_LINK_AUDIENCE_PROVIDERS: Provider[] = [{ provide: STRATEGY_AUDIENCE_SOURCE, useClass: GoalLinkAudiencesService }];
