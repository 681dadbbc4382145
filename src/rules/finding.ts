// The one finding record every rule, reporter and result file uses (see DESIGN.md "Reports").

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable kebab-case rule id, documented by `migrate templates KIND`. */
  rule: string;
  messageId: string;
  severity: Severity;
  /** The filled-in human message, including what to do. */
  message: string;
  /** File path as given on the command line (or found in a given folder). */
  file: string;
  /** The sheet, in a workbook (`file` is the workbook's path). */
  sheet?: string;
  /** In a workbook, the cell as the sheet names it (`F12`); absent for a finding on no one cell. */
  cell?: string;
  /** Spreadsheet row number (header = 1); 1 for header-level findings. */
  row: number;
  /** Physical line where the record starts. */
  line: number;
  /** Header exactly as in the file; the column the user must change. */
  column: string;
  /** The offending cell value ('' when missing). */
  value: string;
  /** The row's business key (customer reference, subscription reference, handle, code, invoice id). */
  key: string;
}
