import type { IngestionSource, WriteKeyDto } from '@hubpulse/contracts';
import { buildKeyRows, keyDraftErrors, keyDraftToBody } from './write-keys.transform';

const key = (id: string, created: string, revoked: string | null = null, extra: Partial<WriteKeyDto> = {}): WriteKeyDto => ({
  id,
  name: `Key ${id}`,
  prefix: `hp_wk_${id}`,
  scopes: ['events'],
  browser: false,
  created_at: created,
  revoked_at: revoked,
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

  it('leaves the counts unknown while the sources are', () => {
    expect(buildKeyRows([key('a', '2026-01-01T00:00:00Z')], undefined)[0]).toMatchObject({ accepted: null, rejected: null });
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
