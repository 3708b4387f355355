import type { Role } from '@hubpulse/contracts';
import type { DeliveryChannelKind, DeliverySourceKind, DeliveryStatus } from '@hubpulse/database';
import type { MailAttachment } from '../users/mailer.service';

export type { MailAttachment };

/** A labelled figure ("Engagement index" → "41.2 %"); already through the disclosure layer. */
export interface DeliveryFact {
  label: string;
  value: string;
}

/**
 * One message, rendered per channel: a mail (HTML + text + attachments), a Slack or Teams card, or
 * plain JSON. Every number in it must already have left through the disclosure layer.
 */
export interface DeliveryMessage {
  subject: string;
  /** Lines of text under the subject (plain text; HTML-escaped in mail). */
  summary: readonly string[];
  facts?: readonly DeliveryFact[];
  /** Where to read more in Hubpulse (absolute URL). */
  link?: { url: string; label?: string };
  /** Files for mail (webhooks carry no files; their card says how many went by mail). */
  attachments?: readonly MailAttachment[];
  /** Notes shown small under the facts ("PDF skipped: no Chromium on this server"). */
  notes?: readonly string[];
  /** A richer HTML body for mail, replacing the one built from summary/facts/link (schedules use it). */
  html?: string;
}

/** Where one message goes: a Hubpulse user by id (mail to their address) or a webhook URL in a shape. */
export type DeliveryChannel = { kind: 'email'; userId: string } | { kind: 'slack' | 'teams' | 'webhook'; url: string };

/** What a recipient user must be allowed, checked against their current role and state before each send. */
export interface DeliveryNeeds {
  /** Dashboard paths (PAGE_ACCESS) the content shows; the user's role must open every one. */
  pages?: readonly string[];
  /** The roles the content was made for (e.g. exports made as an analyst); another role is skipped so nobody gets more, or less, than their role. */
  roles?: readonly Role[];
}

export interface DeliveryRequest {
  source: { kind: DeliverySourceKind; id: string };
  /** Groups the rows of one run (a schedule's scheduled time, an alert's firing); '' if none. */
  runKey?: string;
  message: DeliveryMessage;
  channels: readonly DeliveryChannel[];
  needs?: DeliveryNeeds;
}

/** The outcome per channel, as recorded. */
export interface DeliveryOutcome {
  id: string;
  channel: DeliveryChannelKind;
  userId: string | null;
  target: string;
  status: Exclude<DeliveryStatus, 'sending'>;
  attempts: number;
  error: string | null;
}

/** Retries and timeout (DELIVERY_POLICY); tests shorten the waits. */
export interface DeliveryPolicy {
  /** Attempts per channel, the first included. */
  attempts: number;
  /** Wait before retry n (1-based) = backoffMs × 4^(n-1), capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** One webhook request or SMTP conversation may take this long. */
  timeoutMs: number;
}

export const DELIVERY_POLICY = Symbol('DELIVERY_POLICY');
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { attempts: 3, backoffMs: 2000, maxBackoffMs: 30_000, timeoutMs: 15_000 };
