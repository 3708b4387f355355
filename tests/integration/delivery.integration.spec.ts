import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { DeliveriesRepository, openDatabase, UsersRepository } from '@hubpulse/database';
import { decodeHeader, mimeLeaves, parseMime, startSmtpCatcher, startWebhookCatcher, testConfig, uniqueName, workerDataDir, type SmtpCatcher } from '@hubpulse/testing';
import { DeliveryService, webhookTarget, type DeliveryMessage } from '../../apps/api/src/delivery';
import { MailerService } from '../../apps/api/src/users/mailer.service';

const message: DeliveryMessage = {
  subject: 'Weekly engagement — Sales',
  summary: ['Engagement in the week to 2026-03-08'],
  facts: [
    { label: 'Engagement index', value: '41.2 %' },
    { label: 'Active people', value: '1,204' },
  ],
  link: { url: 'https://hubpulse.example/overview?from=2026-03-02' },
  attachments: [{ filename: 'overview.csv', contentType: 'text/csv', content: Buffer.from('day,index\n2026-03-02,0.41\n') }],
};

/** The local webhook receivers' host, allowed by name (HUBPULSE_WEBHOOK_HOSTS) so plain http reaches it. */
const HOOK_HOSTS = ['127.0.0.1'];

/** The delivery service against SQLite, a real SMTP server and local webhook servers (issue 14). */
describe('DeliveryService', () => {
  let ds: DataSource;
  let smtp: SmtpCatcher;
  let mailer: MailerService;
  let delivery: DeliveryService;
  let users: UsersRepository;

  beforeAll(async () => {
    ds = await openDatabase({ type: 'sqlite', path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) });
    smtp = await startSmtpCatcher();
    mailer = new MailerService(testConfig({ HUBPULSE_SMTP_URL: smtp.url, HUBPULSE_MAIL_FROM: 'Hubpulse <hp@corp.example>' }));
    users = new UsersRepository(ds);
    delivery = new DeliveryService(new DeliveriesRepository(ds), users, mailer, { webhookHosts: HOOK_HOSTS }, { attempts: 3, backoffMs: 20, maxBackoffMs: 100, timeoutMs: 2000 });
    const now = new Date().toISOString();
    await users.insert({ id: 'u-an', email: 'ana@corp.example', name: 'Ana', role: 'analyst', passwordHash: '', createdAt: now });
    await users.insert({ id: 'u-off', email: 'off@corp.example', name: 'Off', role: 'analyst', passwordHash: '', createdAt: now, active: false });
  });
  afterAll(async () => {
    mailer?.onModuleDestroy();
    await smtp?.close();
    await ds?.destroy();
  });

  it('mails a user HTML, text and the attachments, and records it as sent', async () => {
    const before = smtp.mails.length;
    const [out] = await delivery.deliver({ source: { kind: 'schedule', id: 's-mail' }, runKey: 'r1', message, channels: [{ kind: 'email', userId: 'u-an' }], needs: { pages: ['/overview'] } });
    expect(out).toMatchObject({ channel: 'email', status: 'sent', attempts: 1, target: 'ana@corp.example', error: null });
    expect(smtp.mails).toHaveLength(before + 1);
    const mail = parseMime(smtp.mails[before].raw);
    expect(smtp.mails[before].to).toEqual(['ana@corp.example']);
    expect(decodeHeader(mail.headers.subject)).toBe('Weekly engagement — Sales');
    const leaves = mimeLeaves(mail);
    expect(leaves.find((p) => p.contentType === 'text/plain')!.body.toString('utf8')).toContain('Engagement index: 41.2 %');
    expect(leaves.find((p) => p.contentType === 'text/html')!.body.toString('utf8')).toContain('<th align="left" style="padding:2px 12px 2px 0;font-weight:600">Active people</th>');
    const csv = leaves.find((p) => p.filename === 'overview.csv')!;
    expect(csv.body.toString('utf8')).toBe('day,index\n2026-03-02,0.41\n');
    expect(await delivery.history('schedule', 's-mail')).toEqual([expect.objectContaining({ status: 'sent', channel: 'email', userId: 'u-an', runKey: 'r1', attempts: 1 })]);
  });

  it('skips, and records why, a deactivated user and a role that may not open the page', async () => {
    const before = smtp.mails.length;
    const outs = await delivery.deliver({
      source: { kind: 'alert', id: 'a-skip' },
      message,
      channels: [{ kind: 'email', userId: 'u-off' }, { kind: 'email', userId: 'u-an' }, { kind: 'email', userId: 'nobody' }],
      needs: { pages: ['/engagement/why'] },
    });
    expect(outs.map((o) => [o.status, o.error])).toEqual([
      ['skipped', 'the user is deactivated'],
      ['skipped', 'the role Analyst may not open Engagement → why this score'],
      ['skipped', 'the user no longer exists'],
    ]);
    const made = await delivery.deliver({ source: { kind: 'alert', id: 'a-skip' }, message, channels: [{ kind: 'email', userId: 'u-an' }], needs: { roles: ['leader'] } });
    expect(made[0]).toMatchObject({ status: 'skipped', error: expect.stringMatching(/made for Leader.*now Analyst/) });
    expect(smtp.mails.length).toBe(before);
    expect((await delivery.history('alert', 'a-skip')).map((d) => d.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('retries a webhook answering 500, then records it failed with its attempts; the secret path is never stored', async () => {
    const hook = await startWebhookCatcher([500]);
    try {
      const url = `${hook.base}/services/T000/B000/SECRETsecret`;
      const [out] = await delivery.deliver({ source: { kind: 'schedule', id: 's-500' }, message, channels: [{ kind: 'slack', url }] });
      expect(out).toMatchObject({ status: 'failed', attempts: 3, error: 'the webhook answered 500 Internal Server Error' });
      expect(hook.got).toHaveLength(3);
      const [row] = await delivery.history('schedule', 's-500');
      expect(row).toMatchObject({ status: 'failed', attempts: 3, target: webhookTarget(url), channel: 'slack' });
      expect(JSON.stringify(row)).not.toContain('SECRET');
    } finally {
      await hook.close();
    }
  });

  it('succeeds on a retry after a 503, and does not retry a 404', async () => {
    const flaky = await startWebhookCatcher([503, 200]);
    const gone = await startWebhookCatcher([404]);
    try {
      const outs = await delivery.deliver({ source: { kind: 'alert', id: 'a-retry' }, message, channels: [{ kind: 'teams', url: `${flaky.base}/x` }, { kind: 'webhook', url: `${gone.base}/y` }] });
      expect(outs.map((o) => [o.status, o.attempts])).toEqual([['sent', 2], ['failed', 1]]);
      expect(gone.got).toHaveLength(1);
    } finally {
      await flaky.close();
      await gone.close();
    }
  });

  it('does not post to a host the allow-list no longer has: recorded failed with the reason, nothing sent', async () => {
    const hook = await startWebhookCatcher([200]);
    try {
      const port = new URL(hook.base).port;
      const outs = await delivery.deliver({ source: { kind: 'alert', id: 'a-host' }, message, channels: [{ kind: 'webhook', url: `http://localhost:${port}/internal` }, { kind: 'slack', url: 'https://169.254.169.254/latest/meta-data' }, { kind: 'email', userId: 'u-an' }] });
      expect(outs.map((o) => [o.target, o.status, o.attempts])).toEqual([[`localhost:${port}`, 'failed', 0], ['169.254.169.254', 'failed', 0], ['ana@corp.example', 'sent', 1]]);
      expect(outs[0].error).toBe('not sent: must be an https:// URL (plain http:// only to a host listed by name); webhooks may go to 127.0.0.1 (HUBPULSE_WEBHOOK_HOSTS)');
      expect(outs[1].error).toBe('not sent: the host 169.254.169.254 is not allowed; webhooks may go to 127.0.0.1 (HUBPULSE_WEBHOOK_HOSTS)');
      expect(hook.got).toHaveLength(0);
      const strict = new DeliveryService(new DeliveriesRepository(ds), users, mailer, { webhookHosts: ['hooks.slack.com'] }, { attempts: 1, backoffMs: 10, maxBackoffMs: 10, timeoutMs: 2000 });
      const [out] = await strict.deliver({ source: { kind: 'alert', id: 'a-host' }, message, channels: [{ kind: 'slack', url: `${hook.base}/s` }] });
      expect(out).toMatchObject({ status: 'failed', attempts: 0, error: 'not sent: must be an https:// URL (plain http:// only to a host listed by name); webhooks may go to hooks.slack.com (HUBPULSE_WEBHOOK_HOSTS)' });
      expect(hook.got).toHaveLength(0);
      expect((await delivery.history('alert', 'a-host')).filter((d) => d.status === 'failed')).toHaveLength(3);
    } finally {
      await hook.close();
    }
  });

  it('gives up on an unreachable webhook and a dead mail server after the attempts, without throwing', async () => {
    const hook = await startWebhookCatcher([200]);
    await hook.close();
    const [out] = await delivery.deliver({ source: { kind: 'alert', id: 'a-dead' }, message, channels: [{ kind: 'webhook', url: `${hook.base}/z` }] });
    expect(out).toMatchObject({ status: 'failed', attempts: 3 });
    expect(out.error).toMatch(/^fetch failed: .*ECONNREFUSED/);
    const deadMailer = new MailerService(testConfig({ HUBPULSE_SMTP_URL: hook.base.replace('http', 'smtp') }));
    try {
      const viaDead = new DeliveryService(new DeliveriesRepository(ds), users, deadMailer, { webhookHosts: HOOK_HOSTS }, { attempts: 2, backoffMs: 10, maxBackoffMs: 10, timeoutMs: 2000 });
      const [mail] = await viaDead.deliver({ source: { kind: 'alert', id: 'a-dead' }, message, channels: [{ kind: 'email', userId: 'u-an' }] });
      expect(mail).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringMatching(/ECONNREFUSED/) });
    } finally {
      deadMailer.onModuleDestroy();
    }
  });

  it('posts Slack Block Kit and a Teams Adaptive Card in their incoming-webhook shapes, and plain JSON', async () => {
    const hook = await startWebhookCatcher([200]);
    try {
      await delivery.deliver({ source: { kind: 'schedule', id: 's-shapes' }, runKey: 'k', message, channels: [{ kind: 'slack', url: `${hook.base}/s` }, { kind: 'teams', url: `${hook.base}/t` }, { kind: 'webhook', url: `${hook.base}/j` }] });
      const [slack, teams, json] = hook.got.map((g) => g.body as Record<string, any>);
      expect(slack.text).toBe(message.subject);
      expect(slack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: message.subject, emoji: false } });
      expect(slack.blocks.find((b: any) => b.fields)?.fields).toEqual([
        { type: 'mrkdwn', text: '*Engagement index*\n41.2 %' },
        { type: 'mrkdwn', text: '*Active people*\n1,204' },
      ]);
      expect(slack.blocks.at(-1)).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Hubpulse' }, url: message.link!.url }] });
      expect(teams.type).toBe('message');
      expect(teams.attachments).toHaveLength(1);
      expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      const card = teams.attachments[0].content;
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', actions: [{ type: 'Action.OpenUrl', url: message.link!.url }] });
      expect(card.body.find((b: any) => b.type === 'FactSet').facts).toEqual([
        { title: 'Engagement index', value: '41.2 %' },
        { title: 'Active people', value: '1,204' },
      ]);
      expect(json).toMatchObject({ source: 'schedule', source_id: 's-shapes', run: 'k', subject: message.subject, attachments_by_mail: ['overview.csv'] });
    } finally {
      await hook.close();
    }
  });
});
