import type { Writable } from 'node:stream';
import { checkedPages, type ExportTable } from './export-table';
import { finish, put } from './hashing-sink';

/**
 * NDJSON: one JSON object per row and line (LF), keys = column names in column order; dates and
 * times as their ISO text, null for an empty cell (a non-finite number is null too).
 */
export async function writeNdjson(table: ExportTable, sink: Writable): Promise<number> {
  const keys = table.columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  let rows = 0;
  for await (const page of checkedPages(table)) {
    if (page.length === 0) continue;
    let text = '';
    for (const row of page) {
      for (let i = 0; i < keys.length; i++) text += keys[i] + JSON.stringify(row[i]);
      text += '}\n';
    }
    rows += page.length;
    await put(sink, text);
  }
  await finish(sink);
  return rows;
}
