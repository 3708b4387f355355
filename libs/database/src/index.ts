export * from './data-source';
export * from './database.module';
export * from './entities';
export { MIGRATIONS } from './migrations';
export * from './scoring-models.repository';
export * from './segment-definitions.repository';
export * from './programmes.repository';
export * from './audit-log.repository';
export * from './database-health.repository';
