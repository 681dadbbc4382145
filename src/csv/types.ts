// Shapes shared by the streaming reader and the annotated writer.

/** One data record of a CSV file, numbered as a spreadsheet shows it. */
export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1, the first data record is row 2. */
  row: number;
  /** Physical line (1-based) where the record starts; differs from `row` after quoted line breaks. */
  line: number;
  /** Cell values exactly as in the file (never trimmed); shorter rows are padded with ''. */
  cells: string[];
  /**
   * How many cells the file wrote for this record, when fewer than the header's named columns (the
   * rest of `cells` is padding); absent on a full row. Rule row-shape tells a cut row from a trimmed one.
   */
  written?: number;
  /** Cells holding bytes that are not UTF-8 (in a file read as UTF-8); absent when there are none. */
  invalid?: InvalidCell[];
  /**
   * Workbook only: cells stored as numbers in columns that want digits as text (`last_four`), 0-based:
   * the number dropped any leading zeros. Absent when there are none.
   */
  numbers?: number[];
  /** Workbook only: cells whose formula leaves no value (an error, or never calculated); their cells are ''. */
  formulas?: FormulaCell[];
}

/** A workbook cell whose formula leaves no value to read. */
export interface FormulaCell {
  /** 0-based position of the cell in its record. */
  column: number;
  /** `error`: the formula's result is an error (`#REF!`); `uncalculated`: the workbook keeps no result. */
  problem: 'error' | 'uncalculated';
  /** What the sheet shows: the error ('' when the workbook does not say which), or the formula. */
  shown: string;
}

/** A cell holding bytes that are not UTF-8, in a file read as UTF-8: each such sequence was read as U+FFFD. */
export interface InvalidCell {
  /** 0-based position of the cell in its record. */
  column: number;
  /** How many invalid sequences the cell holds. */
  count: number;
  /** The first few of them: the file offset of the first byte (0-based) and the bytes, as `0xE9 0x20`. */
  sequences: Array<{ offset: number; bytes: string }>;
}

/** What the reader found out about a file before streaming its records. */
export interface CsvFormat {
  /** Source encoding, e.g. 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'. */
  encoding: string;
  bom: boolean;
  /** UTF-8 only: sequences that are not UTF-8 (each read as U+FFFD, and noted on its record's `invalid`). */
  invalidSequences: number;
  delimiter: ',' | ';' | '\t';
  newline: '\r\n' | '\n';
}

export interface CsvSource {
  path: string;
  format: CsvFormat;
  /** Header cells exactly as in the file. */
  header: string[];
  /** Spreadsheet row of the header: 1 unless blank rows come before it. */
  headerRow?: number;
  /** Header cells holding bytes that are not UTF-8. */
  headerInvalid?: InvalidCell[];
  /** SHA-256 of the file's bytes, hex; present when opened with `hash`, answering once `records` was read to its end. */
  sha256?: () => string;
  /** Data records in file order; iterate once. Malformed content rejects with an InputError (exit 2). */
  records: AsyncIterable<CsvRecord>;
}
