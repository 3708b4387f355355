import { KpiCsvReader, parsePeriod } from './kpi-csv';

const read = (...pieces: string[]) => {
  const r = new KpiCsvReader();
  for (const p of pieces) r.push(p);
  r.end();
  return r;
};

const messages = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    return (err as { getResponse: () => { message: string[] } }).getResponse().message;
  }
  throw new Error('expected a 400');
};

describe('KpiCsvReader', () => {
  it('reads good rows and reports bad ones by line and column', () => {
    const r = read(
      '\uFEFFPeriod,Value,Note\r\n',
      '2026-01,100.5,\r\n',
      '\r\n', // blank line: skipped, still counted as a line
      '2026-02-01,"1e3","restated, after audit"\r\n',
      '2026-13,5,\r\n',
      '2026-03,"1,234",\r\n',
      ',,\r\n',
      '2026-01,7,\r\n',
      '2026-04,8\r\n',
      '"2026-05",-2.5,"a ""quoted"" note"',
    );
    expect(r.rows).toEqual([
      { line: 2, period: '2026-01-01', value: 100.5, note: null },
      { line: 4, period: '2026-02-01', value: 1000, note: 'restated, after audit' },
      { line: 10, period: '2026-05-01', value: -2.5, note: 'a "quoted" note' },
    ]);
    expect(r.errors).toEqual([
      { line: 5, column: 'period', message: 'must be a month YYYY-MM or YYYY-MM-01 (got "2026-13")' },
      { line: 6, column: 'value', message: 'must be a plain number with a dot as decimal separator and no thousands separators (got "1,234")' },
      { line: 7, column: 'period', message: 'required: a month YYYY-MM or YYYY-MM-01' },
      { line: 7, column: 'value', message: 'required: a number' },
      { line: 8, column: 'period', message: '2026-01-01 is already on line 2: one value per month' },
      { line: 9, column: null, message: 'has 2 fields, the header has 3' },
    ]);
    expect(r.read).toBe(8);
  });

  it('takes the text split anywhere, even inside a quoted field', () => {
    const text = 'value,period\n12,2026-01\n"1\n3",2026-02\n';
    const whole = read(text);
    const split = read(...text.split(''));
    expect(split.rows).toEqual(whole.rows);
    expect(split.errors).toEqual(whole.errors);
    expect(whole.rows).toEqual([{ line: 2, period: '2026-01-01', value: 12, note: null }]);
    expect(whole.errors).toEqual([{ line: 3, column: 'value', message: expect.stringMatching(/^must be a plain number/) }]);
  });

  it('reports a quote left open as a row error', () => {
    const r = read('period,value\n2026-01,"5\n');
    expect(r.errors).toEqual([{ line: 2, column: null, message: 'field 2: a quoted field is never closed' }]);
  });

  it('refuses a wrong header with a 400 naming what is wrong', () => {
    expect(messages(() => read('month,amount\n2026-01,5\n'))).toEqual([
      'header: missing columns period, value',
      'header: unknown columns "month", "amount"',
      'header: expected period,value[,note] (got "month","amount")',
    ]);
    expect(messages(() => read('period,value,value\n'))).toContain('header: repeated column value');
    expect(messages(() => read(''))).toEqual(['body: empty file; expected a header row period,value[,note]']);
    expect(messages(() => read('\n\n'))).toEqual(['body: empty file; expected a header row period,value[,note]']);
  });

  it('parses months', () => {
    expect(parsePeriod('2026-03')).toBe('2026-03-01');
    expect(parsePeriod('2026-03-01')).toBe('2026-03-01');
    expect(parsePeriod('2026-03-02')).toBeNull();
    expect(parsePeriod('2026-00')).toBeNull();
    expect(parsePeriod('March 2026')).toBeNull();
  });
});
