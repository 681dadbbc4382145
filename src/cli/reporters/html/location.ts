// Where a finding or a row is, as every HTML report shows it: `file:row` for a CSV, and
// `workbook › Sheet!F12` for a sheet of a workbook (the reference the spreadsheet itself shows), named by
// src/workbook/location.ts as every other report names them.
import { sheetPlace, sourceName } from '../../../workbook/location.js';

/** What a location is made of: the file, its spreadsheet row, and for a workbook the sheet (and the cell when known). */
export interface Located {
  file: string;
  row: number;
  /** The sheet of a workbook the row is on; absent for a CSV. */
  sheet?: string;
  /** The cell as the spreadsheet names it (`F12`), when the reader knows the column's letter. */
  cell?: string;
}

/** The file a finding belongs to, as the report's file filter and per-file chart group them: a workbook's sheet is a file of its own. */
export function fileLabel(located: Pick<Located, 'file' | 'sheet'>): string {
  return sourceName({ path: located.file, sheet: located.sheet });
}

/** `file:row` (just the file for a file-level finding, row 0), or `workbook › Sheet!F12` (`Sheet!12` when the column is not known). */
export function locationOf(located: Located): string {
  if (located.sheet !== undefined) {
    return located.cell === undefined && located.row <= 0 ? fileLabel(located) : `${located.file} › ${sheetPlace({ sheet: located.sheet, cell: located.cell, row: located.row })}`;
  }
  return located.row > 0 ? `${located.file}:${located.row}` : located.file;
}
