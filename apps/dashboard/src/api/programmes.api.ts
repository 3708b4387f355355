import type {
  ProgrammeCreateInput,
  ProgrammeDto,
  ProgrammeForecastDto,
  ProgrammeScorecardDto,
  ProgrammeUpdateInput,
} from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

// Comms programmes (issue 5): the planner's six steps, the forecast before launch, the scorecard after.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

export const programmesQuery = {
  queryKey: queryKeys.programmes,
  queryFn: ({ signal }: Signal) => apiRequest<ProgrammeDto[]>('/api/programmes', { signal }),
};

export function programmeQuery(id: string) {
  return {
    queryKey: queryKeys.programme(id),
    queryFn: ({ signal }: Signal) => apiRequest<ProgrammeDto>(base(id), { signal }),
  };
}

export function programmeForecastQuery(id: string) {
  return {
    queryKey: queryKeys.programmeForecast(id),
    queryFn: ({ signal }: Signal) => apiRequest<ProgrammeForecastDto>(`${base(id)}/forecast`, { signal }),
  };
}

export function programmeScorecardQuery(id: string) {
  return {
    queryKey: queryKeys.programmeScorecard(id),
    queryFn: ({ signal }: Signal) => apiRequest<ProgrammeScorecardDto>(`${base(id)}/scorecard`, { signal }),
  };
}

export function createProgramme(input: ProgrammeCreateInput): Promise<ProgrammeDto> {
  return apiRequest<ProgrammeDto>('/api/programmes', { method: 'POST', body: input });
}

/** Drafts only. */
export function updateProgramme(id: string, input: ProgrammeUpdateInput): Promise<ProgrammeDto> {
  return apiRequest<ProgrammeDto>(base(id), { method: 'PUT', body: input });
}

/** Keeps the forecast as it stands and starts the scorecard. */
export function launchProgramme(id: string): Promise<ProgrammeDto> {
  return apiRequest<ProgrammeDto>(`${base(id)}/launch`, { method: 'POST' });
}
