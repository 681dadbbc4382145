// The result copy of a workbook input after an import or resync: one annotated copy of the whole
// workbook (src/workbook/annotate.ts), each of its template sheets annotated as a CSV copy is, and the
// cells of the rows' validation findings marked with their messages.
import { rm } from 'node:fs/promises';
import { SourceChangedError, tempPathBeside } from '../csv/writer.js';
import { findingsByRow } from '../validate/index.js';
import { writeAnnotatedWorkbook, type RowAnnotation, type SheetAnnotations } from '../workbook/annotate.js';
import type { SourceId } from '../workbook/location.js';
import { writeWorkbookOfRows } from '../workbook/rebuilt.js';
import type { LoadedFile } from './sources.js';

/** What the copy sets on a row: its result cells, and the link its Result cell is; undefined leaves the row as it was. */
export type ResultCellsAt = (file: SourceId, row: number) => { cells: Record<string, string>; link?: string } | undefined;

/**
 * Writes the annotated copy of one workbook (`files`: its sheets the run read, all one path) at
 * `output`, from the bytes validated. A workbook edited during the run is not annotated as it is now:
 * results keyed by row would land on other rows (and a row marked `success` that was never sent would
 * be skipped by the next run). Its copy is instead a workbook rebuilt from the rows validated and sent
 * (their cells as text, without the user's formats and other sheets), annotated the same way, and
 * `log` says so, as a CSV copy is then written from the rows validated.
 */
export async function writeWorkbookResult(files: readonly LoadedFile[], output: string, cellsAt: ResultCellsAt, log?: (line: string) => void): Promise<void> {
  const { path, sha256 } = files[0]!;
  const sheets = files.map((file) => sheetAnnotations(file, cellsAt));
  try {
    await writeAnnotatedWorkbook(path, output, sheets, { expectedSha256: sha256 });
    return;
  } catch (error) {
    if (!(error instanceof SourceChangedError)) throw error;
  }
  const rebuilt = tempPathBeside(output);
  try {
    await writeWorkbookOfRows(
      rebuilt,
      files.map((file) => ({ sheet: file.sheet!, header: file.header, headerRow: file.headerRow, rows: file.rows })),
    );
    await writeAnnotatedWorkbook(rebuilt, output, sheets);
  } finally {
    await rm(rebuilt, { force: true });
  }
  log?.(`${path} changed while the run was under way: ${output} was written from the content validated and sent (its template sheets only, without their formats), not from the workbook as it is now.`);
}

/**
 * A sheet's annotations: the rows the copy sets (as a CSV copy sets them), each with its validation
 * findings (errors and warnings) marked on their cells, and the header-level findings on the header.
 */
function sheetAnnotations(file: LoadedFile, cellsAt: ResultCellsAt): SheetAnnotations {
  const findings = findingsByRow(file);
  const rows = new Map<number, RowAnnotation>();
  // Header-level findings (a missing or unknown column) are reported at row 1, wherever the header is.
  const header = findings.get(1);
  if (header !== undefined) rows.set(file.headerRow, { values: {}, errors: header });
  for (const row of file.rows) {
    const set = cellsAt(file, row.row);
    if (set === undefined) continue;
    const errors = findings.get(row.row);
    rows.set(row.row, { values: set.cells, ...(set.link !== undefined ? { link: set.link } : {}), ...(errors !== undefined ? { errors } : {}) });
  }
  return { sheet: file.sheet!, headerRow: file.headerRow, rows };
}
