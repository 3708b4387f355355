import type { ReadTokenDto } from '@hubpulse/contracts';
import { EXPIRY_CHOICES, sortTokens, tokenDraftErrors, tokenDraftToBody, tokenSnippets } from './read-tokens.transform';

const token = (over: Partial<ReadTokenDto>): ReadTokenDto => ({
  id: 'id',
  name: 'n',
  prefix: 'hp_rt_abcdef',
  created_at: '2026-12-01T10:00:00.000Z',
  expires_at: '2027-03-01T10:00:00.000Z',
  last_used_at: null,
  revoked_at: null,
  status: 'active',
  ...over,
});

describe('read tokens transform', () => {
  it('lists active tokens first, then expired, then revoked, newest first within each', () => {
    const rows = sortTokens([
      token({ id: 'revoked', status: 'revoked', created_at: '2026-12-03T00:00:00.000Z' }),
      token({ id: 'old', created_at: '2026-11-01T00:00:00.000Z' }),
      token({ id: 'expired', status: 'expired', created_at: '2026-12-02T00:00:00.000Z' }),
      token({ id: 'new', created_at: '2026-12-02T00:00:00.000Z' }),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['new', 'old', 'expired', 'revoked']);
  });

  it('checks the name and sends the trimmed name and the days', () => {
    expect(tokenDraftErrors({ name: '  ', days: 90 })).toEqual({ name: 'Give the token a name: where it is used.' });
    expect(tokenDraftErrors({ name: 'x'.repeat(201), days: 90 })).toEqual({ name: 'At most 200 characters.' });
    expect(tokenDraftErrors({ name: 'Notebook', days: 30 })).toEqual({});
    expect(tokenDraftToBody({ name: ' Notebook ', days: 30 })).toEqual({ name: 'Notebook', expires_in_days: 30 });
    expect(EXPIRY_CHOICES.map((c) => c.label)).toEqual(['7 days', '30 days', '90 days', '180 days', '1 year']);
  });

  it('writes a curl line and a pandas snippet with the token in the header, the CSV line only when a CSV route is given', () => {
    const { curl, pandas } = tokenSnippets('https://hub.example', 'hp_rt_secret');
    expect(curl).toBe('curl -H "Authorization: Bearer hp_rt_secret" \\\n  https://hub.example/api/overview');
    expect(pandas).toContain('AUTH = {"Authorization": "Bearer hp_rt_secret"}');
    expect(pandas).toContain('requests.get("https://hub.example/api/overview", headers=AUTH, timeout=60).json()');
    expect(pandas).not.toContain('read_csv');
    expect(tokenSnippets('https://hub.example', 't', '/api/segments/s1/members.csv').pandas).toContain('pd.read_csv("https://hub.example/api/segments/s1/members.csv", storage_options=AUTH)');
  });
});
