import type { PersonaCounts, PersonasResponse } from '@hubpulse/contracts';
import { personaMovementTable, personasTable, toCsv, type ViewTable } from '@hubpulse/contracts';
import { buildPersonaRows, buildPersonaWeeks, buildTransitionMatrix, lastCompleteWeek, personaWeeksSummary, personaWeeksTable } from './personas.transform';
/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const personasCsv = (r: Parameters<typeof personasTable>[0]) => csvOf(personasTable(r));
const movementCsv = (r: Parameters<typeof personaMovementTable>[0]) => csvOf(personaMovementTable(r));


const counts = (o: number | null, r: number | null) => ({ inactive: 10, observer: o, responder: r, broadcaster: 5, engager: 20, catalyst: 6 });

/** Every null count hidden for its numerator. */
const hiddenOf = (c: Record<string, number | null>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v === null ? 'numerator' : null])) as PersonaCounts['hidden'];

function resp(): PersonasResponse {
  return {
    range: { from: '2026-11-02', to: '2026-11-15' },
    by: 'org',
    min_group_size: 5,
    period: 'iso_week',
    period_definition: 'ISO weeks',
    movement_definition: 'from one week to the next',
    personas: ['inactive', 'observer', 'responder', 'broadcaster', 'engager', 'catalyst'].map((k) => ({ key: k, label: k[0].toUpperCase() + k.slice(1), definition: `def ${k}` })),
    weeks: [
      { week: '2026-11-02', groups: [{ group: 'org', population: 100, population_hidden: null, counts: counts(40, 19), hidden: hiddenOf(counts(40, 19)), suppressed: false }] },
      { week: '2026-11-09', groups: [{ group: 'org', population: 100, population_hidden: null, counts: counts(45, null), hidden: hiddenOf(counts(45, null)), suppressed: true }] },
    ],
    movement: [
      {
        week: '2026-11-09',
        from_week: '2026-11-02',
        groups: [
          {
            group: 'org',
            cells: [
              { from: 'observer', to: 'observer', people: 30, suppressed: false, hidden_reason: null },
              { from: 'observer', to: 'responder', people: 10, suppressed: false, hidden_reason: null },
              { from: 'responder', to: 'observer', people: null, suppressed: true, hidden_reason: 'complementary' },
            ],
          },
        ],
      },
    ],
  };
}

describe('lastCompleteWeek', () => {
  it('skips the current, partial week', () => {
    expect(lastCompleteWeek(['2026-11-09', '2026-11-16', '2026-11-23'], '2026-11-24')).toBe('2026-11-16');
    expect(lastCompleteWeek(['2026-11-09', '2026-11-16'], '2026-11-22')).toBe('2026-11-16');
    expect(lastCompleteWeek(['2026-11-23'], '2026-11-24')).toBe('2026-11-23');
    expect(lastCompleteWeek([], '2026-11-24')).toBeUndefined();
  });
});

describe('personas', () => {
  it('stacks weekly counts, hidden ones left out', () => {
    const weeks = buildPersonaWeeks(resp());
    expect(weeks[1]).toMatchObject({ week: '2026-11-09', observer: 45, responder: null, suppressed: true });
  });

  it('shows the latest week beside each definition, with the change', () => {
    const { week, population, rows } = buildPersonaRows(resp());
    // The range ends on Sunday 2026-11-15: the week of 2026-11-09 is complete.
    expect(week).toBe('2026-11-09');
    expect(population).toBe(100);
    expect(rows.find((r) => r.key === 'observer')).toMatchObject({ people: 45, share: 0.45, change: 5, definition: 'def observer' });
    expect(rows.find((r) => r.key === 'responder')).toMatchObject({ people: null, share: null, change: null });
  });

  it('builds the transition matrix with hidden cells as null and missing ones as 0', () => {
    const m = buildTransitionMatrix(resp())!;
    expect(m.week).toBe('2026-11-09');
    expect(m.cells.observer.responder).toBe(10);
    expect(m.cells.observer.catalyst).toBe(0);
    expect(m.cells.responder.observer).toBeNull();
    expect(m.rowTotals.observer).toBe(40);
    expect(m.rowTotals.responder).toBeNull();
    expect(m.max).toBe(30);
    expect(buildTransitionMatrix(resp(), '2020-01-06')).toBeNull();
    // A range ending mid-week falls back to the newest complete one (none here but the only movement week).
    expect(buildTransitionMatrix({ ...resp(), range: { from: '2026-11-02', to: '2026-11-10' } })?.week).toBe('2026-11-09');
  });

  it('exports counts and movement with hidden values empty and noted', () => {
    const counts = personasCsv(resp()).split('\r\n');
    expect(counts[0]).toBe('week,group_by,group,population,persona,people,note');
    expect(counts).toContain('2026-11-09,org,org,100,responder,,Hidden to protect privacy: fewer than 5 people are counted in this number.');
    const moves = movementCsv(resp()).split('\r\n');
    expect(moves[3]).toBe('2026-11-02,2026-11-09,org,org,responder,observer,,Hidden to protect privacy: another hidden number could otherwise be worked out from this one and the total.');
  });
});

describe('persona weeks text alternative and table', () => {
  const bars = buildPersonaWeeks(resp());
  const personas = resp().personas as Parameters<typeof personaWeeksTable>[1];

  it('tells the span and the latest week’s largest, smallest and hidden personas', () => {
    const text = personaWeeksSummary(bars, personas);
    expect(text).toMatch(/^People per persona and week, \d+ weeks?/);
    expect(text).toMatch(/In the week of Nov \d+, people per persona \(\d+ shown\): largest \w+, [\d,]+; smallest \w+, [\d,]+\./);
  });

  it('shows a hidden count as hidden with its reason, never a number', () => {
    const table = personaWeeksTable(bars, personas);
    expect(table.columns.map((c) => c.label)).toEqual(['Inactive', 'Observer', 'Responder', 'Broadcaster', 'Engager', 'Catalyst']);
    const hidden = table.rows.flatMap((r) => r.cells).filter((c) => c.kind === 'hidden');
    const nulls = bars.flatMap((b) => personas.map((p) => b[p.key] ?? null)).filter((v) => v === null);
    expect(hidden).toHaveLength(nulls.length);
    expect(hidden.every((c) => c.kind === 'hidden' && c.reason === 'numerator')).toBe(true);
  });
});
