import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { openDatabase } from './data-source';

/** DI token of the migrated TypeORM DataSource (SQLite or PostgreSQL, chosen by config). */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DATA_SOURCE,
      inject: [HUBPULSE_CONFIG],
      useFactory: async (config: HubpulseConfig) => {
        const ds = await openDatabase(config.database);
        const where = config.database.type === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
        new Logger('Database').log(`${where}, migrations up to date`);
        return ds;
      },
    },
    DataSourceCloser,
  ],
  exports: [DATA_SOURCE],
})
export class DatabaseModule {}
