import type { Response } from 'express';
import { once } from 'node:events';
import { csvCell, type CsvCell } from '@hubpulse/contracts';

/**
 * Streams a CSV download: the header row, then each page of rows as it is read (memory stays flat
 * however long the file), waiting whenever the client reads slower than the pages come. A failure
 * after the headers went out cuts the connection, so the client sees a broken download rather than
 * a short file that looks complete; the error is then rethrown for the log.
 */
export async function sendCsv(res: Response, fileName: string, header: readonly string[], pages: AsyncIterable<readonly (readonly CsvCell[])[]>): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.write(`${header.join(',')}\r\n`);
  try {
    for await (const rows of pages) {
      if (!rows.length) continue;
      if (!res.write(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n')) await once(res, 'drain');
    }
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  res.end();
}
