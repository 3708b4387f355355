import { csvCell } from '@hubpulse/contracts';
import type { Writable } from 'node:stream';
import { checkedPages, type ExportTable } from './export-table';
import { finish, put } from './hashing-sink';

/**
 * CSV (RFC 4180): a header of column names, one CRLF-ended line per row, UTF-8 without a BOM.
 * Cells through contracts' csvCell (quoting, formulas defused, null empty) — the same cells as the
 * dashboard's CSV. One write per page, waiting for the sink to drain.
 */
export async function writeCsv(table: ExportTable, sink: Writable): Promise<number> {
  let rows = 0;
  await put(sink, table.columns.map((c) => csvCell(c.name)).join(',') + '\r\n');
  for await (const page of checkedPages(table)) {
    if (page.length === 0) continue;
    let text = '';
    for (const row of page) text += row.map(csvCell).join(',') + '\r\n';
    rows += page.length;
    await put(sink, text);
  }
  await finish(sink);
  return rows;
}
