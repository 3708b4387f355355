import { StringDecoder } from 'node:string_decoder';
import { CsvParser, type CsvRecord } from '@hubpulse/ingestion';

/** One NDJSON line that is not blank. */
export interface TextLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  /** Set when the line was too long to keep (its text is then empty). */
  error?: string;
}

/** What one read of the file produced, and how far into the file that is. */
export interface Batch<T> {
  items: T[];
  /** Bytes of the file consumed so far. */
  bytes: number;
}

/** NDJSON lines longer than this are rejected without being held in memory. */
const MAX_LINE_BYTES = 1 << 20;

/**
 * Splits a byte stream into lines, a batch per chunk read. Splitting happens on bytes (0x0A
 * never occurs inside a UTF-8 sequence), so only whole lines are decoded. A line longer than
 * `maxLineBytes` is dropped as it streams and reported, so memory never depends on the input.
 * The consumer pulls: while it works on a batch (e.g. awaits an insert) nothing more is read.
 */
export async function* ndjsonLines(source: AsyncIterable<Buffer>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Batch<TextLine>> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let overlong = false;
  let line = 0;
  let bytes = 0;

  const emit = (items: TextLine[], text: string) => {
    line++;
    if (overlong) {
      items.push({ line, text: '', error: `line: longer than ${maxLineBytes} bytes` });
      overlong = false;
      return;
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte order mark
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length; // CRLF
    const t = end === text.length ? text : text.slice(0, end);
    if (t.trim() !== '') items.push({ line, text: t });
  };
  const keep = (part: Buffer) => {
    if (overlong || part.length === 0) return;
    carryBytes += part.length;
    if (carryBytes > maxLineBytes) {
      overlong = true;
      carry = [];
      carryBytes = 0;
    } else carry.push(part);
  };
  const takeCarry = (tail: Buffer): string => {
    const whole = carry.length === 0 ? tail : Buffer.concat([...carry, tail]);
    carry = [];
    carryBytes = 0;
    return whole.toString('utf8');
  };

  for await (const chunk of source) {
    const items: TextLine[] = [];
    let start = 0;
    let nl = chunk.indexOf(10);
    if ((carryBytes > 0 || overlong) && nl !== -1) {
      keep(chunk.subarray(0, nl));
      emit(items, overlong ? '' : takeCarry(Buffer.alloc(0)));
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl !== -1) {
      if (nl - start > maxLineBytes) {
        overlong = true;
        emit(items, '');
      } else emit(items, chunk.toString('utf8', start, nl));
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) keep(chunk.subarray(start));
    bytes += chunk.length;
    yield { items, bytes };
  }
  if (carryBytes > 0 || overlong) {
    const items: TextLine[] = [];
    emit(items, overlong ? '' : takeCarry(Buffer.alloc(0)));
    yield { items, bytes };
  }
}

/** Decodes a byte stream as UTF-8 and parses it as CSV, a batch of records per chunk read. */
export async function* csvRecords(source: AsyncIterable<Buffer>, parser = new CsvParser()): AsyncGenerator<Batch<CsvRecord>> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of source) {
    const items: CsvRecord[] = [];
    parser.push(decoder.write(chunk), items);
    bytes += chunk.length;
    yield { items, bytes };
  }
  const items: CsvRecord[] = [];
  parser.push(decoder.end(), items);
  parser.end(items);
  yield { items, bytes };
}
