import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DATA_SOURCE, openDatabase } from './data-source';
import { StoreLock } from './store-lock';
import { ExportsRepository } from './exports.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { AlertsRepository } from './alerts.repository';
import { SchedulesRepository } from './schedules.repository';
import { DatabaseHealthRepository } from './database-health.repository';
import { DirectoryRepository } from './directory.repository';
import { AuditLogRepository } from './audit-log.repository';
import { GoalsRepository } from './goals.repository';
import { InvitesRepository } from './invites.repository';
import { ProgrammesRepository } from './programmes.repository';
import { ReadTokensRepository } from './read-tokens.repository';
import { ScoringModelsRepository } from './scoring-models.repository';
import { SessionsRepository } from './sessions.repository';
import { UserIdentitiesRepository } from './user-identities.repository';
import { SavedViewsRepository } from './saved-views.repository';
import { UsersRepository } from './users.repository';
import { WriteKeysRepository } from './write-keys.repository';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** The repositories of the relational tables that several modules use. */
const REPOSITORIES = [
  ExportsRepository,
  DatabaseHealthRepository,
  ScoringModelsRepository,
  ProgrammesRepository,
  UsersRepository,
  SessionsRepository,
  InvitesRepository,
  AuditLogRepository,
  WriteKeysRepository,
  DirectoryRepository,
  GoalsRepository,
  UserIdentitiesRepository,
  SavedViewsRepository,
  ReadTokensRepository,
  DeliveriesRepository,
  AlertsRepository,
  SchedulesRepository,
];

/**
 * The migrated relational store and the repositories of its tables that several modules use, each
 * registered here once (global: the API's modules and the workers inject them without importing).
 */
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
    StoreLock,
    ...REPOSITORIES,
  ],
  exports: [DATA_SOURCE, StoreLock, ...REPOSITORIES],
})
export class DatabaseModule {}
