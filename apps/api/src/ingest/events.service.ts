import { Injectable } from '@nestjs/common';
import { eventBatchEnvelopeSchema, type IngestResponse } from '@hubpulse/contracts';
import { StorageUnavailableError } from '../common/errors';
import { parseOr400 } from '../common/zod';
import { validateEvents } from './event-row';
import { EventWriter } from './event-writer.service';
import { ScoreNudgeService } from './score-nudge.service';

@Injectable()
export class EventsService {
  constructor(
    private readonly writer: EventWriter,
    private readonly nudge: ScoreNudgeService,
  ) {}

  async ingest(body: unknown, keyId: string, source = 'api'): Promise<IngestResponse> {
    const { events } = parseOr400(eventBatchEnvelopeSchema, body);
    const { lines, rejected } = validateEvents(events, source, keyId);
    await this.store(lines);
    return { accepted: lines.length, rejected };
  }

  /** Stores rows (awaiting the insert) and nudges the score worker. */
  async store(lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    try {
      await this.writer.write(lines);
    } catch (err) {
      throw new StorageUnavailableError(`events could not be stored (${(err as Error).message.slice(0, 200)})`);
    }
    this.nudge.nudge();
  }
}
