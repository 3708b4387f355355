/**
 * The hook for the strategy index: which audiences are linked to strategy goals. Goals arrive in a
 * later issue; until a provider for STRATEGY_AUDIENCE_SOURCE is registered, there are none and the
 * strategy index is reported as unavailable with STRATEGY_NO_AUDIENCE_REASON.
 */
export const STRATEGY_AUDIENCE_SOURCE = Symbol('STRATEGY_AUDIENCE_SOURCE');

/** An audience linked to one or more goals. A person belongs when any of the lists names them. */
export interface StrategyAudience {
  id: string;
  name: string;
  goal_ids: string[];
  departments?: string[];
  locations?: string[];
  person_ids?: string[];
}

export interface StrategyAudienceSource {
  audiences(): Promise<StrategyAudience[]>;
}

/** The union of the audiences as the SQL parameters of PURPOSE_PEOPLE_SQL. */
export function audienceParams(audiences: StrategyAudience[]): { aud_departments: string[]; aud_locations: string[]; aud_people: string[] } {
  const uniq = (xs: (string[] | undefined)[]) => [...new Set(xs.flatMap((x) => x ?? []))];
  return {
    aud_departments: uniq(audiences.map((a) => a.departments)),
    aud_locations: uniq(audiences.map((a) => a.locations)),
    aud_people: uniq(audiences.map((a) => a.person_ids)),
  };
}
