import type { DeliveryMessage } from './delivery.types';

/** Slack's limits: a section text holds 3000 characters, a section at most 10 fields. */
const SLACK_TEXT_MAX = 3000;
const SLACK_FIELDS_MAX = 10;

/** Slack incoming-webhook body: `text` (the notification) and Block Kit blocks. */
export function slackBody(m: DeliveryMessage): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [{ type: 'header', text: { type: 'plain_text', text: m.subject.slice(0, 150), emoji: false } }];
  if (m.summary.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slackEscape(m.summary.join('\n')).slice(0, SLACK_TEXT_MAX) } });
  const facts = m.facts ?? [];
  for (let i = 0; i < facts.length; i += SLACK_FIELDS_MAX) {
    blocks.push({ type: 'section', fields: facts.slice(i, i + SLACK_FIELDS_MAX).map((f) => ({ type: 'mrkdwn', text: `*${slackEscape(f.label)}*\n${slackEscape(f.value)}` })) });
  }
  const notes = [...(m.notes ?? []), ...attachmentNote(m)];
  if (notes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(notes.join(' · ')).slice(0, SLACK_TEXT_MAX) }] });
  if (m.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: m.link.label ?? 'Open in Hubpulse' }, url: m.link.url }] });
  return { text: m.subject, blocks };
}

/** Teams incoming-webhook (Workflows) body: a message carrying one Adaptive Card. */
export function teamsBody(m: DeliveryMessage): Record<string, unknown> {
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', size: 'Large', weight: 'Bolder', text: m.subject, wrap: true }];
  for (const line of m.summary) body.push({ type: 'TextBlock', text: line, wrap: true });
  if (m.facts?.length) body.push({ type: 'FactSet', facts: m.facts.map((f) => ({ title: f.label, value: f.value })) });
  const notes = [...(m.notes ?? []), ...attachmentNote(m)];
  if (notes.length) body.push({ type: 'TextBlock', text: notes.join(' · '), isSubtle: true, size: 'Small', wrap: true });
  const card: Record<string, unknown> = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body };
  if (m.link) card.actions = [{ type: 'Action.OpenUrl', title: m.link.label ?? 'Open in Hubpulse', url: m.link.url }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

/** A plain JSON body for other receivers. */
export function jsonBody(m: DeliveryMessage, source: { kind: string; id: string }, runKey: string): Record<string, unknown> {
  return {
    source: source.kind,
    source_id: source.id,
    run: runKey || null,
    subject: m.subject,
    summary: m.summary,
    facts: m.facts ?? [],
    link: m.link?.url ?? null,
    notes: m.notes ?? [],
    attachments_by_mail: (m.attachments ?? []).map((a) => a.filename),
  };
}

function attachmentNote(m: DeliveryMessage): string[] {
  const n = m.attachments?.length ?? 0;
  return n ? [`${n} file${n === 1 ? '' : 's'} went to the mail recipients`] : [];
}

/** Slack mrkdwn treats &, < and > as control characters. */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
