// Annotated copies of validated files (`validate --out DIR`): Status `error` with the row's messages
// in Result, or `pending` for rows ready to import; every other cell is left as the user wrote it.
// A row that is not enabled is never `pending`: it will not be imported (its warning says why).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openCsv } from '../csv/reader.js';
import { resultPaths } from '../csv/result-paths.js';
import { writeAnnotatedCopy } from '../csv/writer.js';
import { InputError } from '../errors.js';
import type { Finding } from '../rules/finding.js';
import { compileRowEnabled } from '../rules/engine.js';
import type { CellTest } from '../rules/types.js';
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
 * Rows the template enables ("set create_subscription to TRUE…"), decided as validate and import
 * decide it: only those are validated, so only those are marked; other rows keep their Status and
 * Result as they were, unless row-enabled has something to say about them.
 */
async function enabledRows(file: FileReport): Promise<CellTest> {
  const { header } = await openCsv(file.path);
  return compileRowEnabled(getTemplate(file.template), header);
}

/** Writes every annotated copy (each atomically) after checking all destinations first. */
export async function writeValidateResults(report: ValidationReport, outDir: string): Promise<string[]> {
  const paths = resultPaths(report.files, outDir);
  try {
    await mkdir(resolve(outDir), { recursive: true });
  } catch (cause) {
    throw new InputError('out-folder', `Cannot create the --out folder ${outDir}: ${(cause as Error).message}.`, { cause });
  }
  const written: string[] = [];
  for (const file of report.files) {
    const byRow = findingsByRow(file);
    // A header problem (a missing required column) stops every row from importing; it replaces the
    // rows' own findings about that column ("email is required"), which cannot be fixed in the row.
    const headerErrors = (byRow.get(1) ?? []).filter((finding) => finding.severity === 'error');
    const missingColumns = new Set(headerErrors.map((finding) => finding.column));
    const isEnabled = await enabledRows(file);
    const output = paths.get(file.path)!;
    await writeAnnotatedCopy(file.path, output, (record) => {
      const own = byRow.get(record.row) ?? [];
      const enabled = isEnabled(record.cells);
      if (own.length === 0 && !enabled) return undefined;
      return rowAnnotation([...headerErrors, ...own.filter((finding) => !missingColumns.has(finding.column))], enabled);
    });
    written.push(output);
  }
  return written;
}
