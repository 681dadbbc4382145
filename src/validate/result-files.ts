// Annotated copies of validated files (`validate --out DIR`): Status `error` with the row's messages
// in Result, or `pending` for rows ready to import; every other cell is left as the user wrote it.
// A row that is not enabled is never `pending`: it will not be imported (its warning says why). A
// workbook gets one copy, its findings' cells highlighted with their messages as notes.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openCsv } from '../csv/reader.js';
import { resultPaths } from '../csv/result-paths.js';
import { writeAnnotatedWorkbook, type RowAnnotation, type SheetAnnotations } from '../workbook/annotate.js';
import { openInput } from '../workbook/sources.js';
import { writeAnnotatedCopy } from '../csv/writer.js';
import { InputError } from '../errors.js';
import type { Finding } from '../rules/finding.js';
import { compileRowEnabled } from '../rules/engine.js';
import { getTemplate } from '../templates/index.js';
import { findingsByRow, type FileReport, type ValidationReport } from './index.js';

/** What a row's Status and Result cells say after validation; `enabled` false: the row will not be imported. */
export function rowAnnotation(findings: readonly Finding[] | undefined, enabled = true): { Status: string; Result: string } {
  if (!findings || findings.length === 0) return { Status: enabled ? 'pending' : '', Result: '' };
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const messages = [
    ...errors.map((finding) => finding.message),
    ...warnings.map((finding) => `warning: ${finding.message}`),
  ];
  return { Status: errors.length > 0 ? 'error' : enabled ? 'pending' : '', Result: messages.join(' | ') };
}

/** What validation sets on a row (Status, Result), and the findings whose cells an annotated workbook marks. */
interface RowMarks {
  cells: Record<string, string>;
  findings: Finding[];
}

/**
 * What validation sets on a row: rows the template enables ("set create_subscription to TRUE…") are
 * marked, decided as validate and import decide it; other rows keep their Status and Result as they
 * were, unless row-enabled has something to say about them. A header problem (a missing required
 * column) stops every row from importing; it replaces the rows' own findings about that column
 * ("email is required"), which cannot be fixed in the row: it is marked on the header, not the rows.
 */
function annotator(file: FileReport, header: readonly string[]): (row: number, cells: readonly string[]) => RowMarks | undefined {
  const byRow = findingsByRow(file);
  const headerErrors = (byRow.get(1) ?? []).filter((finding) => finding.severity === 'error');
  const missingColumns = new Set(headerErrors.map((finding) => finding.column));
  const isEnabled = compileRowEnabled(getTemplate(file.template), header);
  return (row, cells) => {
    const all = byRow.get(row) ?? [];
    const enabled = isEnabled(cells);
    if (all.length === 0 && !enabled) return undefined;
    const own = all.filter((finding) => !missingColumns.has(finding.column));
    return { cells: rowAnnotation([...headerErrors, ...own], enabled), findings: own };
  };
}

/** Writes every annotated copy (each atomically; a workbook's sheets in its one copy) after checking all destinations first. */
export async function writeValidateResults(report: ValidationReport, outDir: string): Promise<string[]> {
  const paths = resultPaths(report.files, outDir);
  try {
    await mkdir(resolve(outDir), { recursive: true });
  } catch (cause) {
    throw new InputError('out-folder', `Cannot create the --out folder ${outDir}: ${(cause as Error).message}.`, { cause });
  }
  const written: string[] = [];
  const workbooks = new Map<string, FileReport[]>();
  for (const file of report.files) {
    if (file.sheet !== undefined) {
      workbooks.set(file.path, [...(workbooks.get(file.path) ?? []), file]);
      continue;
    }
    const annotate = annotator(file, (await openCsv(file.path)).header);
    const output = paths.get(file.path)!;
    await writeAnnotatedCopy(file.path, output, (record) => annotate(record.row, record.cells)?.cells);
    written.push(output);
  }
  for (const [path, sheets] of workbooks) {
    const output = paths.get(path)!;
    await writeValidatedWorkbook(path, sheets, output);
    written.push(output);
  }
  return written;
}

/**
 * The annotated copy of a workbook: its template sheets read once more, each row annotated as a CSV
 * file's is, the findings' cells marked, the header-level findings on the header.
 */
async function writeValidatedWorkbook(path: string, files: readonly FileReport[], output: string): Promise<void> {
  // Each sheet read as the kind it was validated as: under --template (every sheet that one kind) its
  // header may be one detection would not recognise.
  const kinds = new Set(files.map((file) => file.template));
  const { sources } = await openInput(path, kinds.size === 1 ? { template: [...kinds][0]! } : {});
  const sheets: SheetAnnotations[] = [];
  for (const file of files) {
    const source = sources.find((candidate) => candidate.sheet === file.sheet);
    if (source === undefined) continue;
    const headerRow = source.headerRow ?? 1;
    const rows = new Map<number, RowAnnotation>();
    // Header-level findings are reported at row 1, wherever the header is.
    const header = findingsByRow(file).get(1);
    if (header !== undefined) rows.set(headerRow, { values: {}, errors: header });
    const annotate = annotator(file, source.header);
    for await (const record of source.records) {
      const marks = annotate(record.row, record.cells);
      if (marks !== undefined) rows.set(record.row, { values: marks.cells, ...(marks.findings.length > 0 ? { errors: marks.findings } : {}) });
    }
    sheets.push({ sheet: file.sheet!, headerRow, rows });
  }
  await writeAnnotatedWorkbook(path, output, sheets);
}
