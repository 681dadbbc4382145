// Turns the validated files' records (read once, by validation) into SourceRows and asks the mapping
// for each row's operations: rows with validation errors, or that the mapping cannot turn into objects,
// are planned as not-to-be-sent, with their findings kept. Which rows are enabled is decided by the
// rule engine's own function, so import never reads a row validate skipped, nor skips a row validate checked.
import { compileRowEnabled } from '../rules/engine.js';
import type { Finding } from '../rules/finding.js';
import { getTemplate } from '../templates/index.js';
import type { TemplateKind } from '../templates/types.js';
import type { ValidatedFile } from '../validate/index.js';
import { messagesOf } from './failures.js';
import type { RowFailure } from './plan.js';
import { operationsForFile, type RowOperations } from '../plan/map/index.js';
import type { Operation, SourceRow } from '../plan/operation.js';

/** An input file as the import keeps it once planned: its findings and content hash, not its records. */
export interface ValidatedInput {
  path: string;
  /** The sheet, when the input is a workbook's (its `sha256` is the whole workbook's). */
  sheet?: string;
  template: TemplateKind;
  findings: Finding[];
  /** SHA-256 of the bytes validated and planned from (the run record's `sha256`). */
  sha256: string;
}

export interface LoadedFile {
  path: string;
  /** The sheet, when the file is a workbook. */
  sheet?: string;
  kind: TemplateKind;
  /** SHA-256 of the bytes validated: the annotated copy checks the file still holds them. */
  sha256: string;
  /** The header validated (result copies are written from it should the file change during the run). */
  header: string[];
  /** The row the header is on: an annotated workbook marks header findings there. */
  headerRow: number;
  /** Validation's findings on the file, errors and warnings: an annotated workbook marks their cells. */
  findings: Finding[];
  rows: SourceRow[];
}

export interface LoadedRows {
  files: LoadedFile[];
  rowOperations: Array<{ row: SourceRow; operations: Operation[] }>;
  /** Rows that must not be sent: the messages for their Result cell and the validation findings behind them. */
  invalid: Map<SourceRow, RowFailure>;
  /** Rows an earlier run already marked `success` in this very file (a re-run of a results file). */
  alreadyImported: Set<SourceRow>;
  /** Rows whose every object the target has no place for, and what that means (see not-applicable.ts). */
  notApplicable?: Map<SourceRow, string>;
}

/** A row refused by validation: its errors, and their messages as the Result cell shows them. */
function validationFailure(findings: Finding[]): RowFailure {
  return { message: findings.map((finding) => `${finding.column}: ${finding.message}`).join(' | '), findings };
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
function mapFile(rows: SourceRow[], errorsByRow: Map<number, Finding[]>): RowOperations[] {
  try {
    return operationsForFile(rows);
  } catch (error) {
    if (errorsByRow.size === 0) throw error;
    const valid = operationsForFile(rows.filter((row) => !errorsByRow.has(row.row)));
    const invalid = rows.filter((row) => errorsByRow.has(row.row)).map((row) => ({ row, operations: [] }));
    return [...valid, ...invalid];
  }
}

/** Builds the rows of the validated files from the records validation read (no file is read again). */
export function loadRows(inputs: ValidatedFile[]): LoadedRows {
  const loaded: LoadedRows = { files: [], rowOperations: [], invalid: new Map(), alreadyImported: new Set() };
  for (const input of inputs) {
    const template = getTemplate(input.template);
    const errorsByRow = new Map<number, Finding[]>();
    for (const finding of input.findings) {
      if (finding.severity !== 'error') continue;
      errorsByRow.set(finding.row, [...(errorsByRow.get(finding.row) ?? []), finding]);
    }
    const { header, headerRow, records } = input.content;
    const enabled = compileRowEnabled(template, header);
    const sheet = input.sheet !== undefined ? { sheet: input.sheet } : {};
    const file: LoadedFile = { path: input.path, ...sheet, kind: input.template, sha256: input.content.sha256, header, headerRow, findings: input.findings, rows: [] };
    const toImport: SourceRow[] = [];
    /** Rows not enabled whose enabling cell is an error (`Yes`, `1`): reported as errors, never mapped. */
    const rejected: SourceRow[] = [];
    for (const record of records) {
      if (record.cells.every((cell) => cell.trim() === '')) continue;
      const values: Record<string, string> = {};
      header.forEach((name, index) => {
        // The first of two same-named columns, as the rule engine reads it.
        if (!(name in values)) values[name] = record.cells[index] ?? '';
      });
      const row: SourceRow = {
        file: input.path,
        ...sheet,
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
    for (const { row, operations, error } of mapFile(toImport, errorsByRow)) {
      const errors = errorsByRow.get(row.row);
      if (errors) loaded.invalid.set(row, validationFailure(errors));
      else if (error) loaded.invalid.set(row, { message: messagesOf(error), findings: [] });
      if (operations.length > 0 || loaded.invalid.has(row)) loaded.rowOperations.push({ row, operations });
    }
    for (const row of rejected) {
      loaded.invalid.set(row, validationFailure(errorsByRow.get(row.row)!));
      loaded.rowOperations.push({ row, operations: [] });
    }
    loaded.files.push(file);
  }
  return loaded;
}
