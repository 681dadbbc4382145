// Reads the validated files into SourceRows and asks the mapping for each row's steps: rows with
// validation errors, or that the mapping cannot turn into objects, are planned as not-to-be-sent.
// Which rows are enabled is decided by the rule engine's own function, so import never reads a row
// validate skipped, nor skips a row validate checked.
import { openCsv } from '../csv/reader.js';
import { compileRowEnabled } from '../rules/engine.js';
import type { Finding } from '../rules/finding.js';
import { getTemplate } from '../templates/index.js';
import type { TemplateKind } from '../templates/types.js';
import { messagesOf } from './failures.js';
import { stepsForFile, type RowSteps } from './steps/index.js';
import type { ImportStep, SourceRow } from './types.js';

export interface ValidatedInput {
  path: string;
  template: TemplateKind;
  findings: Finding[];
}

export interface LoadedFile {
  path: string;
  kind: TemplateKind;
  rows: SourceRow[];
}

export interface LoadedRows {
  files: LoadedFile[];
  rowSteps: Array<{ row: SourceRow; steps: ImportStep[] }>;
  /** Rows that must not be sent, with the messages for their Result cell. */
  invalid: Map<SourceRow, string>;
  /** Rows an earlier run already marked `success` in this very file (a re-run of a results file). */
  alreadyImported: Set<SourceRow>;
}

/** The validation messages of a row, as the Result cell shows them. */
function validationMessages(findings: Finding[]): string {
  return findings.map((finding) => `${finding.column}: ${finding.message}`).join(' | ');
}

function rowKey(values: Record<string, string>, keyColumns: readonly string[]): string {
  for (const column of keyColumns) {
    const value = values[column]?.trim();
    if (value) return value;
  }
  return '';
}

/**
 * The mapping of a file's rows. Rows with validation errors may trip the mapping in ways it does not
 * expect; should that happen, the file is mapped again without them (their messages say why).
 */
function mapFile(rows: SourceRow[], errorsByRow: Map<number, Finding[]>): RowSteps[] {
  try {
    return stepsForFile(rows);
  } catch (error) {
    if (errorsByRow.size === 0) throw error;
    const valid = stepsForFile(rows.filter((row) => !errorsByRow.has(row.row)));
    const invalid = rows.filter((row) => errorsByRow.has(row.row)).map((row) => ({ row, steps: [] }));
    return [...valid, ...invalid];
  }
}

export async function loadRows(inputs: ValidatedInput[]): Promise<LoadedRows> {
  const loaded: LoadedRows = { files: [], rowSteps: [], invalid: new Map(), alreadyImported: new Set() };
  for (const input of inputs) {
    const template = getTemplate(input.template);
    const errorsByRow = new Map<number, Finding[]>();
    for (const finding of input.findings) {
      if (finding.severity !== 'error') continue;
      errorsByRow.set(finding.row, [...(errorsByRow.get(finding.row) ?? []), finding]);
    }
    const source = await openCsv(input.path);
    const enabled = compileRowEnabled(template, source.header);
    const file: LoadedFile = { path: input.path, kind: input.template, rows: [] };
    const toImport: SourceRow[] = [];
    /** Rows not enabled whose enabling cell is an error (`Yes`, `1`): reported as errors, never mapped. */
    const rejected: SourceRow[] = [];
    for await (const record of source.records) {
      if (record.cells.every((cell) => cell.trim() === '')) continue;
      const values: Record<string, string> = {};
      source.header.forEach((name, index) => {
        // The first of two same-named columns, as the rule engine reads it.
        if (!(name in values)) values[name] = record.cells[index] ?? '';
      });
      const row: SourceRow = {
        file: input.path,
        kind: input.template,
        row: record.row,
        line: record.line,
        key: rowKey(values, template.keyColumns),
        values,
      };
      file.rows.push(row);
      if (values.Status?.trim().toLowerCase() === 'success') loaded.alreadyImported.add(row);
      else if (enabled(record.cells)) toImport.push(row);
      else if (errorsByRow.has(row.row)) rejected.push(row);
    }
    for (const { row, steps, error } of mapFile(toImport, errorsByRow)) {
      const errors = errorsByRow.get(row.row);
      if (errors) loaded.invalid.set(row, validationMessages(errors));
      else if (error) loaded.invalid.set(row, messagesOf(error));
      if (steps.length > 0 || loaded.invalid.has(row)) loaded.rowSteps.push({ row, steps });
    }
    for (const row of rejected) {
      loaded.invalid.set(row, validationMessages(errorsByRow.get(row.row)!));
      loaded.rowSteps.push({ row, steps: [] });
    }
    loaded.files.push(file);
  }
  return loaded;
}
