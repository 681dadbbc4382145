// How a sheet of a workbook is named to people and told apart in maps: `migration.xlsx › Customers`,
// a cell as spreadsheets write it (`Customers!F12`, `'My Customers'!F12`), and one key per source.
import { columnLetters, quotedSheetName } from './cell-address.js';

/** Where a template's rows come from: a file, and for a workbook the sheet. */
export interface SourceId {
  path: string;
  sheet?: string | undefined;
}

/** `migration.xlsx › Customers` for a sheet, the path alone for a CSV file. */
export function sourceName(source: SourceId): string {
  return source.sheet === undefined ? source.path : `${source.path} › ${source.sheet}`;
}

/** One key per source, for maps: two sheets of one workbook never share it. */
export function sourceKey(source: SourceId): string {
  return source.sheet === undefined ? source.path : `${source.path}\u0000${source.sheet}`;
}

/** `Customers!F12`, or `Customers!12` for a whole row. */
export function cellReference(sheet: string, row: number, columnIndex?: number): string {
  return `${quotedSheetName(sheet)}!${columnIndex === undefined || columnIndex < 0 ? '' : columnLetters(columnIndex + 1)}${row}`;
}

/** A path read as a workbook: what Excel saves and Google Sheets downloads (.xlsx; .xlsm is the same format with macros). */
export function isWorkbookPath(path: string): boolean {
  return /\.xls[xm]$/i.test(path);
}

/** Spreadsheet formats read only once saved as .xlsx (or CSV): the old binary Excel, LibreOffice's own, Numbers. */
export function isOtherSpreadsheetPath(path: string): boolean {
  return /\.(xls|xlsb|ods|numbers)$/i.test(path);
}

/** Where a finding in a sheet is, as the sheet names it: `Customers!F12`, or `Customers!12` for a whole row. */
export function sheetPlace(place: { sheet: string; cell?: string | undefined; row: number }): string {
  return `${quotedSheetName(place.sheet)}!${place.cell ?? place.row}`;
}
