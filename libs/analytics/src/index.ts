export * from './privacy';
export * from './scoring';
export * from './cohort.sql';
export * from './complementary-suppression';
export * from './beta-distribution';
export * from './channel-stats';
export * from './segments';
export * from './statistics';
