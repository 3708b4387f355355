export * from './metrics';
export * from './metrics.module';
export * from './labels';
export * from './metrics-access';
export { JobMetrics, QueueDepthMetrics } from './job-metrics';
export { MetricsServer } from './metrics-server';
