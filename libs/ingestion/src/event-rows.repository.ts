import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { EVENT_COLUMNS } from './event-row';

/**
 * The writes to the ClickHouse `events` table: TabSeparated rows built by `validateEvents`
 * (event-row.ts), from the API's group-commit EventWriter and from the import worker. Ingestion is the
 * only writer of `events`; the areas that read it each read it through their own repository.
 */
@Injectable()
export class EventRowsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  /** One INSERT of TabSeparated `rows` (each ending in a line break); resolves once they are stored. */
  async insertTsv(rows: string): Promise<void> {
    await this.ch.insertTsv(this.ch.tables.events, EVENT_COLUMNS, Buffer.from(rows));
  }
}
