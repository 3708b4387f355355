import type { IngestionSource, IngestionSourcesResponse } from '@hubpulse/contracts';
import {
  applyWindowSearch,
  buildSourceRows,
  formatElapsed,
  formatLag,
  formatLastSeen,
  formatRate,
  formatRejectedShare,
  parseWindowSearch,
  summarizeSources,
  windowLabel,
} from './data-sources.transform';

const q = (s: string) => new URLSearchParams(s);

function source(overrides: Partial<IngestionSource> = {}): IngestionSource {
  return {
    key_id: 'k1',
    key_name: 'Intranet',
    key_prefix: 'hp_wk_ab',
    format: 'segment',
    per_minute: [],
    accepted: 0,
    rejected: 0,
    events_per_minute: 0,
    rejects_by_reason: [],
    last_event_at: null,
    lag_seconds: { p50: null, p95: null },
    ...overrides,
  };
}

function response(sources: IngestionSource[], window_minutes = 60): IngestionSourcesResponse {
  return { generated_at: '2026-03-01T10:30:20Z', window_minutes, sources };
}

describe('window in the URL', () => {
  it('reads 15, 60 and 1440 and defaults to 60', () => {
    expect(parseWindowSearch(q('window=15'))).toBe(15);
    expect(parseWindowSearch(q('window=1440'))).toBe(1440);
    expect(parseWindowSearch(q(''))).toBe(60);
    expect(parseWindowSearch(q('window=30'))).toBe(60);
    expect(parseWindowSearch(q('window=abc'))).toBe(60);
  });

  it('writes it and keeps other parameters', () => {
    expect(applyWindowSearch(q('x=1&window=60'), 1440).toString()).toBe('x=1&window=1440');
  });

  it('names windows for sentences', () => {
    expect(windowLabel(15)).toBe('15 minutes');
    expect(windowLabel(60)).toBe('60 minutes');
    expect(windowLabel(1440)).toBe('24 hours');
  });
});

describe('formatLag', () => {
  it('uses ms, s, min, then h and d', () => {
    expect(formatLag(0)).toBe('0 ms');
    expect(formatLag(0.0424)).toBe('42 ms');
    expect(formatLag(0.85)).toBe('850 ms');
    expect(formatLag(4.24)).toBe('4.2 s');
    expect(formatLag(42.4)).toBe('42 s');
    expect(formatLag(210)).toBe('3.5 min');
    expect(formatLag(1500)).toBe('25 min');
    expect(formatLag(7200)).toBe('2 h');
    expect(formatLag(40 * 86_400)).toBe('40 d');
  });

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatLag(0.9996)).toBe('1 s');
    expect(formatLag(59.7)).toBe('1 min');
    expect(formatLag(3599)).toBe('1 h');
  });

  it('shows unknown lag as a dash and keeps the sign of clock skew', () => {
    expect(formatLag(null)).toBe('—');
    expect(formatLag(undefined)).toBe('—');
    expect(formatLag(Number.NaN)).toBe('—');
    expect(formatLag(-2.5)).toBe('−2.5 s');
    expect(formatLag(-0.0001)).toBe('0 ms');
  });
});

describe('relative times', () => {
  const now = Date.parse('2026-03-01T10:30:00Z');

  it('counts seconds, minutes, hours and days', () => {
    expect(formatElapsed(2_000)).toBe('just now');
    expect(formatElapsed(-3_000)).toBe('just now');
    expect(formatElapsed(12_400)).toBe('12 s ago');
    expect(formatElapsed(3 * 60_000 + 59_000)).toBe('3 min ago');
    expect(formatElapsed(5 * 3_600_000)).toBe('5 h ago');
    expect(formatElapsed(49 * 3_600_000)).toBe('2 d ago');
  });

  it('says "never" when no event was seen', () => {
    expect(formatLastSeen(null, now)).toBe('never');
    expect(formatLastSeen('2026-03-01T10:29:00Z', now)).toBe('1 min ago');
    expect(formatLastSeen('garbage', now)).toBe('unknown');
  });
});

describe('formatRate', () => {
  it('keeps one decimal for slow sources only', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(0.35)).toBe('0.4');
    expect(formatRate(0.03)).toBe('< 0.1');
    expect(formatRate(12.6)).toBe('13');
    expect(formatRate(1250)).toBe('1,250');
  });
});

describe('buildSourceRows', () => {
  const now = Date.parse('2026-03-01T10:30:30Z');

  it('shapes a source for the table', () => {
    const [row] = buildSourceRows(
      response([
        source({
          accepted: 120,
          rejected: 4,
          events_per_minute: 2,
          last_event_at: '2026-03-01T10:30:00Z',
          lag_seconds: { p50: 0.42, p95: 3.1 },
          rejects_by_reason: [
            { reason: 'type: must be one of view, react', count: 1 },
            { reason: 'no mapping for event "Signed Up"', count: 3 },
          ],
        }),
      ]),
      now,
    );
    expect(row).toMatchObject({
      id: 'k1:segment',
      keyName: 'Intranet',
      keyPrefix: 'hp_wk_ab',
      internal: false,
      formatLabel: 'Segment',
      knownFormat: true,
      eventsPerMinute: '2',
      lastSeen: '30 s ago',
      lagP50: '420 ms',
      lagP95: '3.1 s',
    });
    expect(row.rejects.map((r) => r.count)).toEqual([3, 1]);
    expect(row.series.points).toHaveLength(60);
  });

  it('names internal sources and unknown formats plainly, and orders rows stably', () => {
    const rows = buildSourceRows(
      response([
        source({ key_id: '', key_name: null, key_prefix: null, format: 'native' }),
        source({ key_id: 'k2', key_name: 'Zeta', format: 'import' }),
        source({ key_id: 'k2', key_name: 'Zeta', format: 'native' }),
        source({ key_id: 'k3', key_name: 'alpha', format: 'rudder' }),
      ]),
      now,
    );
    expect(rows.map((r) => `${r.keyName}/${r.formatLabel}`)).toEqual(['alpha/rudder', 'Zeta/native', 'Zeta/import', 'Internal/native']);
    expect(rows[0].knownFormat).toBe(false);
    expect(rows[3]).toMatchObject({ internal: true, keyPrefix: null, lastSeen: 'never', lagP50: '—' });
  });

  it('does not show a trickle the server rounded to 0 as 0', () => {
    const [row] = buildSourceRows(response([source({ accepted: 2, events_per_minute: 0 })]), now);
    expect(row.eventsPerMinute).toBe('< 0.1');
    expect(buildSourceRows(response([source({ accepted: 0, events_per_minute: 0 })]), now)[0].eventsPerMinute).toBe('0');
  });

  it('sums what came in', () => {
    expect(summarizeSources([{ accepted: 9, rejected: 1 }, { accepted: 0, rejected: 0 }])).toEqual({ accepted: 9, rejected: 1, rejectedShare: 0.1 });
    expect(summarizeSources([]).rejectedShare).toBeNull();
    expect(formatRejectedShare(9 / 432_116)).toBe('< 1%');
    expect(formatRejectedShare(0.126)).toBe('13%');
    expect(formatRejectedShare(0)).toBeNull();
  });
});
