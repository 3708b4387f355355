import { Module } from '@nestjs/common';
import { QueueDepthMetrics } from '@hubpulse/metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics, and the queue depths only the API reports (see QueueDepthMetrics). */
@Module({
  controllers: [MetricsController],
  providers: [QueueDepthMetrics],
})
export class ApiMetricsModule {}
