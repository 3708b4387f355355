/**
 * Settings of every bulk insert. ClickHouse refuses an INSERT whose rows fall into more than 100
 * partitions by default; a hub importing 13 years of history (monthly partitions: 156) hit it.
 */
export const INSERT_SETTINGS = { max_partitions_per_insert_block: '1000' } as const;

/**
 * Settings of every statement. Each deduplicating table partitions by a function of its first
 * sorting-key column (events: month of the day; scores and patterns: month of the day or week), so
 * rows of one key are always in one partition and FINAL may merge partition by partition — and skip
 * a partition that is one merged part (CompactionService keeps quiet partitions so). A new table
 * partitioned otherwise must not be read with FINAL (clickhouse-client.spec checks the tables).
 */
export const READ_SETTINGS = { do_not_merge_across_partitions_select_final: 1 } as const;
