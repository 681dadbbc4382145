// A1 addressing as spreadsheets show it: column letters, cell references, and references qualified by
// a sheet name (`Customers!F12`, `'Sheet Name'!F12`). Columns and rows count from 1, as in the sheet.

const MAX_COLUMN = 16384; // XFD, the last column Excel, LibreOffice and Google Sheets all have

/** 1 → `A`, 26 → `Z`, 27 → `AA`, 16384 → `XFD`; no upper limit, as a CSV row may be wider than a sheet. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`No spreadsheet column ${column}`);
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `A` → 1, `aa` → 27; undefined for anything that is not a column of a sheet (past `XFD`). */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column <= MAX_COLUMN ? column : undefined;
}

/** (12, 6) → `F12`. */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`No spreadsheet row ${row}`);
  return `${columnLetters(column)}${row}`;
}

/**
 * A sheet name as a formula or a person would write it before `!`: bare when it is a plain identifier
 * (`Customers`), else in single quotes with inner quotes doubled (`'Sheet Name'`, `'Bob''s'`). Names that
 * read as a cell (`A1`, `R1C1`) or start with a digit are quoted too, as Excel does.
 */
export function quotedSheetName(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[Rr]\d*[Cc]?\d*$/.test(sheet) && !/^[Cc]\d*$/.test(sheet);
  return plain ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** ('Customers', 12, 6) → `Customers!F12`. */
export function sheetCellAddress(sheet: string, row: number, column: number): string {
  return `${quotedSheetName(sheet)}!${cellAddress(row, column)}`;
}
