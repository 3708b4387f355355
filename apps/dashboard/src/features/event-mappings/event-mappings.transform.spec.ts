import type { EventMapping } from '@hubpulse/contracts';
import {
  type DraftRow,
  adoptSavedRows,
  clearFieldError,
  describeDiff,
  diffMappings,
  emptyRow,
  errorText,
  hasErrors,
  parseServerErrors,
  toDraftRows,
  toMappingsBody,
  validateRows,
} from './event-mappings.transform';

const saved: EventMapping[] = [
  { source: 'segment', event: 'Post Created', type: 'post', channel: 'blog', purpose: null },
  { source: 'posthog', event: '$pageview', type: 'view', channel: null, purpose: null },
];

describe('draft rows', () => {
  it('round-trip to the PUT body', () => {
    const rows = toDraftRows(saved);
    expect(rows.map((r) => r.id)).toEqual(['m0', 'm1']);
    expect(toMappingsBody(rows)).toEqual({ mappings: saved });
  });

  it('start empty, with "from properties" for channel and purpose', () => {
    expect(emptyRow('n1', 'posthog')).toEqual({ id: 'n1', source: 'posthog', event: '', type: '', channel: null, purpose: null });
  });
});

describe('adoptSavedRows', () => {
  it('keeps the ids of the rows sent, whatever order the server answers in', () => {
    const sent: DraftRow[] = [
      { ...emptyRow('n1'), event: 'Zed', type: 'view' },
      { ...emptyRow('n2', 'posthog'), event: '$pageview', type: 'view' },
      { ...emptyRow('n3'), event: 'Alpha', type: 'post' },
    ];
    let counter = 0;
    const rows = adoptSavedRows(
      [
        { source: 'posthog', event: '$pageview', type: 'view', channel: null, purpose: null },
        { source: 'segment', event: 'Alpha', type: 'post', channel: null, purpose: null },
        { source: 'segment', event: 'Zed', type: 'view', channel: null, purpose: null },
        { source: 'segment', event: 'Surprise', type: 'view', channel: null, purpose: null },
      ],
      sent,
      () => `s${++counter}`,
    );
    expect(rows.map((r) => `${r.id}:${r.event}`)).toEqual(['n2:$pageview', 'n3:Alpha', 'n1:Zed', 's1:Surprise']);
  });
});

describe('diffMappings', () => {
  const base = toDraftRows(saved);

  it('finds nothing when nothing changed', () => {
    const diff = diffMappings(base, base.map((r) => ({ ...r })));
    expect(diff).toEqual({ added: 0, removed: 0, changed: 0, dirty: false });
    expect(describeDiff(diff)).toBe('All changes saved');
  });

  it('counts added, changed and removed rows', () => {
    const draft: DraftRow[] = [{ ...base[0], purpose: 'inform' }, emptyRow('n1'), emptyRow('n2')];
    const diff = diffMappings(base, draft);
    expect(diff).toEqual({ added: 2, removed: 1, changed: 1, dirty: true });
    expect(describeDiff(diff)).toBe('Unsaved changes: 2 added, 1 changed, 1 removed');
  });

  it('forgets an edit that was undone and a row added then deleted', () => {
    const edited = [{ ...base[0], event: 'Post Created' }, base[1]];
    expect(diffMappings(base, edited).dirty).toBe(false);
    expect(diffMappings(base, [...base, emptyRow('n1')].filter((r) => r.id !== 'n1')).dirty).toBe(false);
  });

  it('notices a change of order, since the table is saved as listed', () => {
    expect(diffMappings(base, [base[1], base[0]]).dirty).toBe(true);
  });
});

describe('parseServerErrors', () => {
  const ids = ['m0', 'm1', 'n5', 'n6'];

  it('puts "mappings.N.field: why" on the row that was Nth when sent', () => {
    const errors = parseServerErrors(
      ['mappings.3.type: must be one of view, react, comment', 'mappings.0.channel: must be one of blog, newsletter', 'mappings.3.event: must not be empty'],
      ids,
    );
    expect(errors.byRow).toEqual({
      n6: [
        { field: 'type', message: 'must be one of view, react, comment' },
        { field: 'event', message: 'must not be empty' },
      ],
      m0: [{ field: 'channel', message: 'must be one of blog, newsletter' }],
    });
    expect(errors.general).toEqual([]);
  });

  it('accepts bracket paths and whole-row messages', () => {
    expect(parseServerErrors(['mappings[1]: duplicate of mappings.0', 'mappings.2: must be an object'], ids).byRow).toEqual({
      m1: [{ field: null, message: 'duplicate of mappings.0' }],
      n5: [{ field: null, message: 'must be an object' }],
    });
  });

  it('keeps a field it does not know by name', () => {
    expect(parseServerErrors(['mappings.0.weight: unknown field'], ids).byRow.m0).toEqual([{ field: null, message: 'weight: unknown field' }]);
  });

  it('keeps messages that name no row, or a row that is not there, as general', () => {
    const errors = parseServerErrors(['mappings: must hold at most 500 rows', 'mappings.9.type: bad', 'Forbidden resource'], ids);
    expect(errors.byRow).toEqual({});
    expect(errors.general).toEqual(['mappings: must hold at most 500 rows', 'mappings.9.type: bad', 'Forbidden resource']);
    expect(hasErrors(errors)).toBe(true);
  });
});

describe('validateRows', () => {
  it('wants an event name without stray spaces and a hub action', () => {
    const errors = validateRows([emptyRow('a'), { ...emptyRow('b'), event: ' Signed Up', type: 'view' }]);
    expect(errors.byRow.a.map(errorText)).toEqual(['Event name: enter the event name', 'Hub action: choose the hub action']);
    expect(errors.byRow.b.map((e) => e.field)).toEqual(['event']);
  });

  it('flags the second mapping of the same source and event, not the first', () => {
    const rows: DraftRow[] = [
      { ...emptyRow('a'), event: 'Signed Up', type: 'view' },
      { ...emptyRow('b', 'posthog'), event: 'Signed Up', type: 'view' },
      { ...emptyRow('c'), event: 'Signed Up', type: 'post' },
    ];
    const errors = validateRows(rows);
    expect(Object.keys(errors.byRow)).toEqual(['c']);
    expect(errorText(errors.byRow.c[0])).toBe('Event name: row 1 already maps this Segment event');
  });

  it('passes a good table', () => {
    expect(hasErrors(validateRows(toDraftRows(saved)))).toBe(false);
  });
});

describe('clearFieldError', () => {
  it('drops the edited field and row-wide messages, keeping the rest', () => {
    const errors = {
      byRow: {
        a: [
          { field: 'type' as const, message: 'x' },
          { field: 'event' as const, message: 'y' },
          { field: null, message: 'duplicate' },
        ],
      },
      general: ['g'],
    };
    expect(clearFieldError(errors, 'a', 'type')).toEqual({ byRow: { a: [{ field: 'event', message: 'y' }] }, general: ['g'] });
    expect(clearFieldError(clearFieldError(errors, 'a', 'type'), 'a', 'event')).toEqual({ byRow: {}, general: ['g'] });
    expect(clearFieldError(errors, 'zzz', 'type')).toBe(errors);
  });
});
