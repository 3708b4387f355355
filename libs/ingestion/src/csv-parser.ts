/** One CSV record: its cells and the file line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** Set when the record is malformed (text after a closing quote, a quote never closed). */
  error?: string;
}

/** A record this long is not data but a quote left open: memory stays bounded, the import stops. */
export class CsvTooLongError extends Error {}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted field: either an escaped quote ("") or the closing one. */
  QuoteInQuoted,
  /** After the closing quote: only a comma or the end of the line may follow. */
  AfterQuoted,
}

/**
 * Streaming RFC 4180 parser: text goes in piece by piece (split anywhere, even inside a quoted
 * field or between CR and LF), complete records come out. Fields are separated by commas, records
 * by CRLF, LF or CR; a quoted field may hold commas, line breaks and doubled quotes (""). Lenient
 * where RFC 4180 is silent: a quote inside an unquoted field is kept as text. Line numbers count
 * line breaks, including those inside quoted fields, so they match what an editor shows.
 */
export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private cells: string[] = [];
  private error: string | undefined;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  /** The previous piece ended in CR: a LF at the start of the next one belongs to it. */
  private afterCR = false;
  private started = false;
  /** The record has a quoted field: `""` alone on a line is a record with one empty cell. */
  private recordQuoted = false;

  constructor(private readonly maxRecordChars = 1 << 20) {}

  /** Parses `text`, appending every record it completes to `out`. */
  push(text: string, out: CsvRecord[]): void {
    let i = 0;
    const n = text.length;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1; // UTF-8 byte order mark
    }
    if (this.afterCR && i < n) {
      this.afterCR = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    while (i < n) {
      switch (this.state) {
        case State.Quoted: {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          this.take(text, i, end);
          for (let k = text.indexOf('\n', i); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) this.line++;
          i = end;
          if (q !== -1) {
            this.state = State.QuoteInQuoted;
            i++;
          }
          break;
        }
        case State.QuoteInQuoted: {
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else this.state = State.AfterQuoted;
          break;
        }
        default: {
          if (this.state === State.FieldStart && text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.recordQuoted = true;
            i++;
            break;
          }
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j > i) {
            if (this.state === State.AfterQuoted) {
              this.error ??= `field ${this.cells.length + 1}: text after the closing quote (quote the whole field and double the quotes inside it)`;
            } else this.state = State.Unquoted;
            this.take(text, i, j);
          }
          if (j === n) {
            i = n;
            break;
          }
          const c = text.charCodeAt(j);
          i = j + 1;
          this.endField();
          if (c === COMMA) break;
          // end of the record: CRLF, LF or a lone CR
          this.endRecord(out);
          this.line++;
          if (c === CR) {
            if (i === n) this.afterCR = true;
            else if (text.charCodeAt(i) === LF) i++;
          }
          this.recordLine = this.line;
        }
      }
    }
  }

  /** The input is complete: emits the last record (one without a final line break). */
  end(out: CsvRecord[]): void {
    if (this.state === State.Quoted) {
      this.error ??= `field ${this.cells.length + 1}: a quoted field is never closed`;
    }
    if (this.state === State.FieldStart && this.cells.length === 0 && this.field === '') return;
    this.endField();
    this.endRecord(out);
  }

  private take(text: string, from: number, to: number): void {
    if (to === from) return;
    this.recordChars += to - from;
    if (this.recordChars > this.maxRecordChars) {
      throw new CsvTooLongError(
        `line ${this.recordLine}: a CSV record longer than ${this.maxRecordChars} characters (is a quote left open?)`,
      );
    }
    this.field += text.slice(from, to);
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(out: CsvRecord[]): void {
    // A blank line is no record.
    const blank = this.cells.length === 1 && this.cells[0] === '' && !this.error;
    if (!blank || this.recordQuoted) {
      out.push(this.error ? { line: this.recordLine, cells: this.cells, error: this.error } : { line: this.recordLine, cells: this.cells });
    }
    this.cells = [];
    this.error = undefined;
    this.recordChars = 0;
    this.recordQuoted = false;
    this.state = State.FieldStart;
  }
}
