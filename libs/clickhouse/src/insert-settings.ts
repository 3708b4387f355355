/**
 * Settings of every bulk insert. ClickHouse refuses an INSERT whose rows fall into more than 100
 * partitions by default; a hub importing 13 years of history (monthly partitions: 156) hit it.
 */
export const INSERT_SETTINGS = { max_partitions_per_insert_block: '1000' } as const;
