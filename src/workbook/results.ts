// The results of a workbook input (validate --out, the imports' result files), for now as one annotated
// CSV per sheet, `<workbook>-<sheet>.csv`, which compare reads as it reads any result file. The
// annotated copy of the workbook itself (src/workbook/annotate.ts) replaces these two functions.
import { basename, extname, resolve } from 'node:path';
import { writeCsvRows } from '../csv/writer.js';

/** A sheet's rows with the cells the toolkit sets on each (Status, Result…; undefined: the row as it was). */
export interface SheetResult {
  sheet: string;
  header: readonly string[];
  /** The sheet's data rows, by row number; rows left out are written blank, so every row keeps its number. */
  rows: AsyncIterable<{ row: number; cells: readonly string[] }> | Iterable<{ row: number; cells: readonly string[] }>;
  annotate: (row: number, cells: readonly string[]) => Record<string, string> | undefined;
}

/** Where each sheet's results go in `outDir`. */
export function workbookResultPaths(path: string, sheets: readonly string[], outDir: string): Map<string, string> {
  const stem = basename(path, extname(path));
  // A sheet name may hold characters a file name cannot: they become '_'.
  return new Map(sheets.map((sheet) => [sheet, resolve(outDir, `${stem}-${sheet.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.csv`)]));
}

/** Writes each sheet's results (each file atomically) to the paths workbookResultPaths gave; answers the paths written. */
export async function writeWorkbookResults(sheets: readonly SheetResult[], outputs: ReadonlyMap<string, string>): Promise<string[]> {
  const written: string[] = [];
  for (const { sheet, header, rows, annotate } of sheets) {
    const output = outputs.get(sheet)!;
    const columns = [...header];
    // The annotation columns every template has; a sheet without them gets them at its end.
    for (const name of ['Status', 'Result']) if (!columns.includes(name)) columns.push(name);
    const lines = async function* () {
      let next: number | undefined;
      for await (const { row, cells } of rows) {
        for (next ??= row; next < row; next += 1) yield [];
        const line = columns.map((_name, index) => cells[index] ?? '');
        for (const [name, value] of Object.entries(annotate(row, cells) ?? {})) {
          // Only the template's own result columns are filled (ChargifyNextRenewal, Amount are in their templates' headers).
          const index = columns.indexOf(name);
          if (index >= 0) line[index] = value;
        }
        next = row + 1;
        yield line;
      }
    };
    await writeCsvRows(output, columns, lines(), { bom: true });
    written.push(output);
  }
  return written;
}
