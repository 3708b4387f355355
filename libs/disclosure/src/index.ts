/**
 * @hubpulse/disclosure — the one disclosure-control layer. Every number about people leaves the API
 * through it: the primary rules (rules.ts), which groups may be described at all (group-plan.ts),
 * which groups may show a given statistic (stat-plan.ts), tables, segment lists and runs
 * (complementary-suppression.ts), and numbers over time (periods.ts). README's "Privacy model" says
 * what this guarantees and what it does not.
 */
export * from './rules';
export * from './group-plan';
export * from './stat-plan';
export * from './periods';
export * from './complementary-suppression';
export * from './history';
