export * from './privacy';
export * from './scoring';
export * from './cohort.sql';
