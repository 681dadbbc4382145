// Incremental RFC 4180 record splitter over decoded text chunks: exact physical line numbers
// (CRLF, LF or CR, also inside quoted cells) and the line where an unclosed quote opened.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

/** Longer than any spreadsheet cell (Excel: 32,767; Google Sheets: 50,000 characters). */
export const MAX_CELL_LENGTH = 100_000;

export type CsvSyntaxKind = 'unclosed-quote' | 'text-after-quote' | 'cell-too-long';

/** A syntax problem found by the splitter; the reader turns it into an InputError with the file name. */
export class CsvSyntaxProblem {
  constructor(
    readonly kind: CsvSyntaxKind,
    /** 1-based count of records (blank lines included) up to and including the broken one. */
    readonly recordNumber: number,
    /** Physical line of the problem: where the quote opened, or where the stray text follows a quote. */
    readonly line: number,
    /** Physical line where the broken record starts. */
    readonly recordLine: number,
  ) {}
}

export interface RawRecord {
  cells: string[];
  /** Physical line where the record starts. */
  line: number;
}

/**
 * Splits text into records. Quotes open a quoted cell only at the start of a cell; a quote elsewhere
 * in an unquoted cell is kept as text (as spreadsheets do). A blank line is a record with one empty cell.
 */
export class CsvSplitter {
  private readonly delimiter: number;
  private state = FIELD_START;
  private cells: string[] = [];
  private pending = '';
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private records = 0;
  /** The previous chunk's last character code, to pair a CR with an LF across chunks. */
  private lastCode = -1;
  /** The last record ended on a CR, so an LF right after it belongs to the same line break. */
  private endedOnCr = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Splits one chunk; completed records are appended to `out`. Throws CsvSyntaxProblem. */
  push(text: string, out: RawRecord[]): void {
    const delimiter = this.delimiter;
    const n = text.length;
    let i = 0;
    let start = 0;
    while (i < n) {
      if (this.state === FIELD_START) {
        const c = text.charCodeAt(i);
        if (this.endedOnCr) {
          this.endedOnCr = false;
          if (c === LF) {
            i++;
            continue;
          }
        }
        if (c === QUOTE) {
          this.state = QUOTED;
          this.quoteLine = this.line;
          i++;
          start = i;
          continue;
        }
        this.state = UNQUOTED;
        start = i;
      }
      if (this.state === UNQUOTED) {
        let c = 0;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        if (i === n) break;
        this.cells.push(this.pending === '' ? text.slice(start, i) : this.pending + text.slice(start, i));
        this.pending = '';
        i++;
        if (c === delimiter) this.state = FIELD_START;
        else this.endRecord(out, c === CR);
        continue;
      }
      if (this.state === QUOTED) {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) break;
          if (c === CR) this.line++;
          else if (c === LF && (i > 0 ? text.charCodeAt(i - 1) : this.lastCode) !== CR) this.line++;
          i++;
        }
        if (i === n) break;
        this.pending += text.slice(start, i);
        i++;
        this.state = AFTER_QUOTE;
        continue;
      }
      // AFTER_QUOTE: a doubled quote is a literal quote; otherwise the cell must end here.
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.state = QUOTED;
        i++;
        start = i - 1;
        continue;
      }
      if (c === delimiter || c === LF || c === CR) {
        this.cells.push(this.pending);
        this.pending = '';
        i++;
        if (c === delimiter) this.state = FIELD_START;
        else this.endRecord(out, c === CR);
        continue;
      }
      throw new CsvSyntaxProblem('text-after-quote', this.records + 1, this.line, this.recordLine);
    }
    if (this.state === UNQUOTED || this.state === QUOTED) {
      this.pending += text.slice(start, n);
      if (this.pending.length > MAX_CELL_LENGTH) {
        const kind = this.state === QUOTED ? 'unclosed-quote' : 'cell-too-long';
        throw new CsvSyntaxProblem(kind, this.records + 1, this.state === QUOTED ? this.quoteLine : this.line, this.recordLine);
      }
    }
    if (n > 0) this.lastCode = text.charCodeAt(n - 1);
  }

  /** Flushes the last record (a file need not end with a line break). Throws CsvSyntaxProblem. */
  end(out: RawRecord[]): void {
    if (this.state === QUOTED) {
      throw new CsvSyntaxProblem('unclosed-quote', this.records + 1, this.quoteLine, this.recordLine);
    }
    if (this.state === FIELD_START && this.cells.length === 0) return;
    this.cells.push(this.pending);
    this.pending = '';
    this.records++;
    out.push({ cells: this.cells, line: this.recordLine });
    this.cells = [];
    this.state = FIELD_START;
  }

  private endRecord(out: RawRecord[], onCr: boolean): void {
    this.records++;
    out.push({ cells: this.cells, line: this.recordLine });
    this.cells = [];
    this.state = FIELD_START;
    this.line++;
    this.recordLine = this.line;
    this.endedOnCr = onCr;
  }
}
