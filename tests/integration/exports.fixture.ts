import { Writable } from 'node:stream';
import type { ExportCell, ExportColumn, ExportManifest, ExportTable } from '@hubpulse/exports';

/** One column of every type, with names a CSV/SQL would trip on. */
export const SAMPLE_COLUMNS: ExportColumn[] = [
  { name: 'person_id', type: 'string', description: 'Person' },
  { name: 'events', type: 'int', description: 'Hub actions' },
  { name: 'engagement index', type: 'float', description: 'Share, 0–100 %' },
  { name: 'is_leader', type: 'bool', description: 'Leads people' },
  { name: 'day', type: 'date', description: 'Day (UTC)' },
  { name: 'last_seen_at', type: 'datetime', description: 'Last action (UTC)' },
  { name: 'note', type: 'string', description: 'Why a cell is empty' },
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Row i of the sample table: deterministic, with nulls (hidden cells), formula-like and quoted text. */
export function sampleRow(i: number): ExportCell[] {
  const hidden = i % 7 === 3;
  const day = `2026-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
  return [
    i % 11 === 5 ? `=HYPERLINK("x",${i})` : `p-${i}, "the ${i}th"`,
    hidden ? null : i * 3 - 50,
    hidden ? null : (i % 1000) / 7,
    i % 5 === 0 ? null : i % 2 === 0,
    i % 13 === 0 ? null : day,
    i % 17 === 0 ? null : `${day}T${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}.${pad(i % 1000, 3)}Z`,
    hidden ? 'hidden: fewer than 5 people' : '',
  ];
}

/** `n` rows in pages of `pageSize`, generated lazily (the table never sits in memory whole). */
export function sampleTable(n: number, pageSize = 1000, columns = SAMPLE_COLUMNS, row = sampleRow): ExportTable {
  return {
    columns,
    rows: (async function* () {
      for (let start = 0; start < n; start += pageSize) {
        const page: ExportCell[][] = [];
        for (let i = start; i < Math.min(n, start + pageSize); i++) page.push(row(i));
        yield page;
      }
    })(),
  };
}

export function sampleManifest(over: Partial<ExportManifest> = {}): ExportManifest {
  return {
    view: 'engagement.members',
    title: 'Engagement — members',
    params: { range: '90d', group_by: 'department' },
    attribution: 'today',
    format: 'csv',
    min_group_size: 5,
    scoring_model_version: 3,
    segment_membership_versions: { 'seg-b': 2, 'seg-a': 7 },
    data_watermark: { newest_ingested_at: '2026-03-01T09:30:00.000Z', newest_scored_day: '2026-02-28' },
    created_at: '2026-03-01T09:31:12.345Z',
    created_by: 'analyst@example.com',
    columns: SAMPLE_COLUMNS,
    rows: 0,
    hidden_cells: 0,
    hidden_note: 'Empty cells would describe fewer than 5 people.',
    generator: 'hubpulse 0.1.0',
    ...over,
  };
}

/** A sink that keeps the bytes. */
export function memorySink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

/** A sink that drops the bytes (memory tests), slowly when asked, to exercise backpressure. */
export function nullSink(delayEvery = 0): Writable {
  let n = 0;
  return new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk, _enc, cb) {
      if (delayEvery && ++n % delayEvery === 0) setTimeout(cb, 1);
      else cb();
    },
  });
}
