import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { EVENT_COLUMNS } from './event-row';

/**
 * Writes to the ClickHouse `events` table: TabSeparated rows built by `validateEvents` (event-row.ts).
 * Used by the API's group-commit EventWriter and by the import worker.
 */
@Injectable()
export class EventsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  /** One INSERT of TabSeparated `rows` (each ending in a line break); resolves once they are stored. */
  async insertTsv(rows: string): Promise<void> {
    await this.ch.insertTsv(this.ch.tables.events, EVENT_COLUMNS, Buffer.from(rows));
  }
}
