import type { ClickHouseClient } from '@clickhouse/client';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Workbook, ValueType } from 'exceljs';
import { closeClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { canonicalManifestJson, footerWithKeyValues, PARQUET_MANIFEST_KEY, parquetFooter, ParquetFooterRewriter, parquetKeyValues, ParquetStagingRepository, writeExport, type ExportCell, type ExportColumn, type ExportFormat, type ExportTable } from '@hubpulse/exports';
import { uniqueName, workerDataDir } from '@hubpulse/testing';
import { SAMPLE_COLUMNS, sampleManifest, sampleRow, sampleTable } from './exports.fixture';

/**
 * The export format writers of libs/exports against real engines: Parquet written by embedded
 * ClickHouse and read back by it (types, values, nulls, order), XLSX read back by exceljs, CSV and
 * NDJSON read back by ClickHouse; the same SHA-256 on a re-run; bounded memory on 200k rows.
 */
describe('export writers (chDB, exceljs)', () => {
  const cfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-exports-'));
  let clickhouse: ClickHouseClient;
  let n = 0;

  beforeAll(async () => {
    clickhouse = await openClickHouse(cfg);
    await clickhouse.command({ query: `CREATE DATABASE IF NOT EXISTS ${cfg.database}` });
  });
  afterAll(async () => {
    await clickhouse.command({ query: `DROP DATABASE IF EXISTS ${cfg.database}` });
    await closeClickHouse(clickhouse, cfg);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function write(format: ExportFormat, table: ExportTable, created_at?: string) {
    const file = path.join(dir, `e${++n}.${format}`);
    const manifest = sampleManifest({ format, columns: [...table.columns], ...(created_at ? { created_at } : {}) });
    const result = await writeExport(format, table, manifest, fs.createWriteStream(file), { clickhouse, database: cfg.database });
    return { file, result, manifest };
  }
  const rows = async <T>(query: string) => (await clickhouse.query({ query, format: 'JSONEachRow' })).json<T>();
  const compactRows = async (query: string) => (await clickhouse.query({ query, format: 'JSONCompactEachRow', clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } })).json<ExportCell[]>();
  /** A sample row as ClickHouse prints it (DateTime64 as 'YYYY-MM-DD hh:mm:ss.sss'). */
  const asClickHouse = (row: ExportCell[]) => row.map((c, i) => (SAMPLE_COLUMNS[i].type === 'datetime' && typeof c === 'string' ? c.replace('T', ' ').replace('Z', '') : c));

  it('writes Parquet that ClickHouse reads back with Nullable typed columns, equal values, nulls and row order kept', async () => {
    const N = 3000;
    const { file, result, manifest } = await write('parquet', sampleTable(N, 333));
    expect(result.rows).toBe(N);
    expect(result.bytes).toBe(fs.statSync(file).size);
    expect(result.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('PAR1');

    const described = await rows<{ name: string; type: string }>(`DESCRIBE file('${file}', Parquet)`);
    expect(described.map((d) => [d.name, d.type])).toEqual([
      ['person_id', 'Nullable(String)'],
      ['events', 'Nullable(Int64)'],
      ['engagement index', 'Nullable(Float64)'],
      ['is_leader', 'Nullable(Bool)'],
      ['day', 'Nullable(Date32)'],
      ['last_seen_at', "Nullable(DateTime64(3, 'UTC'))"],
      ['note', 'Nullable(String)'],
    ]);
    const back = await compactRows(`SELECT * FROM file('${file}', Parquet)`);
    expect(back).toHaveLength(N);
    for (let i = 0; i < N; i++) expect(back[i]).toEqual(asClickHouse(sampleRow(i)));
    const nulls = await compactRows(`SELECT toUInt32(countIf(events IS NULL)), toUInt32(countIf(day IS NULL)), toUInt32(countIf(is_leader IS NULL)) FROM file('${file}', Parquet)`);
    expect(nulls[0]).toEqual([Math.ceil((N - 3) / 7), Math.ceil(N / 13), N / 5]);
    // The staging table is gone.
    expect(await new ParquetStagingRepository(clickhouse, cfg.database).leftovers()).toEqual([]);

    // The manifest is in the footer's key-value metadata (rows as written), and the rewritten footer still reads as ClickHouse wrote it.
    const bytes = fs.readFileSync(file);
    const meta = parquetKeyValues(bytes);
    expect(Object.keys(meta)).toEqual([PARQUET_MANIFEST_KEY]);
    expect(JSON.parse(meta[PARQUET_MANIFEST_KEY])).toEqual({ ...manifest, rows: N });
    expect(bytes.includes(Buffer.from(canonicalManifestJson({ ...manifest, rows: N }), 'utf8'))).toBe(true);
    const [footer] = await rows<{ num_rows: string | number; num_columns: string | number; num_row_groups: string | number }>(`SELECT num_rows, num_columns, num_row_groups FROM file('${file}', ParquetMetadata)`);
    expect([Number(footer.num_rows), Number(footer.num_columns), Number(footer.num_row_groups)]).toEqual([N, SAMPLE_COLUMNS.length, 1]);
  });

  it('rewrites a ClickHouse Parquet footer as the format defines it: fields kept, key-value metadata merged, a stream held back only at its end', async () => {
    // Two row groups and a footer of ClickHouse's own making, written without our rewrite.
    const plain = path.join(dir, 'plain.parquet');
    await clickhouse.command({ query: `INSERT INTO FUNCTION file('${plain}', Parquet) SELECT number AS n, toString(number) AS s FROM numbers(20000) SETTINGS output_format_parquet_row_group_size = 10000, engine_file_truncate_on_insert = 1` });
    const original = fs.readFileSync(plain);
    expect(parquetKeyValues(original)).toEqual({});

    const rewrite = async (chunkSize: number, window: number, entries: [string, string][], source = original) => {
      const out: Buffer[] = [];
      const chunks = Array.from({ length: Math.ceil(source.length / chunkSize) }, (_, i) => source.subarray(i * chunkSize, (i + 1) * chunkSize));
      const rewriter = new ParquetFooterRewriter(() => entries, window);
      rewriter.on('data', (c: Buffer) => out.push(c));
      await pipeline(Readable.from(chunks), rewriter);
      return Buffer.concat(out);
    };
    const entries: [string, string][] = [['a', 'ü'.repeat(20)], ['empty', '']];
    const whole = await rewrite(original.length, 1 << 20, entries);
    // the row groups are byte for byte ClickHouse's; only the footer changed
    const footerStart = original.length - 8 - original.readUInt32LE(original.length - 8);
    expect(whole.subarray(0, footerStart).equals(original.subarray(0, footerStart))).toBe(true);
    expect(parquetKeyValues(whole)).toEqual({ a: 'ü'.repeat(20), empty: '' });
    // the same bytes however the stream is cut, as long as the footer fits the window
    expect((await rewrite(997, 4096, entries)).equals(whole)).toBe(true);
    await expect(rewrite(16, 64, entries)).rejects.toThrow(/larger than the 64 bytes held back/);

    const again = path.join(dir, 'rewritten.parquet');
    fs.writeFileSync(again, whole);
    expect(await compactRows(`SELECT toUInt32(count()), toUInt64(sum(n)), max(s) FROM file('${again}', Parquet)`)).toEqual([[20000, 199990000, '9999']]);
    const [m] = await rows<{ num_rows: string | number; num_row_groups: string | number }>(`SELECT num_rows, num_row_groups FROM file('${again}', ParquetMetadata)`);
    expect([Number(m.num_rows), Number(m.num_row_groups)]).toEqual([20000, 2]);
    // metadata already there is kept, ours after it; 15 or more entries take the long list header
    const many = Array.from({ length: 20 }, (_, i): [string, string] => [`k${i}`, `v${i}`]);
    const twice = parquetKeyValues(Buffer.concat([whole.subarray(0, footerStart), ...(() => {
      const f = footerWithKeyValues(parquetFooter(whole), many);
      const len = Buffer.alloc(4);
      len.writeUInt32LE(f.length);
      return [f, len, Buffer.from('PAR1')];
    })()]));
    expect(Object.keys(twice)).toEqual(['a', 'empty', ...many.map(([k]) => k)]);
    // a stream cut short is refused, not passed on with a broken footer
    await expect(rewrite(997, 1 << 20, entries, original.subarray(0, original.length - 3))).rejects.toThrow('Parquet stream does not end with PAR1');
  });

  it('writes Parquet for an empty table (the columns, no rows) and for odd column names', async () => {
    const { file, result } = await write('parquet', sampleTable(0));
    expect(result.rows).toBe(0);
    expect((await rows<{ name: string }>(`DESCRIBE file('${file}', Parquet)`)).map((d) => d.name)).toEqual(SAMPLE_COLUMNS.map((c) => c.name));
    expect(await rows(`SELECT * FROM file('${file}', Parquet)`)).toEqual([]);

    const odd: ExportColumn[] = [{ name: 'a `tick` and \\ slash', type: 'int', description: 'x' }];
    const oddFile = await write('parquet', sampleTable(2, 1, odd, (i) => [i]));
    expect(await compactRows(`SELECT * FROM file('${oddFile.file}', Parquet)`)).toEqual([[0], [1]]);
  });

  it('drops the staging table when the table fails half-way, and fails the file stream', async () => {
    const broken: ExportTable = {
      columns: SAMPLE_COLUMNS,
      rows: (async function* () {
        yield [sampleRow(0)];
        throw new Error('view failed');
      })(),
    };
    const out = fs.createWriteStream(path.join(dir, 'broken.parquet'));
    await expect(writeExport('parquet', broken, sampleManifest(), out, { clickhouse, database: cfg.database })).rejects.toThrow('view failed');
    expect(out.destroyed).toBe(true);
    expect(await new ParquetStagingRepository(clickhouse, cfg.database).leftovers()).toEqual([]);
  });

  it('writes XLSX that exceljs reads back: a typed Data sheet and the manifest in About', async () => {
    const N = 500;
    const { file, result } = await write('xlsx', sampleTable(N, 64));
    expect(result.rows).toBe(N);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'About']);
    expect(wb.created.toISOString()).toBe('2026-03-01T09:31:12.000Z');
    const data = wb.getWorksheet('Data')!;
    expect(data.rowCount).toBe(N + 1);
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(SAMPLE_COLUMNS.map((c) => c.name));
    for (let i = 0; i < N; i++) {
      const expected = sampleRow(i);
      const row = data.getRow(i + 2);
      expected.forEach((cell, c) => {
        const got = row.getCell(c + 1);
        const type = SAMPLE_COLUMNS[c].type;
        if (cell === null || cell === '') expect(got.value).toBeNull();
        else if (type === 'date' || type === 'datetime') expect((got.value as Date).toISOString()).toBe(type === 'date' ? `${cell as string}T00:00:00.000Z` : cell);
        else expect(got.value).toBe(cell);
      });
    }
    // A text that looks like a formula stays text.
    expect(data.getRow(5 + 2).getCell(1).type).toBe(ValueType.String);
    expect(data.getRow(2 + 2).getCell(2).type).toBe(ValueType.Number);
    expect(data.getRow(2 + 2).getCell(4).type).toBe(ValueType.Boolean);
    expect(data.getRow(2 + 2).getCell(5).type).toBe(ValueType.Date);
    expect(data.getRow(2 + 2).getCell(5).numFmt).toBe('yyyy-mm-dd');

    const about = Object.fromEntries(
      wb
        .getWorksheet('About')!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(about).toMatchObject({ view: 'engagement.members', rows: N, created_at: '2026-03-01T09:31:12.345Z', 'params.range': '90d', 'segment_membership_versions.seg-a': 7, 'columns.day': 'date: Day (UTC)', generator: 'hubpulse 0.1.0' });
  });

  it('writes CSV and NDJSON that ClickHouse reads back equal', async () => {
    const N = 1000;
    const structure = "person_id Nullable(String), events Nullable(Int64), `engagement index` Nullable(Float64), is_leader Nullable(Bool), day Nullable(Date32), last_seen_at Nullable(DateTime64(3, 'UTC')), note Nullable(String)";
    const inSql = structure.replace(/'/g, "\\'");
    const expected = Array.from({ length: N }, (_, i) => asClickHouse(sampleRow(i)));
    const ndjson = await write('ndjson', sampleTable(N, 100));
    expect(await compactRows(`SELECT * FROM file('${ndjson.file}', JSONEachRow, '${inSql}') SETTINGS date_time_input_format = 'best_effort'`)).toEqual(expected);
    const csv = await write('csv', sampleTable(N, 100));
    const back = await compactRows(`SELECT * FROM file('${csv.file}', CSVWithNames, '${inSql}') SETTINGS date_time_input_format = 'best_effort', format_csv_null_representation = ''`);
    // CSV has one empty: an empty text and a null read back alike; formulas carry their leading quote.
    expect(back).toEqual(expected.map((r) => r.map((c, i) => (i === 0 && typeof c === 'string' && c.startsWith('=') ? `'${c}` : i === 6 && c === '' ? null : c))));
  });

  it('gives every format the same SHA-256 when run again a second later', async () => {
    for (const format of ['csv', 'ndjson', 'xlsx', 'parquet'] as const) {
      const first = await write(format, sampleTable(5000, 700));
      await new Promise((r) => setTimeout(r, 1100));
      const second = await write(format, sampleTable(5000, 700));
      expect({ format, sha256: second.result.sha256, bytes: second.result.bytes }).toEqual({ format, sha256: first.result.sha256, bytes: first.result.bytes });
      expect(fs.readFileSync(second.file).equals(fs.readFileSync(first.file))).toBe(true);
    }
    // created_at is the only time inside: another one changes the XLSX.
    expect((await write('xlsx', sampleTable(10), '2026-03-02T00:00:00.000Z')).result.sha256).not.toBe((await write('xlsx', sampleTable(10))).result.sha256);
  });

  describe('memory', () => {
    /** 200k rows with a 400-character text each: ~100 MB of data, generated while written. */
    const WIDE: ExportColumn[] = [...SAMPLE_COLUMNS, { name: 'comment', type: 'string', description: 'Free text' }];
    const filler = 'lorem ipsum dolor sit amet '.repeat(15).slice(0, 400);
    const wide = (n: number) => sampleTable(n, 1000, WIDE, (i) => [...sampleRow(i), `${i} ${filler}`]);
    const DATA_BYTES = 200_000 * 500;

    /**
     * The collector, for the sampler: memory a writer holds is what survives a collection. Without
     * it, garbage waiting for the next major GC counts too, and that grows with the machine's load.
     */
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;

    it.each(['csv', 'ndjson', 'xlsx', 'parquet'] as const)('streams 200k rows of %s with RSS growth well under the data size', async (format) => {
      await write(format, wide(20_000)); // warm up (chDB arenas, JIT)
      gc();
      const start = process.memoryUsage().rss;
      let peak = start;
      // A forced collection costs more as the heap grows and the machine is loaded (every 200 ms, a
      // full CI run once spent the whole 300 s collecting): the next sample waits ten collections'
      // time, at least half a second, so collecting stays under a tenth of the writer's time.
      let timer: NodeJS.Timeout | undefined;
      const sample = () => {
        const t0 = performance.now();
        gc();
        peak = Math.max(peak, process.memoryUsage().rss);
        timer = setTimeout(sample, Math.max(500, 10 * (performance.now() - t0)));
      };
      timer = setTimeout(sample, 500);
      const { result } = await write(format, wide(200_000));
      clearTimeout(timer);
      gc();
      peak = Math.max(peak, process.memoryUsage().rss);
      const growth = peak - start;
      process.stdout.write(`${format}: 200k rows, ${(result.bytes / 1048576).toFixed(1)} MB file, RSS growth ${(growth / 1048576).toFixed(0)} MB\n`);
      expect(result.rows).toBe(200_000);
      // Unloaded, every format grows 20–31 MB; a writer that held the rows would pass the data's
      // ~100 MB (XLSX did, +424 MB at 1M rows, before its zip was given time per page).
      expect(growth).toBeLessThan(DATA_BYTES / 2);
    }, 300_000);
  });
});
