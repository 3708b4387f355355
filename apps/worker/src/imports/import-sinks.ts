import type { z } from 'zod';
import { contentSchema, formatIssues, personSchema, type Content, type Person } from '@hubpulse/contracts';
import { nextVersion, type ContentRepository } from '@hubpulse/clickhouse';
import { toContentRows, validateEvents, type EventRowsRepository, type PeopleWriterService } from '@hubpulse/ingestion';
import { derivedEventId, type ImportRow } from './import-row';

interface SinkResult {
  accepted: number;
  /** By file line, in the order of the rows given. */
  rejected: { line: number; errors: string[] }[];
}

/** Validates rows exactly as the HTTP API does and stores the valid ones; resolves once they are stored. */
export interface RowSink {
  write(rows: ImportRow[]): Promise<SinkResult>;
}

/**
 * Events: `validateEvents` (the checks and TSV rows of POST /v1/events) with source `import`, then
 * one TabSeparated INSERT per chunk (EventRowsRepository). The import is the only writer of its chunk, so it inserts
 * directly instead of through the API's group-commit EventWriter (which the worker process lacks).
 */
export class EventRowSink implements RowSink {
  /** Earliest day (YYYY-MM-DD) of a stored event, for the score recompute afterwards. */
  firstDay: string | null = null;

  constructor(
    private readonly events: EventRowsRepository,
    /** Stored in `key_id`: which import wrote an event. */
    private readonly keyId: string,
  ) {}

  async write(rows: ImportRow[]): Promise<SinkResult> {
    const events = rows.map((r) => {
      const v = r.value!;
      if (v.event_id === undefined || v.event_id === null) v.event_id = derivedEventId(r.key);
      return v;
    });
    const { lines, rejected } = validateEvents(events, 'import', this.keyId);
    for (const line of lines) {
      // occurred_at is the 4th TSV column; tabs inside values are escaped.
      const at = line.indexOf('\t', line.indexOf('\t', line.indexOf('\t') + 1) + 1) + 1;
      const day = line.slice(at, at + 10);
      if (this.firstDay === null || day < this.firstDay) this.firstDay = day;
    }
    if (lines.length > 0) {
      await this.events.insertTsv(lines.join('\n') + '\n');
    }
    return { accepted: lines.length, rejected: rejected.map((r) => ({ line: rows[r.index].line, errors: r.errors })) };
  }
}

/**
 * The rows `schema` accepts, one per key (a key repeated within a chunk keeps its last row, in the
 * position of that row), and the others' errors by file line.
 */
function lastValidPerKey<T>(rows: readonly ImportRow[], schema: z.ZodType<T>, keyOf: (v: T) => string): { valid: T[]; rejected: SinkResult['rejected'] } {
  const valid = new Map<string, T>();
  const rejected: SinkResult['rejected'] = [];
  for (const r of rows) {
    const p = schema.safeParse(r.value);
    if (p.success) {
      valid.delete(keyOf(p.data));
      valid.set(keyOf(p.data), p.data);
    } else rejected.push({ line: r.line, errors: formatIssues(p.error.issues) });
  }
  return { valid: [...valid.values()], rejected };
}

/**
 * People: `personSchema` (the checks of PUT /v1/people), then PeopleWriterService, the directory writer
 * PUT /v1/people uses. Every row is passed on: rows of one person with different `effective_at` are
 * their history (the writer applies them in order of their days; of one day, the last row wins).
 */
export class PeopleRowSink implements RowSink {
  constructor(private readonly writer: PeopleWriterService) {}

  async write(rows: ImportRow[]): Promise<SinkResult> {
    const people: Person[] = [];
    const rejected: SinkResult['rejected'] = [];
    for (const r of rows) {
      const p = personSchema.safeParse(r.value);
      if (p.success) people.push(p.data);
      else rejected.push({ line: r.line, errors: formatIssues(p.error.issues) });
    }
    if (people.length > 0) await this.writer.write(people);
    return { accepted: rows.length - rejected.length, rejected };
  }
}

/**
 * Content: `contentSchema` (the checks of PUT /v1/content, audience_segment_id included), then one
 * insert of the chunk's items with one version (the newest version of an item wins). An item
 * repeated within a chunk is written once, the last row winning.
 */
export class ContentRowSink implements RowSink {
  constructor(private readonly content: ContentRepository) {}

  async write(rows: ImportRow[]): Promise<SinkResult> {
    const { valid, rejected } = lastValidPerKey<Content>(rows, contentSchema, (c) => c.content_id);
    if (valid.length > 0) await this.content.insert(toContentRows(valid, nextVersion()));
    return { accepted: rows.length - rejected.length, rejected };
  }
}
