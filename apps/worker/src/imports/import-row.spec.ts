import { CsvRowMapper, ImportFileError, derivedEventId, inferScalar, ndjsonRow } from './import-row';

const header = (...cells: string[]) => ({ line: 1, cells });

describe('ndjsonRow', () => {
  it('parses an object and names what is wrong with anything else', () => {
    expect(ndjsonRow({ line: 3, text: '{"type":"view"}' })).toEqual({ line: 3, value: { type: 'view' }, key: '{"type":"view"}' });
    expect(ndjsonRow({ line: 4, text: '{"type":' }).errors![0]).toMatch(/^line: not valid JSON \(/);
    expect(ndjsonRow({ line: 5, text: '[1]' }).errors).toEqual(['line: must be a JSON object']);
    expect(ndjsonRow({ line: 6, text: '', error: 'line: longer than 1 bytes' }).errors).toEqual(['line: longer than 1 bytes']);
  });
});

describe('derivedEventId', () => {
  it('is stable per row content and fits an event id', () => {
    expect(derivedEventId('a')).toBe(derivedEventId('a'));
    expect(derivedEventId('a')).not.toBe(derivedEventId('b'));
    expect(derivedEventId('a')).toMatch(/^imp-[0-9a-f]{40}$/);
  });
});

describe('CsvRowMapper', () => {
  it('maps event columns, properties.<name> and a properties JSON column; empty cells are absent', () => {
    const m = new CsvRowMapper('events', header('event_id', 'type', 'actor_id', 'occurred_at', 'channel', 'properties', 'properties.words', 'properties.code'));
    expect(m.map({ line: 2, cells: ['e1', 'comment', 'p1', '2026-03-02T10:00:00Z', '', '{"a":"x","words":1}', '12', '007'] }).value).toEqual({
      event_id: 'e1',
      type: 'comment',
      actor_id: 'p1',
      occurred_at: '2026-03-02T10:00:00Z',
      properties: { a: 'x', words: 12, code: '007' },
    });
    expect(m.map({ line: 3, cells: ['', 'view', 'p1', 't', '', '', '', ''] }).value).toEqual({ type: 'view', actor_id: 'p1', occurred_at: 't' });
    expect(m.map({ line: 4, cells: ['e1', 'view'] }).errors).toEqual(['line: has 2 field(s), the header has 8']);
    expect(m.map({ line: 5, cells: ['e1', 'view', 'p', 't', '', '[1]', '', ''] }).errors).toEqual(['properties: must be a JSON object']);
  });

  it('maps people with is_leader as true/false/1/0 and attributes.<name>', () => {
    const m = new CsvRowMapper('people', header('person_id', 'name', 'is_leader', 'attributes.level'));
    expect(m.map({ line: 2, cells: ['p1', 'Ann', '1', '3'] }).value).toEqual({ person_id: 'p1', name: 'Ann', is_leader: true, attributes: { level: 3 } });
    expect(m.map({ line: 3, cells: ['p2', 'Bo', 'FALSE', ''] }).value).toEqual({ person_id: 'p2', name: 'Bo', is_leader: false });
    expect(m.map({ line: 4, cells: ['p3', 'Cy', 'maybe', ''] }).errors).toEqual(['is_leader: must be true, false, 1 or 0']);
  });

  it('refuses a header with unknown, repeated or missing columns, naming them', () => {
    expect(() => new CsvRowMapper('events', header('type', 'actor_id', 'occured_at'))).toThrow(ImportFileError);
    expect(() => new CsvRowMapper('events', header('type', 'actor_id', 'occured_at'))).toThrow(/unknown column\(s\) "occured_at".*missing required column\(s\) occurred_at/);
    expect(() => new CsvRowMapper('people', header('person_id', 'name', 'name'))).toThrow(/"name" appear more than once/);
  });

  it('infers numbers and booleans only where unambiguous', () => {
    expect([inferScalar('1.5'), inferScalar('-2e3'), inferScalar('true'), inferScalar('007'), inferScalar('1,5'), inferScalar('True')]).toEqual([1.5, -2000, true, '007', '1,5', 'True']);
  });
});
