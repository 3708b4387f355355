import { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { writeExport, type ExportCell, type ExportColumn, type ExportManifest, type ExportTable } from './index';

const columns: ExportColumn[] = [
  { name: 'name', type: 'string', description: 'Name' },
  { name: 'n', type: 'int', description: 'Count' },
  { name: 'share', type: 'float', description: 'Share' },
  { name: 'ok', type: 'bool', description: 'Flag' },
  { name: 'day', type: 'date', description: 'Day' },
  { name: 'at', type: 'datetime', description: 'Time' },
];
const rows: ExportCell[][] = [
  ['plain', 1, 0.5, true, '2026-03-01', '2026-03-01T10:00:00.000Z'],
  ['=SUM(A1:A2)', -2, null, false, null, null],
  ['a "quoted", multi\nline', null, 1e-7, null, '2026-12-31', '2026-12-31T23:59:59.999Z'],
];
const table = (r: readonly (readonly ExportCell[])[] = rows, pageSize = 2, cols = columns): ExportTable => ({
  columns: cols,
  rows: (async function* () {
    for (let i = 0; i < r.length; i += pageSize) yield r.slice(i, i + pageSize);
  })(),
});
const manifest = { created_at: '2026-03-01T09:00:00.000Z' } as ExportManifest;

async function write(format: 'csv' | 'ndjson', t: ExportTable, out?: Writable) {
  const chunks: Buffer[] = [];
  const sink = out ?? new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) });
  const result = await writeExport(format, t, manifest, sink);
  return { result, text: Buffer.concat(chunks).toString('utf8') };
}

describe('CSV writer', () => {
  it('writes RFC 4180 with CRLF, quoted text, defused formulas and empty nulls', async () => {
    const { result, text } = await write('csv', table());
    expect(text).toBe(
      'name,n,share,ok,day,at\r\n' +
        'plain,1,0.5,true,2026-03-01,2026-03-01T10:00:00.000Z\r\n' +
        "'=SUM(A1:A2),-2,,false,,\r\n" +
        '"a ""quoted"", multi\nline",,1e-7,,2026-12-31,2026-12-31T23:59:59.999Z\r\n',
    );
    expect(result).toEqual({ rows: 3, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('gives the same bytes whatever the paging', async () => {
    expect((await write('csv', table(rows, 1))).text).toBe((await write('csv', table(rows, 3))).text);
  });

  it('writes only the header for an empty table', async () => {
    expect((await write('csv', table([]))).text).toBe('name,n,share,ok,day,at\r\n');
  });
});

describe('NDJSON writer', () => {
  it('writes one object per row, keys = column names, and reads back equal', async () => {
    const { result, text } = await write('ndjson', table());
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const objects = lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => columns.map((c) => o[c.name]))).toEqual(rows);
    expect(Object.keys(objects[0])).toEqual(columns.map((c) => c.name));
    expect(result.rows).toBe(3);
  });

  it('writes a non-finite number as null', async () => {
    const { text } = await write('ndjson', table([['x', null, Number.NaN, null, null, null]]));
    expect(JSON.parse(text.trim())).toMatchObject({ share: null });
  });
});

describe('the table contract', () => {
  it('fails on a cell of the wrong type, naming the row and column, and destroys the sink', async () => {
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    await expect(write('csv', table([rows[0], ['x', 1.5, null, null, null, null]]), sink)).rejects.toThrow('export row 2, column n: expected a whole number, got 1.5');
    expect(sink.destroyed).toBe(true);
    await expect(write('csv', table([['x', null, null, null, '2026-3-1', null]]))).rejects.toThrow("column day: expected a date 'YYYY-MM-DD'");
    await expect(write('ndjson', table([['x', null, null, null, null, '2026-03-01 10:00:00']]))).rejects.toThrow('column at: expected a UTC time');
  });

  it('fails on a short row and on duplicate column names', async () => {
    await expect(write('csv', table([['x']]))).rejects.toThrow('export row 1 has 1 cells for 6 columns');
    await expect(write('csv', table([], 1, [columns[0], columns[0]]))).rejects.toThrow('export column "name" appears twice');
  });

  it('waits for a slow sink (backpressure) and still writes everything', async () => {
    const many: ExportCell[][] = Array.from({ length: 5000 }, (_, i) => [`row ${i}`, i, i / 3, i % 2 === 0, '2026-03-01', '2026-03-01T10:00:00.000Z']);
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(c: Buffer, _e, cb) {
        bytes += c.length;
        setTimeout(cb, 0);
      },
    });
    const { result } = await write('ndjson', table(many, 100), slow);
    expect(result.rows).toBe(5000);
    expect(bytes).toBe(result.bytes);
  });
});
