import type { AlertDto, AlertHistoryDto, AlertOptionsDto } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

// Alerts (issue 14): rules on goals and purpose indices, their state and history.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/alerts/${encodeURIComponent(id)}`;

export const alertsQuery = {
  queryKey: queryKeys.alerts,
  queryFn: ({ signal }: Signal) => apiRequest<AlertDto[]>('/api/alerts', { signal }),
};

export const alertOptionsQuery = {
  queryKey: queryKeys.alertOptions,
  queryFn: ({ signal }: Signal) => apiRequest<AlertOptionsDto>('/api/alerts/options', { signal }),
};

export function alertHistoryQuery(id: string) {
  return { queryKey: queryKeys.alertHistory(id), queryFn: ({ signal }: Signal) => apiRequest<AlertHistoryDto>(`${base(id)}/history`, { signal }) };
}

/** The body is checked by the API (alertCreateSchema / alertUpdateSchema); a 400 names each field. */
export function saveAlert(id: string | null, body: Record<string, unknown>): Promise<AlertDto> {
  return id ? apiRequest<AlertDto>(base(id), { method: 'PATCH', body }) : apiRequest<AlertDto>('/api/alerts', { method: 'POST', body });
}

export function deleteAlert(id: string): Promise<void> {
  return apiRequest<void>(base(id), { method: 'DELETE' });
}
