import type { DeliveryDto, ScheduleCreate, ScheduleDto, ScheduleRecipientDto, ScheduleSendResultDto, ScheduleUpdate } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

// Scheduled reports (issue 14): saved views mailed and posted to webhooks at a local time.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/schedules/${encodeURIComponent(id)}`;

export const schedulesQuery = {
  queryKey: queryKeys.schedules,
  queryFn: ({ signal }: Signal) => apiRequest<ScheduleDto[]>('/api/schedules', { signal }),
};

export const scheduleRecipientsQuery = {
  queryKey: queryKeys.scheduleRecipients,
  queryFn: ({ signal }: Signal) => apiRequest<ScheduleRecipientDto[]>('/api/schedules/recipients', { signal }),
};

export function scheduleDeliveriesQuery(id: string) {
  return {
    queryKey: queryKeys.scheduleDeliveries(id),
    queryFn: ({ signal }: Signal) => apiRequest<DeliveryDto[]>(`${base(id)}/deliveries`, { signal }),
  };
}

export function createSchedule(body: Partial<ScheduleCreate>): Promise<ScheduleDto> {
  return apiRequest<ScheduleDto>('/api/schedules', { method: 'POST', body });
}

export function updateSchedule(id: string, body: Partial<ScheduleUpdate>): Promise<ScheduleDto> {
  return apiRequest<ScheduleDto>(base(id), { method: 'PATCH', body });
}

export function sendScheduleNow(id: string): Promise<ScheduleSendResultDto> {
  return apiRequest<ScheduleSendResultDto>(`${base(id)}/send`, { method: 'POST' });
}

export function deleteSchedule(id: string): Promise<void> {
  return apiRequest<void>(base(id), { method: 'DELETE' });
}
