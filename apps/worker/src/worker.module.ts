import { DynamicModule, Module } from '@nestjs/common';
import { ClickHouseModule } from '@hubpulse/clickhouse';
import { ConfigModule, type HubpulseConfig } from '@hubpulse/config';
import { DatabaseModule } from '@hubpulse/database';
import { MetricsServer } from '@hubpulse/metrics';
import { QueueModule } from '@hubpulse/queue';
import { WorkerProcessorsModule } from './worker-processors.module';

/** The worker process: the same storage modules as the API, processors instead of controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: HubpulseConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), ClickHouseModule, DatabaseModule, QueueModule.forRoot(config), WorkerProcessorsModule],
      // /metrics and /health/live on HUBPULSE_METRICS_PORT: the worker has no other HTTP server.
      providers: [MetricsServer],
    };
  }
}
