import { Transform, type TransformCallback } from 'node:stream';

/**
 * Custom key-value metadata in a Parquet file's footer. ClickHouse writes our Parquet, but (as of
 * chDB 26.7) has no setting for custom `key_value_metadata`: none of the `output_format_parquet_*`
 * settings sets it, and its ParquetMetadata input format does not read it either. So the footer
 * ClickHouse wrote is rewritten here, as the Parquet format defines it
 * (https://parquet.apache.org/docs/file-format/metadata/; parquet.thrift `FileMetaData`):
 *
 *   "PAR1" · row groups · FileMetaData (Thrift compact protocol) · its length (4 bytes LE) · "PAR1"
 *
 * FileMetaData's field 5 is `optional list<KeyValue> key_value_metadata` (KeyValue: 1 key, 2 value,
 * both strings). The rewrite copies every top-level field's bytes as they are and inserts field 5
 * in field-id order; only the field headers are re-encoded (compact field ids are deltas).
 * The row groups before the footer are untouched: their offsets stay valid.
 */

const MAGIC = Buffer.from('PAR1', 'latin1');
/** Thrift compact protocol type ids. */
const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;
const KEY_VALUE_FIELD = 5;

/** The key under which exports write their manifest (canonical JSON) in the Parquet footer. */
export const PARQUET_MANIFEST_KEY = 'hubpulse.manifest';

class Reader {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
  ) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('Parquet footer: truncated Thrift data');
    return this.buf[this.pos++];
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      if (shift > 63n) throw new Error('Parquet footer: varint too long');
    }
  }

  zigzag(): number {
    const v = this.varint();
    return Number((v >> 1n) ^ -(v & 1n));
  }

  skip(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error('Parquet footer: truncated Thrift data');
    this.pos += n;
  }

  binary(): Buffer {
    const n = Number(this.varint());
    const start = this.pos;
    this.skip(n);
    return this.buf.subarray(start, start + n);
  }

  /** Skips one value of compact type `type` (a list element of type bool takes a byte). */
  skipValue(type: number, inList = false): void {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        if (inList) this.skip(1);
        return;
      case T.BYTE:
        return this.skip(1);
      case T.I16:
      case T.I32:
      case T.I64:
        this.varint();
        return;
      case T.DOUBLE:
        return this.skip(8);
      case T.BINARY:
        this.binary();
        return;
      case T.LIST:
      case T.SET: {
        const { size, elem } = this.listHeader();
        for (let i = 0; i < size; i++) this.skipValue(elem, true);
        return;
      }
      case T.MAP: {
        const size = Number(this.varint());
        if (size === 0) return;
        const kv = this.byte();
        for (let i = 0; i < size; i++) {
          this.skipValue(kv >> 4, true);
          this.skipValue(kv & 0x0f, true);
        }
        return;
      }
      case T.STRUCT:
        for (const f of this.fields()) this.skipValue(f.type);
        return;
      default:
        throw new Error(`Parquet footer: unknown Thrift compact type ${type}`);
    }
  }

  listHeader(): { size: number; elem: number } {
    const h = this.byte();
    const size = h >> 4 === 0x0f ? Number(this.varint()) : h >> 4;
    return { size, elem: h & 0x0f };
  }

  /** The fields of a struct up to its stop byte: id and type, the reader left at the value (the caller reads or skips it). */
  *fields(): Generator<{ id: number; type: number; headerStart: number }> {
    let last = 0;
    for (;;) {
      const headerStart = this.pos;
      const h = this.byte();
      if (h === 0) return;
      const delta = h >> 4;
      const id = delta === 0 ? this.zigzag() : last + delta;
      last = id;
      yield { id, type: h & 0x0f, headerStart };
    }
  }
}

function varint(n: number | bigint): Buffer {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Buffer.from(out);
}

const zigzag16 = (n: number) => varint((n << 1) ^ (n >> 15));

/** A field header in compact form: delta from the previous id when 1–15, else the id in full. */
function fieldHeader(id: number, previous: number, type: number): Buffer {
  const delta = id - previous;
  return delta > 0 && delta <= 15 ? Buffer.from([(delta << 4) | type]) : Buffer.concat([Buffer.from([type]), zigzag16(id)]);
}

const binaryValue = (s: string) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([varint(bytes.length), bytes]);
};

/** list<KeyValue> as a compact value (without its field header). */
function keyValueList(entries: readonly (readonly [string, string])[]): Buffer {
  const n = entries.length;
  const header = n < 15 ? Buffer.from([(n << 4) | T.STRUCT]) : Buffer.concat([Buffer.from([0xf0 | T.STRUCT]), varint(n)]);
  const items = entries.map(([k, v]) => Buffer.concat([Buffer.from([(1 << 4) | T.BINARY]), binaryValue(k), Buffer.from([(1 << 4) | T.BINARY]), binaryValue(v), Buffer.from([0])]));
  return Buffer.concat([header, ...items]);
}

/** The footer (FileMetaData bytes) of a whole Parquet file, checked: magic at both ends, a length that fits. */
export function parquetFooter(file: Buffer): Buffer {
  if (file.length < 12 || !file.subarray(0, 4).equals(MAGIC) || !file.subarray(file.length - 4).equals(MAGIC)) throw new Error('not a Parquet file: no PAR1 at both ends');
  const len = file.readUInt32LE(file.length - 8);
  if (len + 12 > file.length) throw new Error(`Parquet footer length ${len} does not fit a file of ${file.length} bytes`);
  return file.subarray(file.length - 8 - len, file.length - 8);
}

/**
 * FileMetaData with `entries` as its key_value_metadata (field 5), the other fields' bytes as they
 * were. A footer that already holds key-value metadata keeps its entries, ours after them.
 */
export function footerWithKeyValues(footer: Buffer, entries: readonly (readonly [string, string])[]): Buffer {
  const r = new Reader(footer);
  const fields: { id: number; type: number; value: Buffer }[] = [];
  for (const f of r.fields()) {
    const start = r.pos;
    r.skipValue(f.type);
    fields.push({ id: f.id, type: f.type, value: footer.subarray(start, r.pos) });
  }
  if (r.pos !== footer.length) throw new Error(`Parquet footer: ${footer.length - r.pos} bytes after FileMetaData`);
  const existing = fields.find((f) => f.id === KEY_VALUE_FIELD);
  const merged = [...(existing ? readKeyValues(existing.value) : []), ...entries];
  const out: Buffer[] = [];
  let previous = 0;
  const emit = (id: number, type: number, value: Buffer) => {
    out.push(fieldHeader(id, previous, type), value);
    previous = id;
  };
  const rest = fields.filter((f) => f.id !== KEY_VALUE_FIELD).sort((a, b) => a.id - b.id);
  for (const f of rest.filter((x) => x.id < KEY_VALUE_FIELD)) emit(f.id, f.type, f.value);
  emit(KEY_VALUE_FIELD, T.LIST, keyValueList(merged));
  for (const f of rest.filter((x) => x.id > KEY_VALUE_FIELD)) emit(f.id, f.type, f.value);
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

/** Entries of a list<KeyValue> value (a missing value reads as ''). */
function readKeyValues(value: Buffer): [string, string][] {
  const r = new Reader(value);
  const { size, elem } = r.listHeader();
  if (elem !== T.STRUCT) throw new Error('Parquet footer: key_value_metadata is not a list of structs');
  const out: [string, string][] = [];
  for (let i = 0; i < size; i++) {
    let key = '';
    let val = '';
    for (const f of r.fields()) {
      if ((f.id === 1 || f.id === 2) && f.type === T.BINARY) {
        const s = r.binary().toString('utf8');
        if (f.id === 1) key = s;
        else val = s;
      } else r.skipValue(f.type);
    }
    out.push([key, val]);
  }
  return out;
}

/** The key-value metadata of a whole Parquet file (empty when it has none). */
export function parquetKeyValues(file: Buffer): Record<string, string> {
  const r = new Reader(parquetFooter(file));
  for (const f of r.fields()) {
    if (f.id === KEY_VALUE_FIELD && f.type === T.LIST) {
      const start = r.pos;
      r.skipValue(f.type);
      return Object.fromEntries(readKeyValues(r.buf.subarray(start, r.pos)));
    }
    r.skipValue(f.type);
  }
  return {};
}

/** Bytes held back from the end of the stream: the footer must lie inside them (a footer is ~100 bytes per column and row group). */
export const PARQUET_FOOTER_WINDOW = 4 << 20;

/**
 * A pass-through for a Parquet byte stream that rewrites its footer with `entries()` (asked for at
 * the end, when the rows are counted). Holds back at most the last PARQUET_FOOTER_WINDOW bytes plus
 * one chunk; everything before goes on as it comes.
 */
export class ParquetFooterRewriter extends Transform {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private passed = 0;

  constructor(
    private readonly entries: () => readonly (readonly [string, string])[],
    private readonly window = PARQUET_FOOTER_WINDOW,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    while (this.held.length > 1 && this.heldBytes - this.held[0].length >= this.window) {
      const first = this.held.shift()!;
      this.heldBytes -= first.length;
      this.passed += first.length;
      this.push(first);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      const tail = Buffer.concat(this.held);
      this.held = [];
      if (tail.length < 8 || !tail.subarray(tail.length - 4).equals(MAGIC)) throw new Error('Parquet stream does not end with PAR1');
      const len = tail.readUInt32LE(tail.length - 8);
      if (len + 8 > tail.length) throw new Error(`Parquet footer of ${len} bytes is larger than the ${this.window} bytes held back to rewrite it`);
      if (this.passed === 0 && len + 12 > tail.length) throw new Error('Parquet stream too short for its footer');
      const footer = footerWithKeyValues(tail.subarray(tail.length - 8 - len, tail.length - 8), this.entries());
      const size = Buffer.alloc(4);
      size.writeUInt32LE(footer.length);
      this.push(tail.subarray(0, tail.length - 8 - len));
      this.push(Buffer.concat([footer, size, MAGIC]));
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}
