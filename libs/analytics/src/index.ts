export * from './privacy';
export * from './scoring';
