import { Global, Logger, Module } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { MetricsModule } from '@hubpulse/metrics';
import { CLICKHOUSE, openClickHouse } from './clickhouse-client';
import { migrateClickHouse } from './clickhouse-migrator';
import { withRedisLock } from './migration-lock';
import { CLICKHOUSE_MIGRATIONS } from './migrations';
import { ClickHouseService } from './clickhouse.service';
import { CompactionService } from './compaction';
import { DataVersions } from './data-version';
import { ContentRepository } from './repositories/content.repository';
import { EventsRepository } from './repositories/events.repository';
import { PatternsRepository } from './repositories/patterns.repository';
import { PeopleRepository } from './repositories/people.repository';
import { ScoresRepository } from './repositories/scores.repository';

/**
 * The client (migrated on start) and the repositories of the tables both processes use: each table
 * family has one repository, registered here once, that holds all its SQL (writes and reads).
 */
@Global()
@Module({
  // Every app that reaches ClickHouse has the metrics registry its statements are timed in.
  imports: [MetricsModule],
  providers: [
    {
      provide: CLICKHOUSE,
      inject: [HUBPULSE_CONFIG],
      useFactory: async (config: HubpulseConfig) => {
        const logger = new Logger('ClickHouse');
        const client = await openClickHouse(config.clickhouse);
        // Embedded chDB is one process per data folder; on a server, processes starting together take turns.
        const cluster = config.clickhouse.mode === 'server' ? config.clickhouse.cluster : undefined;
        const migrate = () => migrateClickHouse(client, config.clickhouse.database, CLICKHOUSE_MIGRATIONS, { cluster });
        const ran =
          config.clickhouse.mode === 'embedded'
            ? await migrate()
            : await withRedisLock(config.redis.url, `${config.redis.prefix}:migrations:clickhouse:${config.clickhouse.database}`, migrate, {
                onWait: () => logger.log('another process is migrating ClickHouse; waiting for it'),
              });
        const where = config.clickhouse.mode === 'embedded' ? `embedded chDB at ${config.clickhouse.path}` : `${config.clickhouse.url}${cluster ? ` (cluster ${cluster})` : ''}`;
        logger.log(`${where}, database ${config.clickhouse.database}${ran.length ? `; applied ${ran.join(', ')}` : ''}`);
        return client;
      },
    },
    ClickHouseService,
    EventsRepository,
    ScoresRepository,
    PatternsRepository,
    PeopleRepository,
    ContentRepository,
    { provide: DataVersions, useFactory: (ch: ClickHouseService) => ch.versions, inject: [ClickHouseService] },
    CompactionService,
  ],
  exports: [CLICKHOUSE, ClickHouseService, EventsRepository, ScoresRepository, PatternsRepository, PeopleRepository, ContentRepository, DataVersions, CompactionService],
})
export class ClickHouseModule {}
