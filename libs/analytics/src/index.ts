export * from './scoring';
export * from './beta-distribution';
export * from './channel-stats';
export * from './statistics';
