import type {
  GoalCreateInput,
  GoalDetailDto,
  GoalLinkCreateInput,
  GoalLinkDto,
  GoalLinkUpdateInput,
  GoalListDto,
  GoalUpdateInput,
  KpiHistoryDto,
  KpiImportResultDto,
  KpiValueDto,
  KpiValuePutInput,
  LinkAnalysisDto,
  StrategyOverviewDto,
} from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

// Strategy goals (issue 6): goals, KPI values (one, CSV), value history, links and their analysis,
// and the Strategy landing page. Admins and leaders write; every role reads.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/goals/${encodeURIComponent(id)}`;

/** Goal cards, status counts and the five purposes scorecard with its department drill-down. */
export const strategyOverviewQuery = {
  queryKey: queryKeys.strategyOverview,
  queryFn: ({ signal }: Signal) => apiRequest<StrategyOverviewDto>('/api/strategy/overview', { signal }),
};

/** Every goal as a card (the Overview's goals panel). */
export const goalsQuery = {
  queryKey: queryKeys.goals,
  queryFn: ({ signal }: Signal) => apiRequest<GoalListDto>('/api/goals', { signal }),
};

export function goalQuery(id: string) {
  return {
    queryKey: queryKeys.goal(id),
    queryFn: ({ signal }: Signal) => apiRequest<GoalDetailDto>(base(id), { signal }),
  };
}

/** Overwritten and deleted values, newest change first. */
export function goalHistoryQuery(id: string) {
  return {
    queryKey: queryKeys.goalHistory(id),
    queryFn: ({ signal }: Signal) => apiRequest<KpiHistoryDto>(`${base(id)}/values/history`, { signal }),
  };
}

export function linkAnalysisQuery(goalId: string, linkId: string) {
  return {
    queryKey: queryKeys.linkAnalysis(goalId, linkId),
    queryFn: ({ signal }: Signal) => apiRequest<LinkAnalysisDto>(`${base(goalId)}/links/${encodeURIComponent(linkId)}/analysis`, { signal }),
  };
}

/** 400s name each bad field ("target: must be above baseline …"). */
export function createGoal(input: GoalCreateInput): Promise<GoalDetailDto> {
  return apiRequest<GoalDetailDto>('/api/goals', { method: 'POST', body: input });
}

export function updateGoal(id: string, input: GoalUpdateInput): Promise<GoalDetailDto> {
  return apiRequest<GoalDetailDto>(base(id), { method: 'PUT', body: input });
}

export function deleteGoal(id: string): Promise<void> {
  return apiRequest<void>(base(id), { method: 'DELETE' });
}

/** One month's value; the value it replaces goes to the history. `period` is YYYY-MM-01. */
export function putKpiValue(id: string, period: string, input: KpiValuePutInput): Promise<KpiValueDto> {
  return apiRequest<KpiValueDto>(`${base(id)}/values/${encodeURIComponent(period)}`, { method: 'PUT', body: input });
}

export function deleteKpiValue(id: string, period: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/values/${encodeURIComponent(period)}`, { method: 'DELETE' });
}

/**
 * A CSV file as the raw text/csv body: good rows are stored and bad ones come back by line and
 * column; a wrong header is a 400 and nothing is stored. The file's name goes into each value's note.
 */
export async function importKpiCsv(id: string, file: Blob & { name?: string }): Promise<KpiImportResultDto> {
  // Re-typed: browsers label CSV files variously (application/vnd.ms-excel, or nothing).
  const body = new Blob([await file.arrayBuffer()], { type: 'text/csv' });
  return apiRequest<KpiImportResultDto>(withQuery(`${base(id)}/values/import`, { filename: file.name }), { method: 'POST', body });
}

export function createGoalLink(goalId: string, input: GoalLinkCreateInput): Promise<GoalLinkDto> {
  return apiRequest<GoalLinkDto>(`${base(goalId)}/links`, { method: 'POST', body: input });
}

export function updateGoalLink(goalId: string, linkId: string, input: GoalLinkUpdateInput): Promise<GoalLinkDto> {
  return apiRequest<GoalLinkDto>(`${base(goalId)}/links/${encodeURIComponent(linkId)}`, { method: 'PUT', body: input });
}

export function deleteGoalLink(goalId: string, linkId: string): Promise<void> {
  return apiRequest<void>(`${base(goalId)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}
