export * from './scoring';
export * from './cohort.sql';
export * from './beta-distribution';
export * from './channel-stats';
export * from './statistics';
