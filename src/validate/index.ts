// The validation pipeline every command uses: detects each file's template, reads reference files
// (customers, catalog) first so cross-file rules can check against them, and runs the rule engine.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { runPool } from '../importer/pool.js';
import type { CsvRecord } from '../csv/types.js';
import type { Finding } from '../rules/finding.js';
import { FileValidator } from '../rules/engine.js';
import { ReferenceStore } from '../rules/references.js';
import type { References } from '../rules/types.js';
import { detectTemplate } from '../templates/detect.js';
import { getTemplate } from '../templates/index.js';
import type { TemplateKind } from '../templates/types.js';
import { countByRule, type RuleCount } from './rule-summary.js';
import { onSheet, type SkippedSheet } from '../workbook/reader.js';
import { openInput, type TemplateSource } from '../workbook/sources.js';

export interface FileReport {
  path: string;
  /** The sheet, when the file is a workbook: each template sheet is reported as a file of its own. */
  sheet?: string;
  template: TemplateKind;
  rows: number;
  errorRows: number;
  findings: Finding[];
}

/**
 * A file's content as validation read it, so that an import plans from the very rows validated
 * (and the bytes hashed) instead of reading each file again.
 */
export interface FileContent {
  /** Header cells exactly as in the file. */
  header: string[];
  /** The row the header is on (a workbook's first row with content; 1 for most files). */
  headerRow: number;
  /** Data records in file order, as the reader streams them (blank rows left out). */
  records: CsvRecord[];
  /** SHA-256 of the file's bytes, hex: what the run record keeps. */
  sha256: string;
}

/** A validated input file with its content (validateFiles with `keepContent`). */
export interface ValidatedFile extends FileReport {
  content: FileContent;
}

/**
 * An input file that could not be read as a template (empty, a duplicate header, not a template, a
 * malformed row, a cell over the limit, missing…): reported with its error and skipped; the command
 * ends with exit 2 once everything else was reported.
 */
export interface UnreadableFile {
  path: string;
  /** The sheet, when a workbook's template sheet could not be read. */
  sheet?: string;
  /** The kind, when the header was read before the file failed. */
  template?: TemplateKind;
  /** Why: its code is the file-level finding's rule; its location names the row and column when known. */
  error: InputError;
}

export interface ValidationSummary {
  /** Every input file reported, including those that could not be read. */
  files: number;
  /** Input files that could not be read (each counts as one error too). */
  unreadableFiles: number;
  /** Files --ignore left out (set by the command that collected the inputs). */
  ignoredFiles: number;
  rows: number;
  validRows: number;
  errorRows: number;
  errors: number;
  warnings: number;
  /** Rows that hold data but that nothing enables: neither validated nor imported (each has a warning). */
  notEnabledRows: number;
  /** Findings counted by rule and severity, most frequent first (an unreadable file's error under its code). */
  byRule: RuleCount[];
}

export interface ValidationReport<F extends FileReport = FileReport> {
  asOf: string;
  /** The files read, in argument order. */
  files: F[];
  /** The input files that could not be read, in argument order; never in `files`. */
  unreadable: UnreadableFile[];
  /** Workbook sheets left out (empty, or not a template), in argument order: notices, not errors. */
  skippedSheets?: SkippedSheet[];
  summary: ValidationSummary;
}

export interface ValidateOptions {
  /** YYYY-MM-DD: the day date rules are judged against. */
  asOf: string;
  /** Template kind forced on every input file (`--template`). */
  template?: string;
  /** Extra files read only as reference data (`--catalog DIR`); not reported. */
  catalogPaths?: string[];
  /** Keep each input file's records and content hash (an import plans from them); reference files are not kept. */
  keepContent?: boolean;
}

export interface SourceOptions {
  asOf: string;
  template?: string;
  references?: References;
  collect?: ReferenceStore;
  referenceOnly?: boolean;
  /** Receives every record validated, in file order (an import keeps them to plan from). */
  onRecord?: (record: CsvRecord) => void;
}

/** Kinds whose rows other files refer to, in the order they are read (families before products…). */
const REFERENCE_ORDER: readonly TemplateKind[] = [
  'product-families',
  'products',
  'components',
  'coupons',
  'customers-advanced',
  // Invoices name their subscription by reference; the advanced subscriptions give them.
  'subscriptions-advanced',
  'subscriptions-advanced-custom-pricing',
];

/** Files whose headers are read at once: each holds one descriptor while its header is read. */
const HEADERS_AT_ONCE = 8;

interface OpenedFile {
  source: TemplateSource;
  kind: TemplateKind;
  isInput: boolean;
  /** Argument order, then the sheet's place in its workbook. */
  position: number;
  sub: number;
}

function readOrder(kind: TemplateKind): number {
  const position = REFERENCE_ORDER.indexOf(kind);
  return position < 0 ? REFERENCE_ORDER.length : position;
}

/** Validates one opened file; `collect` receives the keys it provides to files read later. */
export async function validateSource(source: TemplateSource, options: SourceOptions): Promise<FileReport> {
  const template = detectTemplate(source.header, source.path, options.template ?? source.kind);
  const validator = new FileValidator(template, source.header, {
    file: source.path,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    asOf: options.asOf,
    ...(options.references ? { references: options.references } : {}),
    ...(options.collect ? { collect: options.collect } : {}),
    ...(options.referenceOnly ? { referenceOnly: true } : {}),
    ...(source.headerInvalid ? { headerInvalid: source.headerInvalid } : {}),
  });
  const onRecord = options.onRecord;
  for await (const record of source.records) {
    validator.add(record);
    onRecord?.(record);
  }
  const findings = validator.finish();
  return { path: source.path, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), template: template.kind, rows: validator.rows, errorRows: validator.errorRows.size, findings };
}

/**
 * Validates files as a set: reference files first, cross-file checks included; reports in argument
 * order. With `keepContent`, each input's report also holds its records and hash, read in the same pass.
 */
export async function validateFiles(paths: string[], options: ValidateOptions & { keepContent: true }): Promise<ValidationReport<ValidatedFile>>;
export async function validateFiles(paths: string[], options: ValidateOptions): Promise<ValidationReport>;
export async function validateFiles(paths: string[], options: ValidateOptions): Promise<ValidationReport> {
  const given = new Set(paths.map((path) => resolve(path)));
  const catalogPaths = (options.catalogPaths ?? []).filter((path) => !given.has(resolve(path)));
  // Headers are read (and kinds detected) up front, so every input error surfaces before any row work;
  // a few at a time, since each read holds a file open (300 files under `ulimit -n 64` must not EMFILE).
  // A file that cannot be read is kept aside with its error and the others go on: all are reported.
  const all = [...paths, ...catalogPaths];
  const opened: OpenedFile[] = [];
  const unreadable: Array<{ at: Place; file: UnreadableFile }> = [];
  const skippedSheets: Array<{ at: Place; sheet: SkippedSheet }> = [];
  await runPool(all.map((_path, position) => position), HEADERS_AT_ONCE, () => false, async (position) => {
    const path = all[position]!;
    const isInput = position < paths.length;
    await readingInput({ path }, unreadable, [position, 0], undefined, async () => {
      const input = await openInput(path, { hash: isInput && options.keepContent === true, ...(isInput && options.template ? { template: options.template } : {}) });
      input.sources.forEach((source, sub) => {
        const template = source.kind !== undefined ? getTemplate(source.kind) : detectTemplate(source.header, path, isInput ? options.template : undefined);
        opened.push({ source, kind: template.kind, isInput, position, sub });
      });
      // A workbook's sheets are numbered after its template sheets, so each keeps its place in the report.
      input.unreadable.forEach(({ sheet, kind, error }, index) =>
        unreadable.push({ at: [position, input.sources.length + index], file: { path, sheet, ...(kind ? { template: kind } : {}), error } }),
      );
      if (isInput) input.skipped.forEach((sheet, index) => skippedSheets.push({ at: [position, index], sheet }));
    });
  });
  const order = opened.sort((a, b) => readOrder(a.kind) - readOrder(b.kind) || Number(a.isInput) - Number(b.isInput) || a.position - b.position || a.sub - b.sub);
  const references = new ReferenceStore();
  const reports: Array<{ at: Place; report: FileReport | ValidatedFile }> = [];
  for (const file of order) {
    const records: CsvRecord[] | undefined = file.isInput && options.keepContent === true ? [] : undefined;
    const { source } = file;
    const read = await readingInput(source, unreadable, [file.position, file.sub], file.kind, () =>
      validateSource(source, {
        asOf: options.asOf,
        template: file.kind,
        references,
        collect: references,
        referenceOnly: !file.isInput,
        ...(records ? { onRecord: (record: CsvRecord) => records.push(record) } : {}),
      }),
    );
    if (read === undefined) {
      // Its keys were collected only up to the bad row: references to them can no longer be judged.
      for (const provided of getTemplate(file.kind).provides) references.withdraw(provided.set);
      continue;
    }
    if (!file.isInput) continue;
    reports.push({ at: [file.position, file.sub], report: records ? { ...read, content: { header: source.header, headerRow: source.headerRow ?? 1, records, sha256: source.sha256!() } } : read });
  }
  const inOrder = <T>(list: Array<{ at: Place } & T>) => list.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  const files = inOrder(reports).map((entry) => entry.report);
  const unreadableFiles = inOrder(unreadable).map((entry) => entry.file);
  const skipped = inOrder(skippedSheets).map((entry) => entry.sheet);
  return {
    asOf: options.asOf,
    files,
    unreadable: unreadableFiles,
    ...(skipped.length > 0 ? { skippedSheets: skipped } : {}),
    summary: summarizeValidation(files, unreadableFiles),
  };
}

/** Where an input is reported: its argument's position, then its place among a workbook's sheets. */
type Place = [number, number];

/** Runs `read` on one input; an InputError about it is kept as that input's UnreadableFile (its answer: undefined). */
async function readingInput<T>(
  source: { path: string; sheet?: string },
  unreadable: Array<{ at: Place; file: UnreadableFile }>,
  at: Place,
  template: TemplateKind | undefined,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const { path, sheet } = source;
    unreadable.push({ at, file: { path, ...(sheet !== undefined ? { sheet } : {}), ...(template ? { template } : {}), error: sheet !== undefined && error.location.sheet === undefined ? onSheet(error, sheet) : error } });
    return undefined;
  }
}

export function summarizeValidation(
  files: ReadonlyArray<Pick<FileReport, 'path' | 'rows' | 'errorRows' | 'findings'>>,
  unreadable: readonly UnreadableFile[] = [],
  ignoredFiles = 0,
): ValidationSummary {
  const summary: ValidationSummary = {
    files: files.length + unreadable.length,
    unreadableFiles: unreadable.length,
    ignoredFiles,
    rows: 0,
    validRows: 0,
    errorRows: 0,
    errors: unreadable.length,
    warnings: 0,
    notEnabledRows: 0,
    byRule: countByRule(files, unreadable),
  };
  for (const file of files) {
    summary.rows += file.rows;
    summary.errorRows += file.errorRows;
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else summary.warnings++;
      if (isDataNotEnabled(finding)) summary.notEnabledRows++;
    }
  }
  summary.validRows = summary.rows - summary.errorRows;
  return summary;
}

/** The warning on a row that holds data but that nothing enables (one per such row). */
export function isDataNotEnabled(finding: Finding): boolean {
  return finding.rule === 'row-enabled' && finding.messageId === 'notEnabled';
}

/** Findings grouped by spreadsheet row (header-level findings under row 1). */
export function findingsByRow(file: Pick<FileReport, 'findings'>): Map<number, Finding[]> {
  const byRow = new Map<number, Finding[]>();
  for (const finding of file.findings) {
    const list = byRow.get(finding.row);
    if (list) list.push(finding);
    else byRow.set(finding.row, [finding]);
  }
  return byRow;
}
