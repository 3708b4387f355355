import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PURPOSES, type EventMapping } from '@hubpulse/contracts';
import { DATA_SOURCE, EventMappingEntity } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';
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

  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  private async reload(): Promise<void> {
    const rows = await this.ds.getRepository(EventMappingEntity).find({ order: { source: 'ASC', event: 'ASC' } });
    this.cache = new Map(rows.map((r) => [`${r.source}\u0000${r.event}`, { source: r.source, event: r.event, type: r.type, channel: r.channel, purpose: r.purpose }]));
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
    await this.ds.transaction(async (m) => {
      await m.getRepository(EventMappingEntity).clear();
      for (let i = 0; i < mappings.length; i += 200) await m.getRepository(EventMappingEntity).insert(mappings.slice(i, i + 200));
    });
    await this.reload();
    return this.list();
  }
}
