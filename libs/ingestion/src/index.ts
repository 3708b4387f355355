// Event rows for the ClickHouse `events` table: validation to TSV, shared by the API and the workers.
export * from './event-row';
export * from './people.writer';
