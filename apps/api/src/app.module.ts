import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ClickHouseModule } from '@hubpulse/clickhouse';
import { ConfigModule, type HubpulseConfig } from '@hubpulse/config';
import { DatabaseModule } from '@hubpulse/database';
import { QueueModule } from '@hubpulse/queue';
import { WorkerProcessorsModule } from '@hubpulse/worker';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { SsoModule } from './auth/sso/sso.module';
import { GlobalExceptionFilter } from './common/global-exception.filter';
import { ReadCacheModule } from './common/read-cache.module';
import { ContentModule } from './content/content.module';
import { DirectoryModule } from './directory/directory.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { EngagementModule } from './engagement/engagement.module';
import { ExportsModule } from './exports/exports.module';
import { GoalsModule } from './goals/goals.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { ApiMetricsModule } from './metrics/metrics.module';
import { IngestModule } from './ingest/ingest.module';
import { OverviewModule } from './overview/overview.module';
import { PatternsModule } from './patterns/patterns.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { SchedulesModule } from './schedules/schedules.module';
import { SeedService } from './seed/seed.service';
import { SegmentsModule } from './segments/segments.module';
import { UsersModule } from './users/users.module';

/** The API process; with HUBPULSE_WORKERS=inline it also runs every job processor. */
@Module({})
export class AppModule {
  static forRoot(config: HubpulseConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClickHouseModule,
        DatabaseModule,
        QueueModule.forRoot(config),
        DisclosureModule,
        ReadCacheModule,
        AuditModule,
        AuthModule,
        SsoModule,
        IngestModule,
        DirectoryModule,
        OverviewModule,
        PatternsModule,
        EngagementModule,
        ImportsModule,
        SegmentsModule,
        ProgrammesModule,
        GoalsModule,
        UsersModule,
        ExportsModule,
        SavedViewsModule,
        AlertsModule,
        SchedulesModule,
        ContentModule,
        ApiMetricsModule,
        ...(config.workers === 'inline' ? [WorkerProcessorsModule] : []),
      ],
      controllers: [HealthController],
      providers: [
        SeedService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
      ],
    };
  }
}
