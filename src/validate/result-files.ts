// Annotated copies of validated files (`validate --out DIR`): Status `error` with the row's messages
// in Result, or `pending` for rows ready to import; every other cell is left as the user wrote it.
// A row that is not enabled is never `pending`: it will not be imported (its warning says why).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openCsv } from '../csv/reader.js';
import { outputPaths } from '../importer/results.js';
import { sourceKey } from '../workbook/location.js';
import { writeWorkbookResults, type SheetResult } from '../workbook/results.js';
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

/**
 * What validation sets on a row: rows the template enables ("set create_subscription to TRUE…") are
 * marked, decided as validate and import decide it; other rows keep their Status and Result as they
 * were, unless row-enabled has something to say about them. A header problem (a missing required
 * column) stops every row from importing; it replaces the rows' own findings about that column
 * ("email is required"), which cannot be fixed in the row.
 */
function annotator(file: FileReport, header: readonly string[]): (row: number, cells: readonly string[]) => Record<string, string> | undefined {
  const byRow = findingsByRow(file);
  const headerErrors = (byRow.get(1) ?? []).filter((finding) => finding.severity === 'error');
  const missingColumns = new Set(headerErrors.map((finding) => finding.column));
  const isEnabled = compileRowEnabled(getTemplate(file.template), header);
  return (row, cells) => {
    const own = byRow.get(row) ?? [];
    const enabled = isEnabled(cells);
    if (own.length === 0 && !enabled) return undefined;
    return rowAnnotation([...headerErrors, ...own.filter((finding) => !missingColumns.has(finding.column))], enabled);
  };
}

/** Writes every annotated copy (each atomically) after checking all destinations first. */
export async function writeValidateResults(report: ValidationReport, outDir: string): Promise<string[]> {
  const paths = outputPaths(report.files, outDir);
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
    const output = paths.get(sourceKey(file))!;
    await writeAnnotatedCopy(file.path, output, (record) => annotate(record.row, record.cells));
    written.push(output);
  }
  // A workbook's sheets are read once more, each row annotated as a CSV file's is.
  for (const [path, files] of workbooks) {
    const { sources } = await openInput(path);
    const results = files.flatMap((file): SheetResult[] => {
      const source = sources.find((candidate) => candidate.sheet === file.sheet);
      if (source === undefined) return [];
      return [{ sheet: file.sheet!, header: source.header, rows: source.records, annotate: annotator(file, source.header) }];
    });
    written.push(...(await writeWorkbookResults(results, new Map(files.map((file) => [file.sheet!, paths.get(sourceKey(file))!])))));
  }
  return written;
}
