import type { Role } from './enums';
import type { ScheduleAttachment, ScheduleFrequency, ScheduleWebhookKind } from './schedules.schema';

/** A scheduled report as the API shows it; webhooks by host only (the path of an incoming webhook is its secret). */
export interface ScheduleDto {
  id: string;
  name: string;
  owner: { id: string; email: string };
  views: { id: string; name: string; page_label: string; missing: boolean }[];
  frequency: ScheduleFrequency;
  weekday: number | null;
  day_of_month: number | null;
  time: string;
  time_zone: string;
  recipients: { id: string; email: string; name: string; active: boolean }[];
  webhooks: { kind: ScheduleWebhookKind; host: string }[];
  attachments: ScheduleAttachment[];
  paused: boolean;
  /** When it runs next (UTC ISO); null while paused. */
  next_run_at: string | null;
  last_run_at: string | null;
  /** How the last run ended: sent, failed, skipped (unchanged) or partial; null before the first. */
  last_status: string | null;
  mine: boolean;
  created_at: string;
  updated_at: string;
}

/** One delivery of a schedule (or an alert): a mail to a user or a webhook post. */
export interface DeliveryDto {
  id: string;
  run: string;
  channel: 'email' | 'slack' | 'teams' | 'webhook' | 'none';
  target: string;
  status: 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** The answer of `POST /api/schedules/:id/send`. */
export interface ScheduleSendResultDto {
  run: string;
  deliveries: DeliveryDto[];
}

/** Someone a schedule may mail (`GET /api/schedules/recipients`). */
export interface ScheduleRecipientDto {
  id: string;
  name: string;
  email: string;
  role: Role;
}
