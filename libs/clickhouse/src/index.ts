export * from './clickhouse-client';
export * from './clickhouse.service';
export * from './clickhouse.module';
export * from './clickhouse-migrator';
export * from './tables';
export { CLICKHOUSE_MIGRATIONS } from './migrations';
export * from './repositories/events.repository';
export * from './repositories/patterns.repository';
export * from './repositories/scores.repository';
