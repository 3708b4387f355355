export * from './segment-rule.compiler';
export * from './segment-preview.sql';
export * from './starter-segments';
