import { stream as excelStream } from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { checkedPages, type ExportCell, type ExportColumn, type ExportTable } from './export-table';
import { finish } from './hashing-sink';
import { manifestRows, type ExportManifest } from './manifest';

type ExcelValue = string | number | boolean | Date | null;

const NUM_FMT: Partial<Record<ExportColumn['type'], string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss.000',
  int: '0',
};

/** A typed Excel value: numbers and booleans as they are, dates and times as Excel dates (UTC), null empty. */
function excelValue(type: ExportColumn['type'], cell: ExportCell): ExcelValue {
  if (cell === null) return null;
  if (type === 'date') return new Date(`${cell as string}T00:00:00.000Z`);
  if (type === 'datetime') return new Date(cell as string);
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}

/** archiver's zip inside exceljs's streaming writer. */
interface Zip {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
  readableLength: number;
  writableLength: number;
}

/** An exceljs sheet buffer: an old-style stream that archiver would wrap in a PassThrough of its own. */
const isOldStyleStream = (s: unknown): s is { pipe(d: PassThrough): unknown } =>
  typeof (s as { pipe?: unknown } | null)?.pipe === 'function' && !(s as { _readableState?: unknown })._readableState;

/**
 * exceljs's WorkbookWriter with every zip entry dated `created` (archiver stamps the current time
 * otherwise; the writer's constructor already adds two entries, hence the hooks on addThemes and
 * addOfficeRels, which it calls first). Sheet rows reach the zip through a PassThrough made here
 * (archiver would make the same one), so what waits in it can be measured.
 */
class PinnedWorkbookWriter extends excelStream.xlsx.WorkbookWriter {
  entries: PassThrough[];

  private pin(): void {
    const self = this as unknown as { zip: Zip & { pinned?: true }; created: Date; entries?: PassThrough[] };
    if (self.zip.pinned) return;
    self.zip.pinned = true;
    const at = self.created;
    const entries: PassThrough[] = (self.entries = []);
    const append = self.zip.append.bind(self.zip);
    self.zip.append = (source, data) => {
      if (isOldStyleStream(source)) {
        const through = new PassThrough();
        source.pipe(through);
        entries.push(through);
        return append(through, { ...data, date: at });
      }
      return append(source, { ...data, date: at });
    };
  }

  override addThemes(): Promise<void> {
    this.pin();
    return super.addThemes();
  }

  override addOfficeRels(): Promise<void> {
    this.pin();
    return super.addOfficeRels();
  }

  /** Bytes between a committed row and the sink. */
  pending(sink: Writable): number {
    const zip = (this as unknown as { zip: Zip }).zip;
    return this.entries.reduce((n, e) => n + e.readableLength + e.writableLength, zip.readableLength + zip.writableLength + sink.writableLength);
  }
}

/** Up to this many bytes may wait in the writer before the next page is taken. */
const MAX_PENDING = 4 << 20;

/**
 * XLSX through exceljs's streaming WorkbookWriter: sheet "Data" (header row frozen, typed cells:
 * numbers as numbers, dates as dates, null empty; inline strings, so memory does not grow with
 * distinct texts) and sheet "About" (the manifest as key/value rows; `rows` is the count written).
 *
 * Same table + manifest → same bytes: the workbook's created/modified dates and every zip entry's
 * time come from manifest.created_at (archiver would stamp each entry with the current time).
 * exceljs pushes a committed row into the zip without waiting, so after each page this waits until
 * what sits in the sheet buffer, the zip and the sink is under MAX_PENDING.
 */
export async function writeXlsx(table: ExportTable, manifest: ExportManifest, sink: Writable): Promise<number> {
  const at = new Date(manifest.created_at);
  if (Number.isNaN(at.getTime())) throw new Error(`manifest.created_at ${JSON.stringify(manifest.created_at)} is not a time`);
  const wb = new PinnedWorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false, created: at, modified: at, zip: { zlib: { level: 6 } } } as never);
  wb.created = at;
  wb.modified = at;
  wb.creator = manifest.generator;
  wb.lastModifiedBy = manifest.generator;

  const { columns } = table;
  const data = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.min(60, Math.max(10, c.name.length + 2, c.type === 'datetime' ? 24 : 0)),
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
  }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).commit();

  let rows = 0;
  const types = columns.map((c) => c.type);
  for await (const page of checkedPages(table)) {
    for (const row of page) {
      data.addRow(row.map((cell, i) => excelValue(types[i], cell))).commit();
    }
    rows += page.length;
    // Let zlib's callbacks run (pages of a generator may arrive without ever leaving the microtask
    // queue), then wait while too much sits between the sheet and the sink.
    await new Promise<void>((r) => setImmediate(r));
    while (wb.pending(sink) > MAX_PENDING) await new Promise<void>((r) => setTimeout(r, 1));
  }
  data.commit();

  const about = wb.addWorksheet('About');
  about.columns = [
    { header: 'field', key: 'field', width: 32 },
    { header: 'value', key: 'value', width: 100 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [field, value] of manifestRows({ ...manifest, rows })) about.addRow([field, value]).commit();
  about.commit();

  await wb.commit();
  if (!sink.writableEnded) await finish(sink);
  else if (!sink.writableFinished) await new Promise<void>((r, j) => sink.once('finish', r).once('error', j));
  return rows;
}
