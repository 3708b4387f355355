import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { SessionUser } from '@hubpulse/contracts';
import { ImportsRepository } from '@hubpulse/ingestion';
import { JobName, QueueName, importJobId, type ImportMeta, type JobPayloads } from '@hubpulse/queue';
import { InvalidInputError, StorageUnavailableError } from '../common/errors';
import type { UploadBody } from '../common/request-body';
import { inferFormat, type ImportQuery } from './dto/import-query';

/** Largest import, decoded. */
export const MAX_IMPORT_BYTES = 10 * 1024 ** 3;

/** An import as the API shows it: its meta.json plus where its error report is. */
type ImportView = ImportMeta & { errors_url: string };

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');
  /** Largest upload accepted, decoded (tests lower it). */
  maxBytes = MAX_IMPORT_BYTES;

  constructor(
    private readonly store: ImportsRepository,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  /**
   * Streams the uploaded file to `<data dir>/imports/<id>/`, records the import and queues it.
   * An upload refused before its body is read is answered with `Connection: close`, so the
   * rest of a large upload is not read just to be dropped.
   */
  async upload(user: SessionUser, query: ImportQuery, body: UploadBody): Promise<ImportView> {
    const maxBytes = this.maxBytes;
    let id: string | null = null;
    try {
      const format = query.format ?? inferFormat(query.filename, body.contentType);
      if (!format) throw new InvalidInputError(['format: must be ndjson or csv (or give a filename ending in .csv, .ndjson or .jsonl)']);
      const encoding = body.check(maxBytes);

      id = this.store.newId();
      await this.store.create(id);
      const size = await body.saveTo(this.store.uploadPath(id, format), encoding, maxBytes);
      if (size === 0) throw new InvalidInputError(['body: empty; send the file as the request body']);

      const meta: ImportMeta = {
        id,
        kind: query.kind,
        format,
        filename: path.basename(query.filename ?? `upload.${format}`),
        size,
        created_by: { id: user.id, email: user.email },
        created_at: new Date().toISOString(),
        status: 'queued',
        progress: { bytes: 0, total: size, rows: 0, accepted: 0, rejected: 0 },
        chunks: 0,
        attempts: 0,
        started_at: null,
        finished_at: null,
        error: null,
      };
      await this.store.write(meta);
      await this.enqueue(meta);
      this.logger.log(`import ${id}: ${meta.kind} ${meta.format} "${meta.filename}", ${size} bytes, by user ${user.id}`);
      return this.view(meta);
    } catch (err) {
      body.refused();
      if (id && !(err instanceof StorageUnavailableError)) await this.store.remove(id).catch(() => undefined);
      throw err;
    }
  }

  private async enqueue(meta: ImportMeta): Promise<void> {
    const data: JobPayloads[JobName.ImportsRun] = { importId: meta.id };
    try {
      await this.queue.add(JobName.ImportsRun, data, {
        jobId: importJobId(meta.id),
        attempts: 3,
        backoff: { type: 'exponential', delay: 10_000 },
        removeOnComplete: 1000,
        removeOnFail: 1000,
      });
    } catch (err) {
      // The queue's own error text is logged here, not shown (meta.error is read by clients).
      this.logger.error(`import ${meta.id}: could not be queued: ${(err as Error).message}`);
      const message = 'the import could not be queued (the queue is unavailable)';
      await this.store.write({ ...meta, status: 'failed', error: message, finished_at: new Date().toISOString() });
      throw new StorageUnavailableError(message, err);
    }
  }

  async list(): Promise<{ imports: ImportView[] }> {
    return { imports: (await this.store.list()).map((m) => this.view(m)) };
  }

  async get(id: string): Promise<ImportView> {
    return this.view(await this.meta(id));
  }

  /** errors.csv (`line,errors`); just the header while nothing was rejected or the import has not started. */
  async errorsFile(id: string): Promise<{ meta: ImportMeta; stream: Readable }> {
    const meta = await this.meta(id);
    const file = this.store.errorsPath(id);
    try {
      const handle = await fs.promises.open(file, 'r');
      return { meta, stream: handle.createReadStream() };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return { meta, stream: Readable.from(['line,errors\n']) };
    }
  }

  private async meta(id: string): Promise<ImportMeta> {
    const meta = await this.store.read(id);
    if (!meta) throw new NotFoundException(`import ${id} not found`);
    return meta;
  }

  private view(meta: ImportMeta): ImportView {
    return { ...meta, errors_url: `/api/imports/${meta.id}/errors` };
  }
}
