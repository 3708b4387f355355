import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HUBPULSE_CONFIG, webhookRefusal, type HubpulseConfig } from '@hubpulse/config';
import { pageFor, roleLabel, roleMayOpen } from '@hubpulse/contracts';
import { DeliveriesRepository, UsersRepository, type DeliveryChannelKind, type DeliveryEntity, type DeliverySourceKind } from '@hubpulse/database';
import { MailerService, smtpResponseCode } from '../users/mailer.service';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_POLICY, type DeliveryChannel, type DeliveryMessage, type DeliveryNeeds, type DeliveryOutcome, type DeliveryPolicy, type DeliveryRequest } from './delivery.types';
import { mailHtml, mailText } from './mail-body';
import { jsonBody, slackBody, teamsBody } from './webhook-bodies';

const ERROR_MAX = 300;

/** A failure not worth retrying (a 4xx from a webhook, a 5xx refusal from the mail server). */
class PermanentError extends Error {}

/**
 * Delivers one message to its channels, one after another, and records each in `deliveries`: mail to
 * Hubpulse users (their current role and state checked first), webhooks in Slack, Teams or JSON
 * shape. Each channel is tried up to `policy.attempts` times with growing waits; a channel's failure
 * never stops the others. Never throws for a channel's failure — the outcome says it.
 */
@Injectable()
export class DeliveryService {
  private readonly log = new Logger('Delivery');
  private readonly policy: DeliveryPolicy;

  constructor(
    private readonly repo: DeliveriesRepository,
    private readonly users: UsersRepository,
    private readonly mailer: MailerService,
    @Inject(HUBPULSE_CONFIG) private readonly config: Pick<HubpulseConfig, 'webhookHosts'>,
    @Optional() @Inject(DELIVERY_POLICY) policy?: DeliveryPolicy,
  ) {
    this.policy = policy ?? DEFAULT_DELIVERY_POLICY;
  }

  async deliver(req: DeliveryRequest): Promise<DeliveryOutcome[]> {
    const out: DeliveryOutcome[] = [];
    for (const channel of req.channels) out.push(channel.kind === 'email' ? await this.email(req, channel.userId) : await this.webhook(req, channel));
    return out;
  }

  /**
   * `webhooks.N.url: …` for each webhook whose address HUBPULSE_WEBHOOK_HOSTS does not allow (checked
   * when a schedule or alert is saved; again before every post, since the list may have changed).
   */
  webhookProblems(webhooks: readonly { url: string }[]): string[] {
    return webhooks.flatMap((w, i) => {
      const refusal = webhookRefusal(w.url, this.config.webhookHosts);
      return refusal ? [`webhooks.${i}.url: ${refusal}`] : [];
    });
  }

  /** Records a run that sent nothing at all (e.g. "skipped: unchanged"), so the history shows it. */
  async recordSkipped(source: { kind: DeliverySourceKind; id: string }, runKey: string, reason: string): Promise<void> {
    const now = new Date().toISOString();
    await this.repo.insert({ id: randomUUID(), sourceKind: source.kind, sourceId: source.id, runKey, channel: 'none', userId: null, target: '', status: 'skipped', attempts: 0, lastError: short(reason), createdAt: now, finishedAt: now });
  }

  /** A source's history, newest first. */
  history(sourceKind: DeliverySourceKind, sourceId: string, limit = 200): Promise<DeliveryEntity[]> {
    return this.repo.bySource(sourceKind, sourceId, limit);
  }

  private async email(req: DeliveryRequest, userId: string): Promise<DeliveryOutcome> {
    const u = await this.users.find(userId);
    const row = await this.start(req, 'email', userId, u?.email ?? `user ${userId}`);
    const refusal = !u ? 'the user no longer exists' : !u.active ? 'the user is deactivated' : this.refusal(u.role, req.needs);
    if (refusal) return this.finish(row, 'skipped', 0, refusal);
    const mail = { to: u!.email, subject: req.message.subject, text: mailText(req.message), html: mailHtml(req.message), attachments: req.message.attachments };
    return this.withRetries(row, async () => {
      if (!this.mailer.enabled) throw new PermanentError('no mail server is configured (HUBPULSE_SMTP_URL)');
      try {
        await withTimeout(this.mailer.sendMail(mail), this.policy.timeoutMs, 'the mail server');
      } catch (err) {
        const code = smtpResponseCode(err);
        throw code !== undefined && code >= 500 ? new PermanentError(message(err)) : err;
      }
    });
  }

  private async webhook(req: DeliveryRequest, channel: Extract<DeliveryChannel, { url: string }>): Promise<DeliveryOutcome> {
    const row = await this.start(req, channel.kind, null, webhookTarget(channel.url));
    const refusal = webhookRefusal(channel.url, this.config.webhookHosts);
    if (refusal) return this.finish(row, 'failed', 0, `not sent: ${refusal}`);
    const body = JSON.stringify(channel.kind === 'slack' ? slackBody(req.message) : channel.kind === 'teams' ? teamsBody(req.message) : jsonBody(req.message, req.source, req.runKey ?? ''));
    return this.withRetries(row, async () => {
      const res = await fetch(channel.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, redirect: 'error', signal: AbortSignal.timeout(this.policy.timeoutMs) });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return;
      const err = `the webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      throw res.status >= 500 || res.status === 429 || res.status === 408 ? new Error(err) : new PermanentError(err);
    });
  }

  /** Why a user with `role` may not receive content that `needs` this, or null. */
  private refusal(role: string, needs?: DeliveryNeeds): string | null {
    if (needs?.roles && !needs.roles.some((r) => r === role)) return `the content was made for ${needs.roles.map(roleLabel).join(' or ')}; the user is now ${roleLabel(role)}`;
    const denied = (needs?.pages ?? []).find((p) => !roleMayOpen(role, p));
    return denied ? `the role ${roleLabel(role)} may not open ${pageFor(denied)?.label ?? denied}` : null;
  }

  private async withRetries(row: DeliveryEntity, attempt: () => Promise<void>): Promise<DeliveryOutcome> {
    let last = '';
    for (let n = 1; n <= this.policy.attempts; n++) {
      try {
        await attempt();
        return this.finish(row, 'sent', n, null);
      } catch (err) {
        last = message(err);
        await this.repo.update(row.id, { attempts: n, lastError: short(last) });
        if (err instanceof PermanentError || n === this.policy.attempts) return this.finish(row, 'failed', n, last);
        await sleep(Math.min(this.policy.maxBackoffMs, this.policy.backoffMs * 4 ** (n - 1)));
      }
    }
    return this.finish(row, 'failed', this.policy.attempts, last);
  }

  private async start(req: DeliveryRequest, channel: DeliveryChannelKind, userId: string | null, target: string): Promise<DeliveryEntity> {
    const row: DeliveryEntity = { id: randomUUID(), sourceKind: req.source.kind, sourceId: req.source.id, runKey: req.runKey ?? '', channel, userId, target: target.slice(0, 320), status: 'sending', attempts: 0, lastError: null, createdAt: new Date().toISOString(), finishedAt: null };
    await this.repo.insert(row);
    return row;
  }

  private async finish(row: DeliveryEntity, status: DeliveryOutcome['status'], attempts: number, error: string | null): Promise<DeliveryOutcome> {
    await this.repo.update(row.id, { status, attempts, lastError: error === null ? null : short(error), finishedAt: new Date().toISOString() });
    if (status === 'failed') this.log.warn(`${row.sourceKind} ${row.sourceId}: ${row.channel} to ${row.target} failed after ${attempts} attempt(s): ${short(error ?? '')}`);
    return { id: row.id, channel: row.channel, userId: row.userId, target: row.target, status, attempts, error: error === null ? null : short(error) };
  }
}

/** A webhook as shown and stored: its host only — the path of an incoming webhook is its secret. */
export function webhookTarget(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}

/** An error's message without any URL path in it (fetch errors may quote the webhook's URL). */
function message(err: unknown): string {
  // duck-typed: fetch's errors come from another realm under test runners
  const e = err as { name?: unknown; message?: unknown; cause?: { message?: unknown } } | null;
  const text =
    e && typeof e.message === 'string'
      ? e.name === 'TimeoutError'
        ? 'timed out'
        : [e.message, typeof e.cause?.message === 'string' ? e.cause.message : ''].filter(Boolean).join(': ')
      : String(err);
  return text.replace(/(https?:\/\/[^/\s]+)\/\S*/g, '$1/…');
}

function short(s: string): string {
  return s.length > ERROR_MAX ? `${s.slice(0, ERROR_MAX - 1)}…` : s;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export type { DeliveryMessage };
