import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import * as fs from 'node:fs';
import { once } from 'node:events';
import { csvCell } from '@hubpulse/contracts';
import { CsvTooLongError, EventRowsRepository, ImportsRepository, PeopleWriterService } from '@hubpulse/ingestion';
import { ContentRepository } from '@hubpulse/clickhouse';
import { JobName, QueueName, type ImportMeta, type ImportProgress, type JobPayloads } from '@hubpulse/queue';
import { csvRecords, ndjsonLines, type Batch } from './file-records';
import { CsvRowMapper, ImportFileError, ndjsonRow, type ImportRow } from './import-row';
import { ContentRowSink, EventRowSink, PeopleRowSink, type RowSink } from './import-sinks';

/** Rows per write: one INSERT (and one progress update) each. Reading pauses while a chunk is written. */
export const IMPORT_CHUNK_ROWS = 10_000;
const READ_CHUNK_BYTES = 1 << 20;

/** Where an attempt reports progress (the BullMQ job). */
type ProgressReporter = (p: ImportProgress) => Promise<void>;


/**
 * Runs one import: streams the uploaded file, turns rows into what the HTTP API takes, validates
 * and stores them chunk by chunk, writes rejects to errors.csv and keeps meta.json current.
 * Memory is bounded by the chunk size, whatever the file's size. An attempt starts from the top of
 * the file: rows stored by a failed attempt are stored again and count once (event ids; person ids).
 */
@Injectable()
export class ImportRunService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly store: ImportsRepository,
    private readonly events: EventRowsRepository,
    private readonly people: PeopleWriterService,
    private readonly content: ContentRepository,
    @InjectQueue(QueueName.Scores) private readonly scores: Queue,
  ) {}

  /**
   * Runs an attempt. Throws ImportFileError when the file itself is unusable (no retry helps) and
   * the storage error as is when rows could not be stored (the job retries).
   */
  async run(id: string, attempt: number, report: ProgressReporter, chunkRows = IMPORT_CHUNK_ROWS): Promise<ImportMeta> {
    const meta = await this.store.read(id);
    if (!meta) throw new ImportFileError(`import ${id} not found (its folder under the data directory is gone)`);
    // A job re-run after the import finished (its process died before BullMQ heard): nothing to do.
    if (meta.status === 'done') return meta;
    const file = this.store.uploadPath(id, meta.format);
    const size = (await fs.promises.stat(file).catch(() => null))?.size;
    if (size === undefined) throw new ImportFileError(`import ${id}: the uploaded file is missing`);

    const progress: ImportProgress = { bytes: 0, total: size, rows: 0, accepted: 0, rejected: 0 };
    Object.assign(meta, { status: 'running', progress, chunks: 0, attempts: attempt, started_at: new Date().toISOString(), finished_at: null, error: null });
    await this.store.write(meta);
    const sink: RowSink = meta.kind === 'events' ? new EventRowSink(this.events, `import:${id}`) : meta.kind === 'content' ? new ContentRowSink(this.content) : new PeopleRowSink(this.people);
    const errors = fs.createWriteStream(this.store.errorsPath(id));
    let errorsFailed: Error | null = null;
    errors.on('error', (err) => (errorsFailed = err));
    const input = fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
    const started = Date.now();

    let pending: ImportRow[] = [];
    let pendingRejects: { line: number; errors: string[] }[] = [];
    let readBytes = 0;
    const writeErrors = async (rejects: { line: number; errors: string[] }[]) => {
      if (errorsFailed) throw errorsFailed;
      for (const r of rejects) {
        if (!errors.write(`${r.line},${csvCell(r.errors.join('; '))}\n`)) await once(errors, 'drain');
      }
    };
    const flush = async () => {
      const rows = pending;
      pending = [];
      const result = rows.length ? await sink.write(rows) : { accepted: 0, rejected: [] };
      const rejects = pendingRejects.length ? [...pendingRejects, ...result.rejected].sort((a, b) => a.line - b.line) : result.rejected;
      pendingRejects = [];
      await writeErrors(rejects);
      progress.accepted += result.accepted;
      progress.rejected += rejects.length;
      progress.bytes = readBytes;
      if (rows.length + rejects.length > 0) meta.chunks++;
      await this.store.write(meta);
      await report({ ...progress });
    };

    try {
      errors.write('line,errors\n');
      for await (const batch of this.rows(input, meta)) {
        for (const row of batch.items) {
          progress.rows++;
          if (row.errors) pendingRejects.push({ line: row.line, errors: row.errors });
          else pending.push(row);
          if (pending.length + pendingRejects.length >= chunkRows) {
            readBytes = Math.min(batch.bytes, size);
            await flush();
          }
        }
        readBytes = batch.bytes;
      }
      readBytes = size;
      await flush();
      errors.end();
      await once(errors, 'finish');
    } catch (err) {
      errors.destroy();
      throw err instanceof CsvTooLongError ? new ImportFileError(err.message) : err;
    } finally {
      input.destroy();
    }

    Object.assign(meta, { status: 'done', finished_at: new Date().toISOString() });
    await this.store.write(meta);
    // Uploads can be gigabytes: once stored, only meta.json and errors.csv are kept. (A failed
    // import keeps its file for the retry and for a look at what went wrong.)
    await fs.promises.rm(file, { force: true });
    const secs = (Date.now() - started) / 1000;
    this.logger.log(`import ${id} (${meta.kind}, ${meta.format}): ${progress.rows} rows, ${progress.accepted} stored, ${progress.rejected} rejected in ${secs.toFixed(1)} s`);
    if (sink instanceof EventRowSink && sink.firstDay) await this.recomputeScores(id, sink.firstDay);
    return meta;
  }

  /** Records the outcome of a failed attempt; `final` when no retry follows. */
  async markFailed(id: string, message: string, final: boolean): Promise<void> {
    const meta = await this.store.read(id);
    if (!meta) return;
    Object.assign(meta, {
      status: final ? 'failed' : 'queued',
      error: final ? message : `attempt ${meta.attempts} failed, retrying: ${message}`,
      finished_at: final ? new Date().toISOString() : null,
    });
    await this.store.write(meta);
  }

  /** The file as rows, a batch per chunk read; CSV maps its records by the header row. */
  private async *rows(input: fs.ReadStream, meta: ImportMeta): AsyncGenerator<Batch<ImportRow>> {
    if (meta.format === 'ndjson') {
      for await (const b of ndjsonLines(input)) yield { items: b.items.map(ndjsonRow), bytes: b.bytes };
      return;
    }
    let mapper: CsvRowMapper | null = null;
    for await (const b of csvRecords(input)) {
      const items: ImportRow[] = [];
      for (const r of b.items) {
        if (mapper) items.push(mapper.map(r));
        else mapper = new CsvRowMapper(meta.kind, r);
      }
      yield { items, bytes: b.bytes };
    }
  }

  /** Imported history changes scores from its first day on (up to the newest event). */
  private async recomputeScores(id: string, from: string): Promise<void> {
    const data: JobPayloads[JobName.ScoresRecompute] = { reason: 'import', from };
    try {
      await this.scores.add(JobName.ScoresRecompute, data, { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 500 });
    } catch (err) {
      // The events are stored; the scheduled recompute covers recent days if this is missed.
      this.logger.warn(`import ${id}: could not enqueue the score recompute: ${(err as Error).message}`);
    }
  }
}
