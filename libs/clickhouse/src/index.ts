export * from './clickhouse.module';
export * from './clickhouse.migrator';
export * from './tables';
export { CLICKHOUSE_MIGRATIONS } from './migrations';
