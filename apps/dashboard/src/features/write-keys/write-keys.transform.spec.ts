import type { IngestionSource, WriteKeyDto } from '@hubpulse/contracts';
import { buildKeyRows, keyDraftErrors, keyDraftToBody, lastUsedCell, parseOrigins } from './write-keys.transform';

const key = (id: string, created: string, revoked: string | null = null, extra: Partial<WriteKeyDto> = {}): WriteKeyDto => ({
  id,
  name: `Key ${id}`,
  prefix: `hp_wk_${id}`,
  scopes: ['events'],
  browser: false,
  created_at: created,
  revoked_at: revoked,
  last_used_at: null,
  allowed_origins: [],
  ...extra,
});

const source = (keyId: string, format: string, accepted: number, rejected: number): IngestionSource => ({
  key_id: keyId,
  key_name: null,
  key_prefix: null,
  format,
  per_minute: [],
  accepted,
  rejected,
  events_per_minute: 0,
  rejects_by_reason: [],
  last_event_at: null,
  lag_seconds: { p50: null, p95: null },
});

describe('buildKeyRows', () => {
  it('puts active keys first, newest first, and sums events over formats', () => {
    const rows = buildKeyRows(
      [key('a', '2026-01-01T00:00:00Z'), key('b', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'), key('c', '2026-03-01T00:00:00Z', null, { scopes: ['events', 'directory'] })],
      [source('a', 'native', 10, 1), source('a', 'segment', 5, 2), source('x', 'native', 99, 0)],
    );
    expect(rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(rows[1]).toMatchObject({ accepted: 15, rejected: 3 });
    expect(rows[0]).toMatchObject({ accepted: 0, rejected: 0, scopes: 'Events, Directory (people and content)' });
  });

  it('carries the last use through', () => {
    const rows = buildKeyRows([key('a', '2026-01-01T00:00:00Z', null, { last_used_at: '2026-11-01T10:00:00.000Z' }), key('b', '2026-01-02T00:00:00Z')], []);
    expect(rows.map((r) => [r.id, r.lastUsedAt])).toEqual([
      ['b', null],
      ['a', '2026-11-01T10:00:00.000Z'],
    ]);
  });

  it('leaves the counts unknown while the sources are', () => {
    expect(buildKeyRows([key('a', '2026-01-01T00:00:00Z')], undefined)[0]).toMatchObject({ accepted: null, rejected: null });
  });
});

describe('lastUsedCell', () => {
  const now = Date.parse('2026-11-01T10:05:00.000Z');
  it('says "never" for a key not used yet, with no exact time', () => {
    expect(lastUsedCell(null, now)).toEqual({ text: 'never', title: null });
  });
  it('shows how long ago, with the exact time to hover', () => {
    expect(lastUsedCell('2026-11-01T10:02:00.000Z', now)).toEqual({ text: '3 min ago', title: 'Nov 1, 2026, 10:02 UTC' });
    expect(lastUsedCell('2026-11-01T10:04:58.000Z', now).text).toBe('just now');
    expect(lastUsedCell('2026-10-29T09:00:00.000Z', now).text).toBe('3 d ago');
  });
});

describe('key form', () => {
  it('asks for a name', () => {
    expect(keyDraftErrors({ name: '  ', directory: false, browser: false }).name).toMatch(/name/);
    expect(keyDraftErrors({ name: 'CMS', directory: false, browser: false })).toEqual({});
  });

  it('gives the directory scope only to server keys', () => {
    expect(keyDraftToBody({ name: ' CMS ', directory: true, browser: false })).toEqual({ name: 'CMS', scopes: ['events', 'directory'], browser: false });
    expect(keyDraftToBody({ name: 'Web', directory: true, browser: true })).toEqual({ name: 'Web', scopes: ['events'], browser: true });
  });
});

describe('parseOrigins', () => {
  it('takes origins one per line or separated by commas, drops trailing slashes and repeats, and lists what is not an origin', () => {
    expect(parseOrigins('https://intranet.example.com/\nhttp://localhost:8080, https://intranet.example.com\n\nintranet.example.com https://x.example.com/news')).toEqual({
      origins: ['https://intranet.example.com', 'http://localhost:8080'],
      invalid: ['intranet.example.com', 'https://x.example.com/news'],
    });
    expect(parseOrigins('  ')).toEqual({ origins: [], invalid: [] });
  });
});
