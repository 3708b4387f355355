export * from './export-table';
export * from './manifest';
export { writeExport, type ExportDeps, type ExportResult } from './write-export';
export { chdbConnection, ParquetStagingRepository, PARQUET_CLICKHOUSE_TYPES, PARQUET_STAGE_PREFIX, type ChdbNative } from './parquet-staging.repository';
export { footerWithKeyValues, PARQUET_MANIFEST_KEY, parquetFooter, ParquetFooterRewriter, parquetKeyValues } from './parquet-footer';
