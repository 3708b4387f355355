import { CsvParser, CsvTooLongError, type CsvRecord } from './csv-parser';

/** Parses `text` fed in pieces of `step` characters (1 = every possible split point). */
function parse(text: string, step = text.length || 1, max?: number): CsvRecord[] {
  const p = new CsvParser(max);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += step) p.push(text.slice(i, i + step), out);
  p.end(out);
  return out;
}

describe('CsvParser', () => {
  const tricky =
    'event_id,type,properties.text\r\n' +
    'e1,comment,"Hello, world"\r\n' +
    'e2,comment,"two\nlines"\r\n' +
    'e3,comment,"she said ""hi"""\n' +
    'e4,view,\n' +
    '"",view,plain';

  it('handles quoted commas, line breaks, doubled quotes, CRLF and a last line without a break', () => {
    expect(parse(tricky)).toEqual([
      { line: 1, cells: ['event_id', 'type', 'properties.text'] },
      { line: 2, cells: ['e1', 'comment', 'Hello, world'] },
      { line: 3, cells: ['e2', 'comment', 'two\nlines'] },
      { line: 5, cells: ['e3', 'comment', 'she said "hi"'] },
      { line: 6, cells: ['e4', 'view', ''] },
      { line: 7, cells: ['', 'view', 'plain'] },
    ]);
  });

  it('gives the same records however the text is split', () => {
    const whole = parse(tricky);
    for (const step of [1, 2, 3, 5, 7]) expect(parse(tricky, step)).toEqual(whole);
    expect(parse('a,b\r\nc,d\r\n', 4)).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['c', 'd'] }]); // CR | LF split
  });

  it('skips blank lines and a byte order mark, keeps a quoted empty line', () => {
    expect(parse('\uFEFFa,b\n\n1,2\n\n""\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: [''] },
    ]);
  });

  it('reports text after a closing quote and a quote never closed, on the record', () => {
    expect(parse('a,"b"c,d\nok\n"open,x\ny')).toEqual([
      { line: 1, cells: ['a', 'bc', 'd'], error: expect.stringMatching(/^field 2: text after the closing quote/) },
      { line: 2, cells: ['ok'] },
      { line: 3, cells: ['open,x\ny'], error: 'field 1: a quoted field is never closed' },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parse('5" screen,x')).toEqual([{ line: 1, cells: ['5" screen', 'x'] }]);
  });

  it('stops on a record longer than the limit instead of buffering the file', () => {
    expect(() => parse(`a\n"${'x'.repeat(100)}`, 10, 50)).toThrow(CsvTooLongError);
    expect(() => parse(`a\n"${'x'.repeat(100)}`, 10, 50)).toThrow(/^line 2: a CSV record longer than 50 characters/);
    expect(parse(`${'x'.repeat(40)}\n${'y'.repeat(40)}`, 7, 50)).toHaveLength(2);
  });
});
