/**
 * The tenure band and cohort of libs/analytics/src/scoring.ts (tenureBand, cohortOf) as ClickHouse
 * expressions, for the score worker and the API's group views: one definition, here.
 * `hired` and `day` are column expressions (a Nullable(Date32) hire date and a Date).
 */
export const tenureBandSql = (hired: string, day: string) => `multiIf(
    ${hired} IS NULL OR ${hired} > ${day}, 'unknown',
    dateDiff('day', ${hired}, ${day}) < 365, 'under 1 year',
    dateDiff('day', ${hired}, ${day}) < 1095, '1–3 years',
    dateDiff('day', ${hired}, ${day}) < 3650, '3–10 years',
    '10+ years')`;

export const cohortSql = (department: string, hired: string, day: string) =>
  `concat(if(${department} = '', 'unknown', toString(${department})), ' · ', ${tenureBandSql(hired, day)})`;
