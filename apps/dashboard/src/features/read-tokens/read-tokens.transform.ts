import { READ_TOKEN_DAY_CHOICES, READ_TOKEN_DEFAULT_DAYS, type ReadTokenCreate, type ReadTokenDto, type ReadTokenStatus } from '@hubpulse/contracts';

export const TOKEN_STATUS_LABELS: Record<ReadTokenStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

/** The expiry choices as the form lists them. */
export const EXPIRY_CHOICES: readonly { days: number; label: string }[] = READ_TOKEN_DAY_CHOICES.map((days) => ({
  days,
  label: days === 365 ? '1 year' : `${days} days`,
}));

/** Active tokens first, then expired, then revoked; newest first within each. */
export function sortTokens(tokens: readonly ReadTokenDto[]): ReadTokenDto[] {
  const rank: Record<ReadTokenStatus, number> = { active: 0, expired: 1, revoked: 2 };
  return [...tokens].sort((a, b) => rank[a.status] - rank[b.status] || b.created_at.localeCompare(a.created_at));
}

export interface TokenDraft {
  name: string;
  days: number;
}

export const EMPTY_TOKEN_DRAFT: TokenDraft = { name: '', days: READ_TOKEN_DEFAULT_DAYS };

export function tokenDraftToBody(draft: TokenDraft): ReadTokenCreate {
  return { name: draft.name.trim(), expires_in_days: draft.days };
}

/** What is wrong with the form before it is sent, by field (the API's 400 names the same fields). */
export function tokenDraftErrors(draft: TokenDraft): Partial<Record<'name' | 'expires_in_days', string>> {
  const name = draft.name.trim();
  if (!name) return { name: 'Give the token a name: where it is used.' };
  if (name.length > 200) return { name: 'At most 200 characters.' };
  return {};
}

/**
 * Ready-to-run examples for a new token: a curl line that checks it, and pandas reading a JSON
 * route (the daily engagement index) and a CSV route. `csvPath` is a CSV route the owner may read, if any.
 */
export function tokenSnippets(origin: string, token: string, csvPath?: string): { curl: string; pandas: string } {
  const curl = [`curl -H "Authorization: Bearer ${token}" \\`, `  ${origin}/api/overview`].join('\n');
  const pandas = [
    'import pandas as pd',
    'import requests',
    '',
    `AUTH = {"Authorization": "Bearer ${token}"}`,
    '',
    '# a JSON route: the daily engagement index of the last 30 days',
    `overview = requests.get("${origin}/api/overview", headers=AUTH, timeout=60).json()`,
    'engagement = pd.DataFrame(overview["engagement"])',
    ...(csvPath ? ['', '# a CSV route, straight into a frame (the header travels in storage_options)', `members = pd.read_csv("${origin}${csvPath}", storage_options=AUTH)`] : []),
  ].join('\n');
  return { curl, pandas };
}
