import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobMetrics } from './job-metrics';
import { Metrics } from './metrics';

/** The process's metrics registry (both apps) and the job observer; imported by ClickHouseModule so every app has it. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [Metrics, JobMetrics],
  exports: [Metrics],
})
export class MetricsModule {}
