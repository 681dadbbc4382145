// A workbook made from the rows validation read (each template sheet's header and rows at their row
// numbers, every cell as text): what a run annotates when the user's workbook changed while it ran.
import { rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { asOutputError } from '../csv/writer.js';

/** A template sheet as validated: its header, the row it is on, and the data rows by their sheet row number. */
export interface ValidatedSheet {
  sheet: string;
  header: readonly string[];
  headerRow: number;
  rows: ReadonlyArray<{ row: number; values: Readonly<Record<string, string>> }>;
}

/**
 * Writes a new workbook of `sheets` at `destination`. Cells are the text validation read (a date as
 * `2030-01-15`), so a later run reads back what was sent; a blank cell stays empty. The user's formats,
 * formulas and other sheets are not known here and are not in it.
 */
export async function writeWorkbookOfRows(destination: string, sheets: readonly ValidatedSheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const { sheet, header, headerRow, rows } of sheets) {
    const worksheet = workbook.addWorksheet(sheet);
    worksheet.getRow(headerRow).values = [...header];
    for (const { row, values } of rows) worksheet.getRow(row).values = header.map((name) => (values[name] ? values[name] : null));
  }
  try {
    await workbook.xlsx.writeFile(destination);
  } catch (error) {
    await rm(destination, { force: true });
    throw asOutputError(error, destination);
  }
}
