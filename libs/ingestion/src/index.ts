// Ingestion shared by the API and the workers: event rows (validation to TSV), their storage, the
// people directory writer, the imports folder and the streaming CSV parser.
export * from './csv-parser';
export * from './event-row';
export * from './event-rows.repository';
export * from './imports.repository';
export * from './ingestion.module';
export * from './people-writer.service';
export * from './person-stints';
export * from './content-rows';
