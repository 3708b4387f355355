import { csvCell, csvFileName, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('segment')).toBe('segment');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes null, undefined and non-finite numbers as empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('-x')).toBe("'-x");
  });
});

describe('toCsv', () => {
  it('joins a header and rows with CRLF and ends with one', () => {
    expect(
      toCsv(
        ['name', 'count'],
        [
          ['no mapping for event "Signed Up"', 3],
          ['ok', null],
        ],
      ),
    ).toBe('name,count\r\n"no mapping for event ""Signed Up""",3\r\nok,\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});

describe('csvFileName', () => {
  it('names the file after what and when, safely', () => {
    expect(csvFileName('data sources 60min', new Date('2026-03-01T09:30:15Z'))).toBe('hubpulse-data-sources-60min-2026-03-01T0930Z.csv');
    expect(csvFileName('x', new Date('bad'))).toBe('hubpulse-x.csv');
  });
});
