import type { ExportColumn, ExportFormat } from './export-table';

/** What a file was made from: view, parameters, versions, data watermark, who and when, columns. */
export interface ExportManifest {
  view: string;
  title: string;
  params: Record<string, string | number | boolean>;
  /**
   * Whose group people's actions count under (issue 15): `as_it_was` (the group they were in that
   * day) where the view takes `attribution`, else `today` (every other view groups by today's directory).
   */
  attribution: 'as_it_was' | 'today';
  format: ExportFormat;
  min_group_size: number;
  scoring_model_version: number | null;
  /** Segment id → membership version the rows were read at. */
  segment_membership_versions: Record<string, number | null>;
  data_watermark: { newest_ingested_at: string | null; newest_scored_day: string | null };
  /** ISO time; also the XLSX created/modified dates and zip entry times, so a re-run gives the same bytes. */
  created_at: string;
  created_by: string;
  columns: ExportColumn[];
  rows: number;
  /** Cells left empty because they would describe fewer than min_group_size people. */
  hidden_cells: number;
  hidden_note: string;
  /** 'hubpulse <version>' */
  generator: string;
}

/** The manifest's keys in the order they are written. */
const KEY_ORDER: readonly (keyof ExportManifest)[] = [
  'view',
  'title',
  'params',
  'attribution',
  'format',
  'min_group_size',
  'scoring_model_version',
  'segment_membership_versions',
  'data_watermark',
  'created_at',
  'created_by',
  'columns',
  'rows',
  'hidden_cells',
  'hidden_note',
  'generator',
];

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, sortedKeys(obj[k])]),
  );
}

/** The manifest in a fixed order (known keys as listed, others after them; nested keys sorted; columns as name, type, description). */
function canonical(manifest: ExportManifest): Record<string, unknown> {
  const m = manifest as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (k in m) out[k] = k === 'columns' ? manifest.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })) : sortedKeys(m[k]);
  for (const k of Object.keys(m).sort()) if (!(k in out)) out[k] = sortedKeys(m[k]);
  return out;
}

/**
 * The manifest file beside an export, and the text its hash is taken of: two-space JSON with a
 * fixed key order and a final newline, so equal manifests give equal bytes.
 */
export function canonicalManifestJson(manifest: ExportManifest): string {
  return `${JSON.stringify(canonical(manifest), null, 2)}\n`;
}

/** The manifest as key/value rows (the XLSX "About" sheet): nested keys dotted, one row per column. */
export function manifestRows(manifest: ExportManifest): [string, string | number | boolean | null][] {
  const rows: [string, string | number | boolean | null][] = [];
  const visit = (key: string, value: unknown) => {
    if (key === 'columns') {
      for (const c of manifest.columns) rows.push([`columns.${c.name}`, `${c.type}: ${c.description}`]);
      return;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) rows.push([key, null]);
      for (const [k, v] of entries) visit(`${key}.${k}`, v);
      return;
    }
    rows.push([key, value as string | number | boolean | null]);
  };
  for (const [k, v] of Object.entries(canonical(manifest))) visit(k, v);
  return rows;
}
