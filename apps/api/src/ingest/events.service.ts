import { Inject, Injectable } from '@nestjs/common';
import { eventBatchEnvelopeSchema, type IngestResponse } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DirectoryService } from '../directory/directory.service';
import { InvalidInputError, RateLimitedError, StorageUnavailableError } from '../common/errors';
import { parseOr400 } from '../common/zod';
import { validateEvents } from '@hubpulse/ingestion';
import { EventWriter } from './event-writer.service';
import type { MappedBatch } from './formats/mapped-batch';
import { IngestStatsService } from './ingest-stats.service';
import { EventRateLimiter } from './rate-limiter';
import { ScoreNudgeService } from './score-nudge.service';

/** Ingestion of every wire format: validate each event on its own, store, count, nudge the scores. */
@Injectable()
export class EventsService {
  private readonly limiter: EventRateLimiter;

  constructor(
    private readonly writer: EventWriter,
    private readonly nudge: ScoreNudgeService,
    private readonly directory: DirectoryService,
    private readonly stats: IngestStatsService,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {
    this.limiter = new EventRateLimiter(config.rateLimitEvents, config.rateLimitEvents * 2);
  }

  /** `POST /v1/events`: `{"events":[…]}`. */
  async ingest(body: unknown, keyId: string, format = 'native'): Promise<IngestResponse> {
    const { events } = parseOr400(eventBatchEnvelopeSchema, body);
    this.limit(keyId, events.length);
    const { lines, rejected } = validateEvents(events, format, keyId, this.config.maxEventBytes);
    await this.store(lines);
    this.stats.reject(keyId, format, rejected.map((r) => r.errors));
    return { accepted: lines.length, rejected };
  }

  /** An SDK payload already mapped to hub events and directory patches. */
  async ingestMapped(mapped: MappedBatch, keyId: string, format: string): Promise<IngestResponse> {
    if (mapped.total === 0) throw new InvalidInputError(['batch: holds no messages']);
    this.limit(keyId, mapped.total);
    const v = validateEvents(mapped.events, format, keyId, this.config.maxEventBytes);
    const rejected = [...mapped.rejected, ...v.rejected.map((r) => ({ index: mapped.origin[r.index], errors: r.errors }))].sort((a, b) => a.index - b.index);
    if (mapped.people.length) {
      try {
        await this.directory.patchPeople(mapped.people);
      } catch (err) {
        if (err instanceof StorageUnavailableError) throw err;
        throw new StorageUnavailableError('directory could not be updated', err);
      }
    }
    await this.store(v.lines);
    this.stats.reject(keyId, format, rejected.map((r) => r.errors));
    return { accepted: mapped.total - rejected.length, rejected };
  }

  private limit(keyId: string, n: number): void {
    const wait = this.limiter.take(keyId, n);
    if (wait > 0) throw new RateLimitedError(wait);
  }

  /** Stores TSV rows (awaiting the insert) and nudges the score worker. */
  async store(lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    try {
      await this.writer.write(lines);
    } catch (err) {
      throw new StorageUnavailableError('events could not be stored', err);
    }
    this.nudge.nudge();
  }
}
