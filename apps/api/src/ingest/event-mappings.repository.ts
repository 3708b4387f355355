import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventMapping } from '@hubpulse/contracts';
import { DATA_SOURCE, EventMappingEntity } from '@hubpulse/database';

/** The SDK event mapping table (relational `event_mappings`). */
@Injectable()
export class EventMappingsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Every mapping, by source and event name. */
  async list(): Promise<EventMapping[]> {
    const rows = await this.ds.getRepository(EventMappingEntity).find({ order: { source: 'ASC', event: 'ASC' } });
    return rows.map((r) => ({ source: r.source, event: r.event, type: r.type, channel: r.channel, purpose: r.purpose }));
  }

  /** Replaces the whole table in one transaction. */
  async replaceAll(mappings: EventMapping[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.getRepository(EventMappingEntity).clear();
      for (let i = 0; i < mappings.length; i += 200) await m.getRepository(EventMappingEntity).insert(mappings.slice(i, i + 200));
    });
  }
}
