import { Inject, Injectable } from '@nestjs/common';
import type { IngestRejection, IngestResponse } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { WriteKeyPrincipal } from '../auth/auth.service';
import { DirectoryService } from '../directory/directory.service';
import { InvalidInputError, RateLimitedError, StorageUnavailableError } from '../common/errors';
import { validateEvents } from '@hubpulse/ingestion';
import { EventWriter, IngestBacklogError } from './event-writer.service';
import type { DirectoryPatch, MappedBatch } from './formats/mapped-batch';
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

  /** `POST /v1/events`: the `events` of `{"events":[…]}`, each still to be validated on its own. */
  async ingest(events: unknown[], keyId: string, format = 'native'): Promise<IngestResponse> {
    this.limit(keyId, events.length);
    const { lines, rejected } = validateEvents(events, format, keyId, this.config.maxEventBytes);
    await this.store(lines);
    this.stats.accept(format, lines.length);
    this.stats.reject(keyId, format, rejected.map((r) => r.errors));
    return { accepted: lines.length, rejected };
  }

  /**
   * An SDK payload already mapped to hub events and directory patches. A message is listed in
   * `rejected` when any part of it was refused, each error naming the part; a hub action it carried
   * is stored unless an error names the event. Directory patches need the key's directory scope.
   */
  async ingestMapped(mapped: MappedBatch, key: WriteKeyPrincipal, format: string): Promise<IngestResponse> {
    if (mapped.total === 0) throw new InvalidInputError(['batch: holds no messages']);
    this.limit(key.id, mapped.total);
    const v = validateEvents(mapped.events, format, key.id, this.config.maxEventBytes);
    const directory = await this.patchDirectory(mapped.people, key);
    const rejected = byMessage([...mapped.rejected, ...v.rejected.map((r) => ({ index: mapped.origin[r.index], errors: r.errors })), ...directory]);
    await this.store(v.lines);
    this.stats.accept(format, mapped.total - rejected.length);
    this.stats.reject(key.id, format, rejected.map((r) => r.errors));
    return { accepted: mapped.total - rejected.length, rejected };
  }

  /** Applies the patches a key may make; returns the refused ones by message. */
  private async patchDirectory(patches: DirectoryPatch[], key: WriteKeyPrincipal): Promise<IngestRejection[]> {
    if (patches.length === 0) return [];
    if (!key.scopes.includes('directory')) return patches.map((p) => ({ index: p.index, errors: [`${p.call}: this write key has no directory scope`] }));
    return (await this.directory.patchPeople(patches)).rejected;
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
      if (err instanceof IngestBacklogError) throw new StorageUnavailableError(`ClickHouse is behind (${err.queuedRows} events waiting in this process)`, err, 1);
      throw new StorageUnavailableError('events could not be stored', err);
    }
    this.nudge.nudge();
  }
}

/** One entry per message, in message order, with every error any part of it had. */
function byMessage(rejects: IngestRejection[]): IngestRejection[] {
  const by = new Map<number, string[]>();
  for (const r of rejects) by.set(r.index, [...(by.get(r.index) ?? []), ...r.errors]);
  return [...by].sort(([a], [b]) => a - b).map(([index, errors]) => ({ index, errors }));
}
