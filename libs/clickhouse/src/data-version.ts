import { Injectable } from '@nestjs/common';
import { ClickHouseService } from './clickhouse.service';
import { TABLE_NAMES, type TableName } from './tables';

/**
 * What the data of some tables is right now, as a short string that changes whenever any of their
 * rows may have: a hash of the names of their active parts. ClickHouse writes every INSERT as a new
 * part whose name carries a new block number, and a merge or a mutation replaces parts by parts of
 * new names, so equal versions mean the same rows (the reverse is not needed: a merge changes the
 * version without changing an answer, which costs a recomputation, never a wrong number).
 *
 * One query on `system.parts` (memory only, ~1 ms) for any set of tables. Read-through caches key
 * their entries by it (ReadCache in the API): a read over events answers from the cache until the
 * next acknowledged event is stored, then from the data again — so the freshness of a number is that
 * of the data, without a time-to-live.
 */
@Injectable()
export class DataVersions {
  constructor(private readonly ch: ClickHouseService) {}

  async of(tables: readonly TableName[]): Promise<string> {
    const names = [...new Set(tables)].sort().filter((t) => (TABLE_NAMES as readonly string[]).includes(t));
    if (!names.length) return '';
    // Not parameterised, on purpose: embedded chDB runs parameterised statements one at a time per
    // process, so a version read with parameters would wait behind every heavy read in flight — the
    // very answers it lets readers skip. The database name is checked to be an identifier (tablesFor)
    // and the table names are Hubpulse's own constants.
    const list = names.map((n) => `'${n}'`).join(', ');
    const rows = await this.ch.rows<{ t: string; h: string; n: string }>(
      `SELECT table AS t, toString(groupBitXor(cityHash64(partition_id, name))) AS h, toString(count()) AS n
       FROM system.parts
       WHERE database = '${this.ch.database}' AND active AND table IN (${list})
       GROUP BY table ORDER BY table`,
      {},
      'system.parts.version',
    );
    const got = new Map(rows.map((r) => [r.t, `${r.n}.${r.h}`]));
    return names.map((n) => got.get(n) ?? '0').join('/');
  }
}
