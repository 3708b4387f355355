import { Injectable, type OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PURPOSES, type EventMapping } from '@hubpulse/contracts';
import { InvalidInputError } from '../common/errors';
import { EventMappingsRepository } from './event-mappings.repository';
import type { MappingLookup } from './formats/mapped-batch';

/** Body of `PUT /api/ingestion/mappings`. */
export const mappingsSchema = z.object({
  mappings: z
    .array(
      z.strictObject({
        source: z.enum(['segment', 'posthog'], { error: 'must be segment or posthog' }),
        event: z.string().trim().min(1, 'must not be empty').max(200),
        type: z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(', ')}` }),
        channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')} or null` }).nullable(),
        purpose: z.enum(PURPOSES, { error: `must be one of ${PURPOSES.join(', ')} or null` }).nullable(),
      }),
    )
    .max(5000),
});
export type MappingsInput = z.output<typeof mappingsSchema>;

/** Refresh from the store this often, so every API process sees an admin's edit soon. */
const REFRESH_MS = 30_000;

/** The SDK event-name → hub action table, cached in memory for the ingestion hot path. */
@Injectable()
export class EventMappingsService implements OnModuleInit {
  private cache = new Map<string, EventMapping>();
  private loadedAt = 0;

  constructor(private readonly repo: EventMappingsRepository) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.cache = new Map((await this.repo.list()).map((m) => [`${m.source}\u0000${m.event}`, m]));
    this.loadedAt = Date.now();
  }

  /** A lookup for one payload; refreshes the cache in the background when it is old. */
  lookup(source: 'segment' | 'posthog'): MappingLookup {
    if (Date.now() - this.loadedAt > REFRESH_MS) {
      this.loadedAt = Date.now();
      void this.reload().catch(() => undefined);
    }
    return (event) => this.cache.get(`${source}\u0000${event}`);
  }

  list(): EventMapping[] {
    return [...this.cache.values()];
  }

  /** Replaces the whole table (admin edit). */
  async replace(mappings: MappingsInput['mappings']): Promise<EventMapping[]> {
    const seen = new Set<string>();
    const dupes = mappings.flatMap((m, i) => {
      const k = `${m.source}\u0000${m.event}`;
      if (seen.has(k)) return [`mappings.${i}.event: "${m.event}" is listed twice for ${m.source}`];
      seen.add(k);
      return [];
    });
    if (dupes.length) throw new InvalidInputError(dupes);
    await this.repo.replaceAll(mappings);
    await this.reload();
    return this.list();
  }
}
