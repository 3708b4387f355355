import { pointsTable, textCell, valueCell } from './chart-table';

describe('chart table cells', () => {
  const fmt = (n: number) => `${n}%`;

  it('formats a value, keeps a hidden one hidden with its reason, and says "none" otherwise', () => {
    expect(valueCell(12, fmt)).toEqual({ kind: 'value', text: '12%' });
    expect(valueCell(0, fmt, { hidden: true, reason: 'below_minimum' })).toEqual({ kind: 'value', text: '0%' }); // a real 0 is a value
    expect(valueCell(null, fmt, { hidden: true, reason: 'difference' })).toEqual({ kind: 'hidden', reason: 'difference' });
    expect(valueCell(null, fmt, { hidden: true })).toEqual({ kind: 'hidden', reason: null });
    expect(valueCell(null, fmt)).toEqual({ kind: 'none' });
    expect(valueCell(undefined, fmt, undefined, 'no data')).toEqual({ kind: 'none', text: 'no data' });
    expect(valueCell(Number.NaN, fmt)).toEqual({ kind: 'none' });
    expect(textCell('On track')).toEqual({ kind: 'value', text: 'On track' });
  });

  it('builds a one-series table, a row per point', () => {
    const table = pointsTable('People per band', 'Band', 'People', [{ key: 'a', label: '0–10', value: 14 }, { key: 'b', label: '10–20', value: null, hidden: true, reason: 'below_minimum' }], String);
    expect(table).toEqual({
      caption: 'People per band',
      rowHeader: 'Band',
      columns: [{ label: 'People', numeric: true }],
      rows: [
        { key: 'a', label: '0–10', cells: [{ kind: 'value', text: '14' }] },
        { key: 'b', label: '10–20', cells: [{ kind: 'hidden', reason: 'below_minimum' }] },
      ],
    });
  });
});
