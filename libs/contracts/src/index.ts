// Browser-safe: shared by API, worker and dashboard. No Node imports here.
export * from './enums';
export * from './ingest.schema';
export * from './overview.types';
export * from './event.validator';
export * from './ingestion.types';
export * from './write-keys.schema';
export * from './engagement.types';
export * from './patterns.types'; export * from './patterns.definitions';
export * from './segment-rule.schema';
export * from './segments.types';
export * from './programmes.types';
export * from './strategy.types';
export * from './privacy.types';
export * from './dates';
export * from './numbers';
export * from './labels';
