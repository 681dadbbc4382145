// Incremental RFC 4180 record splitter over UTF-8 byte chunks: exact physical line numbers
// (CRLF, LF or CR, also inside quoted cells) and the line where an unclosed quote opened.
// Cells are decoded one by one from the bytes, so a kept cell never pins a whole chunk in memory.

import type { InvalidCell } from './types.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;
// A cell over MAX_CELL_BYTES is read on, keeping nothing, only to learn its size and whether it ends.
const SKIP_UNQUOTED = 4;
const SKIP_QUOTED = 5;
const SKIP_AFTER_QUOTE = 6;
const EMPTY = Buffer.alloc(0);

type Utf8Slicer = (bytes: Buffer, start: number, end: number) => string;
/**
 * Buffer#utf8Slice is what Buffer#toString('utf8', …) calls after argument checks; calling it directly
 * saves a fifth of the reader's time (one call per cell). Falls back if a runtime lacks it.
 */
const nativeSlice = (Buffer.prototype as unknown as { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
const utf8Slice: Utf8Slicer = nativeSlice
  ? (bytes, start, end) => nativeSlice.call(bytes, start, end)
  : (bytes, start, end) => bytes.toString('utf8', start, end);

/**
 * Bytes of a cell as written in the file (quotes, doubled quotes included): more than any spreadsheet
 * cell holds (Excel: 32,767 characters; Google Sheets: 50,000).
 */
export const MAX_CELL_BYTES = 1 << 20;

/** More columns than any spreadsheet has (Excel: 16,384); bounds memory on a runaway line of delimiters. */
export const MAX_CELLS = 20_000;

export type CsvSyntaxKind = 'unclosed-quote' | 'text-after-quote' | 'cell-too-long' | 'too-many-cells';

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
    /** For a cell over the limit: its 0-based position in the record and its size in bytes. */
    readonly cell?: { index: number; bytes: number },
  ) {}
}

export interface RawRecord {
  cells: string[];
  /** Physical line where the record starts. */
  line: number;
  /** Cells holding bytes that are not UTF-8 (see `markInvalid`). */
  invalid?: InvalidCell[];
}

/** Invalid sequences listed per cell; more are only counted (a cell of stray bytes stays small). */
const LISTED_SEQUENCES = 5;

/**
 * Splits text into records. Quotes open a quoted cell only at the start of a cell; a quote elsewhere
 * in an unquoted cell is kept as text (as spreadsheets do). A blank line is a record with one empty cell.
 */
export class CsvSplitter {
  private readonly delimiter: number;
  private state = FIELD_START;
  private cells: string[] = [];
  /** Decoded text of the current cell so far (quoted cells with doubled quotes come in pieces). */
  private pending = '';
  /** Undecoded bytes of the current cell carried over from the previous chunk (may end mid-character). */
  private tail: Buffer | undefined;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private records = 0;
  /** Offset, in all the bytes pushed so far, of the current chunk's first byte. */
  private offset = 0;
  /** Offset of the current cell's first byte (its opening quote, if quoted). */
  private cellStart = 0;
  /** The previous chunk's last character code, to pair a CR with an LF across chunks. */
  private lastCode = -1;
  /** The last record ended on a CR, so an LF right after it belongs to the same line break. */
  private endedOnCr = false;
  /** Cells of the current record holding bytes that are not UTF-8. */
  private invalid: InvalidCell[] | undefined;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Splits one chunk of UTF-8 bytes; completed records are appended to `out`. Throws CsvSyntaxProblem. */
  push(bytes: Buffer, out: RawRecord[]): void {
    const delimiter = this.delimiter;
    const n = bytes.length;
    let i = 0;
    let start = 0;
    while (i < n) {
      if (this.state >= SKIP_UNQUOTED) {
        i = this.skipOversizedCell(bytes, i);
        continue;
      }
      if (this.state === FIELD_START) {
        const c = bytes[i];
        if (this.endedOnCr) {
          this.endedOnCr = false;
          if (c === LF) {
            i++;
            continue;
          }
        }
        this.cellStart = this.offset + i;
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
          c = bytes[i];
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        if (i === n) break;
        // A cell ending in the chunk that took it over the limit is checked here, the others at chunk ends.
        if (this.offset + i - this.cellStart > MAX_CELL_BYTES) throw this.cellTooLong(this.offset + i, this.line);
        this.endCell(this.take(bytes, start, i), c === delimiter, c === CR, out);
        i++;
        continue;
      }
      if (this.state === QUOTED) {
        while (i < n) {
          const c = bytes[i];
          if (c === QUOTE) break;
          if (c === CR) this.line++;
          else if (c === LF && (i > 0 ? bytes[i - 1] : this.lastCode) !== CR) this.line++;
          i++;
        }
        if (i === n) break;
        this.pending = this.take(bytes, start, i);
        i++;
        this.state = AFTER_QUOTE;
        continue;
      }
      // AFTER_QUOTE: a doubled quote is a literal quote; otherwise the cell must end here.
      const c = bytes[i];
      if (c === QUOTE) {
        this.state = QUOTED;
        i++;
        start = i - 1;
        continue;
      }
      if (c === delimiter || c === LF || c === CR) {
        if (this.offset + i - this.cellStart > MAX_CELL_BYTES) throw this.cellTooLong(this.offset + i, this.quoteLine);
        this.endCell(this.pending, c === delimiter, c === CR, out);
        this.pending = '';
        i++;
        continue;
      }
      throw new CsvSyntaxProblem('text-after-quote', this.records + 1, this.line, this.recordLine);
    }
    if ((this.state === UNQUOTED || this.state === QUOTED) && start < n) {
      const rest = Buffer.from(bytes.subarray(start, n));
      this.tail = this.tail === undefined ? rest : Buffer.concat([this.tail, rest]);
    }
    if (this.state !== FIELD_START && this.state < SKIP_UNQUOTED && this.offset + n - this.cellStart > MAX_CELL_BYTES) {
      // Whether the cell ever ends decides the message ("over the limit" or "never closed"): read on to
      // its end, keeping nothing of it.
      this.state = this.state === UNQUOTED ? SKIP_UNQUOTED : this.state === QUOTED ? SKIP_QUOTED : SKIP_AFTER_QUOTE;
      this.pending = '';
      this.tail = undefined;
    }
    if (n > 0) this.lastCode = bytes[n - 1];
    this.offset += n;
  }

  /**
   * Reads an oversized cell on from `from`; returns the chunk's length when the cell goes on past it.
   * Throws when it ends: `cell-too-long` with its size, or, for a quoted cell whose closing quote is
   * followed by text, `unclosed-quote` (that quote most likely opens a later cell: the first never closed).
   */
  private skipOversizedCell(bytes: Buffer, from: number): number {
    const n = bytes.length;
    let i = from;
    while (i < n) {
      if (this.state === SKIP_UNQUOTED) {
        for (; i < n; i++) {
          const c = bytes[i];
          if (c === this.delimiter || c === LF || c === CR) throw this.cellTooLong(this.offset + i, this.line);
        }
        return n;
      }
      if (this.state === SKIP_QUOTED) {
        const quote = bytes.indexOf(QUOTE, i);
        if (quote === -1) return n;
        i = quote + 1;
        this.state = SKIP_AFTER_QUOTE;
      }
      // A run of quotes after a quote: each pair is one literal quote (a cell of "" is all such runs).
      let afterQuote = true;
      for (; i < n && bytes[i] === QUOTE; i++) afterQuote = !afterQuote;
      this.state = afterQuote ? SKIP_AFTER_QUOTE : SKIP_QUOTED;
      if (i === n || !afterQuote) continue;
      const c = bytes[i];
      if (c === this.delimiter || c === LF || c === CR) throw this.cellTooLong(this.offset + i, this.quoteLine);
      throw new CsvSyntaxProblem('unclosed-quote', this.records + 1, this.quoteLine, this.recordLine);
    }
    return n;
  }

  private cellTooLong(end: number, line: number): CsvSyntaxProblem {
    return new CsvSyntaxProblem('cell-too-long', this.records + 1, line, this.recordLine, { index: this.cells.length, bytes: end - this.cellStart });
  }

  /**
   * Notes that the bytes pushed last, in the current cell, held a sequence that is not UTF-8 (at file
   * `offset`, `bytes` in hex): the decoding read it as U+FFFD, and the record carries where it was.
   */
  markInvalid(offset: number, bytes: string): void {
    const column = this.cells.length;
    const list = (this.invalid ??= []);
    let cell = list[list.length - 1];
    if (cell === undefined || cell.column !== column) list.push((cell = { column, count: 0, sequences: [] }));
    cell.count++;
    if (cell.sequences.length < LISTED_SEQUENCES) cell.sequences.push({ offset, bytes });
  }

  /** The current cell's text up to `end`: what was pending plus the bytes from `start`. */
  private take(bytes: Buffer, start: number, end: number): string {
    let piece: string;
    if (this.tail === undefined) piece = utf8Slice(bytes, start, end);
    else {
      piece = Buffer.concat([this.tail, bytes.subarray(start, end)]).toString('utf8');
      this.tail = undefined;
    }
    const cell = this.pending === '' ? piece : this.pending + piece;
    this.pending = '';
    return cell;
  }

  /** Flushes the last record (a file need not end with a line break). Throws CsvSyntaxProblem. */
  end(out: RawRecord[]): void {
    if (this.state === QUOTED || this.state === SKIP_QUOTED) {
      throw new CsvSyntaxProblem('unclosed-quote', this.records + 1, this.quoteLine, this.recordLine);
    }
    if (this.state === SKIP_UNQUOTED) throw this.cellTooLong(this.offset, this.line);
    if (this.state === SKIP_AFTER_QUOTE) throw this.cellTooLong(this.offset, this.quoteLine);
    if (this.state === FIELD_START && this.cells.length === 0) return;
    this.cells.push(this.state === AFTER_QUOTE ? this.pending : this.take(EMPTY, 0, 0));
    this.pending = '';
    this.records++;
    this.emit(out);
    this.state = FIELD_START;
  }

  private emit(out: RawRecord[]): void {
    if (this.invalid === undefined) out.push({ cells: this.cells, line: this.recordLine });
    else {
      out.push({ cells: this.cells, line: this.recordLine, invalid: this.invalid });
      this.invalid = undefined;
    }
    this.cells = [];
  }

  /** A cell ended at a delimiter (the next cell starts) or at a line break (the record ends). */
  private endCell(value: string, atDelimiter: boolean, onCr: boolean, out: RawRecord[]): void {
    this.cells.push(value);
    if (!atDelimiter) {
      this.endRecord(out, onCr);
      return;
    }
    this.state = FIELD_START;
    if (this.cells.length > MAX_CELLS) throw new CsvSyntaxProblem('too-many-cells', this.records + 1, this.line, this.recordLine);
  }

  private endRecord(out: RawRecord[], onCr: boolean): void {
    this.records++;
    this.emit(out);
    this.state = FIELD_START;
    this.line++;
    this.recordLine = this.line;
    this.endedOnCr = onCr;
  }
}
