import { createHash } from 'node:crypto';
import type { ImportKind } from '@hubpulse/queue';
import type { CsvRecord } from '@hubpulse/ingestion';
import type { TextLine } from './file-records';

/** A row of the file turned into the object the HTTP API would receive, or why it could not be. */
export interface ImportRow {
  /** 1-based file line where the row starts. */
  line: number;
  value?: Record<string, unknown>;
  errors?: string[];
  /** The row's content, hashed into an event id when the row has none. */
  key: string;
}

/** The file itself is unusable (bad CSV header): the import fails without retries. */
export class ImportFileError extends Error {}

/**
 * Events without an `event_id` get one derived from their row: `imp-` + sha1 of the NDJSON line
 * (as written, without its line break) or of the CSV record's cells. Importing the same file
 * again therefore stores the same ids, and ClickHouse keeps one copy of each. The flip side:
 * two identical rows without ids are one event.
 */
export function derivedEventId(key: string): string {
  return `imp-${createHash('sha1').update(key).digest('hex')}`;
}

export function ndjsonRow(l: TextLine): ImportRow {
  if (l.error) return { line: l.line, errors: [l.error], key: '' };
  let value: unknown;
  try {
    value = JSON.parse(l.text);
  } catch (err) {
    return { line: l.line, errors: [`line: not valid JSON (${(err as Error).message})`], key: l.text };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line: l.line, errors: ['line: must be a JSON object'], key: l.text };
  }
  return { line: l.line, value: value as Record<string, unknown>, key: l.text };
}

const EVENT_FIELDS = ['event_id', 'type', 'actor_id', 'occurred_at', 'content_id', 'channel', 'purpose', 'target_actor_id'];
const PERSON_FIELDS = ['person_id', 'name', 'email', 'department', 'location', 'title', 'manager_id', 'hired_at', 'is_leader', 'effective_at'];
const CONTENT_FIELDS = ['content_id', 'channel', 'purpose', 'author_id', 'title', 'audience_segment_id', 'published_at'];
/** Per kind: plain columns, the flat-object column (also `<name>.<key>` columns), required columns. */
const LAYOUT: Record<ImportKind, { fields: string[]; bag: string; required: string[] }> = {
  events: { fields: EVENT_FIELDS, bag: 'properties', required: ['type', 'actor_id', 'occurred_at'] },
  people: { fields: PERSON_FIELDS, bag: 'attributes', required: ['person_id', 'name'] },
  // The catalogue has no free-form bag: a `properties` column is refused as unknown by the schema.
  content: { fields: CONTENT_FIELDS, bag: 'properties', required: ['content_id', 'channel', 'purpose', 'published_at'] },
};

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A CSV cell holding a property or attribute value. CSV has no types, so numbers (without
 * leading zeros, so ids like 007 stay text) and true/false become JSON numbers and booleans.
 */
export function inferScalar(cell: string): string | number | boolean {
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  if (NUMBER.test(cell)) {
    const n = Number(cell);
    if (Number.isFinite(n)) return n;
  }
  return cell;
}

const LEADER: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

type Column = { kind: 'field'; name: string } | { kind: 'bag' } | { kind: 'bag-key'; key: string };

/**
 * Maps CSV records to objects by a header row: columns named like the fields of the HTTP API
 * (events: event_id, type, … ; people: person_id, name, …), `properties.<name>` / `attributes.<name>`
 * columns for the flat object's keys (or one `properties` / `attributes` column holding a JSON
 * object). An empty cell is an absent value.
 */
export class CsvRowMapper {
  private readonly columns: Column[];
  private readonly bag: string;

  constructor(kind: ImportKind, header: CsvRecord) {
    const layout = LAYOUT[kind];
    this.bag = layout.bag;
    if (header.error) throw new ImportFileError(`line ${header.line} (header): ${header.error}`);
    const names = header.cells.map((c) => c.trim());
    const unknown: string[] = [];
    const seen = new Set<string>();
    const dup: string[] = [];
    this.columns = names.map((name) => {
      if (seen.has(name)) dup.push(name);
      seen.add(name);
      if (name === layout.bag) return { kind: 'bag' } as const;
      if (name.startsWith(`${layout.bag}.`) && name.length > layout.bag.length + 1) return { kind: 'bag-key', key: name.slice(layout.bag.length + 1) } as const;
      if (!layout.fields.includes(name)) unknown.push(name === '' ? '(empty)' : name);
      return { kind: 'field', name } as const;
    });
    const problems: string[] = [];
    if (unknown.length) {
      problems.push(`unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; ${kind} columns are ${layout.fields.join(', ')}, ${layout.bag} (a JSON object) and ${layout.bag}.<name>`);
    }
    if (dup.length) problems.push(`column(s) ${[...new Set(dup)].map((d) => `"${d}"`).join(', ')} appear more than once`);
    const missing = layout.required.filter((r) => !seen.has(r));
    if (missing.length) problems.push(`missing required column(s) ${missing.join(', ')}`);
    if (problems.length) throw new ImportFileError(`line ${header.line} (header): ${problems.join('; ')}`);
  }

  map(r: CsvRecord): ImportRow {
    const key = r.cells.join('\u001f');
    if (r.error) return { line: r.line, errors: [r.error], key };
    if (r.cells.length !== this.columns.length) {
      return { line: r.line, errors: [`line: has ${r.cells.length} field(s), the header has ${this.columns.length}`], key };
    }
    const value: Record<string, unknown> = {};
    const errors: string[] = [];
    let bag: Record<string, unknown> | undefined;
    for (let i = 0; i < this.columns.length; i++) {
      const cell = r.cells[i];
      if (cell === '') continue;
      const col = this.columns[i];
      if (col.kind === 'field') {
        if (col.name === 'is_leader') {
          const b = LEADER[cell.trim().toLowerCase()];
          if (b === undefined) errors.push('is_leader: must be true, false, 1 or 0');
          else value.is_leader = b;
        } else value[col.name] = cell;
      } else if (col.kind === 'bag-key') {
        (bag ??= {})[col.key] = inferScalar(cell);
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(cell);
        } catch {
          parsed = undefined;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) errors.push(`${this.bag}: must be a JSON object`);
        else bag = { ...(parsed as Record<string, unknown>), ...bag };
      }
    }
    if (errors.length) return { line: r.line, errors, key };
    if (bag) value[this.bag] = bag;
    return { line: r.line, value, key };
  }
}
