import { z } from 'zod';

/**
 * Where schedules and alerts may post (HUBPULSE_WEBHOOK_HOSTS): Slack's incoming webhooks and the hosts
 * of Microsoft Teams webhooks — the Office 365 connectors (`<tenant>.webhook.office.com`, being retired)
 * and the Workflows (Power Automate) ones that replace them (`*.logic.azure.com`,
 * `*.environment.api.powerplatform.com`, `*.powerautomate.com`). Anything else, internal hosts
 * included, is refused unless an admin lists it: a webhook is a request the server makes for a user.
 */
export const DEFAULT_WEBHOOK_HOSTS = ['hooks.slack.com', '*.webhook.office.com', '*.logic.azure.com', '*.environment.api.powerplatform.com', '*.powerautomate.com'] as const;

const HOST_ENTRY = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** HUBPULSE_WEBHOOK_HOSTS: host names separated by commas, `*.example.com` for any host below example.com. */
export const webhookHostsEnv = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? [...DEFAULT_WEBHOOK_HOSTS] : v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)))
  .pipe(z.array(z.string().regex(HOST_ENTRY, 'must be host names separated by commas, such as hooks.slack.com,*.example.com')).min(1, 'must name at least one host'));

/**
 * Why `url` may not be posted to, or null when it may: its host must match an entry (`*.x.y` matches
 * any host below x.y, not x.y itself), and a plain http:// URL only goes to a host listed by name
 * (not to the default Slack and Teams hosts, which take https only).
 */
export function webhookRefusal(url: string, hosts: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'is not a URL';
  }
  const host = u.hostname.toLowerCase();
  const allowed = `webhooks may go to ${hosts.join(', ')} (HUBPULSE_WEBHOOK_HOSTS)`;
  const named = hosts.includes(host);
  // Plain http:// is for a company's own receiver an admin named; Slack and Teams take https only.
  const plainAllowed = named && !(DEFAULT_WEBHOOK_HOSTS as readonly string[]).includes(host);
  if (u.protocol === 'http:') return plainAllowed ? null : `must be an https:// URL (plain http:// only to a host listed by name); ${allowed}`;
  if (u.protocol !== 'https:') return `must be an https:// URL; ${allowed}`;
  if (named || hosts.some((h) => h.startsWith('*.') && host.endsWith(h.slice(1)))) return null;
  return `the host ${host} is not allowed; ${allowed}`;
}
