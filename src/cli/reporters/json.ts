// The machine report for validate: exactly one JSON document, shaped as DESIGN.md "Reports" says, with
// compatible additions: files that could not be read (in `files`, with an `error`) and the counts by rule.
import { unreadableFinding } from '../../validate/rule-summary.js';
import { fileLevelWhereFields, sortedFindings, type RuleCount, type UnreadableFile, type ValidateReport } from './types.js';

interface ValidateJsonIssue {
  /** In a workbook: the cell (`F12`). */
  cell?: string;
  row: number;
  line: number;
  column: string;
  rule: string;
  key: string;
  severity: 'error' | 'warning';
  message: string;
  value: string;
}

/** Where a file-level error or example points: only the parts that are known. */
interface JsonWhere {
  row?: number;
  line?: number;
  column?: string;
}

interface ValidateJsonFile {
  path: string;
  /** In a workbook: the sheet (`path` is the workbook's); each template sheet is an entry of its own. */
  sheet?: string;
  /** null when the file could not be read far enough to tell. */
  template: string | null;
  rows: number;
  errorRows: number;
  /** Present only on a file that could not be read: why (rule = the error's code), and where when known. */
  error?: { rule: string; message: string } & JsonWhere;
  issues: ValidateJsonIssue[];
}

interface ValidateJsonDocument {
  version: 1;
  command: 'validate';
  asOf: string;
  summary: Omit<ValidateReport['summary'], 'byRule'> & { byRule: Array<Omit<RuleCount, 'example'> & { example: { file: string; value: string; message: string } & JsonWhere }> };
  files: ValidateJsonFile[];
  /** A workbook's sheets left out (empty, or not a template); present only when there are some. */
  skippedSheets?: Array<{ path: string; sheet: string; reason: string; message: string }>;
}

function toValidateJson(report: ValidateReport): ValidateJsonDocument {
  const { files, unreadableFiles, ignoredFiles, rows, validRows, errorRows, errors, warnings, notEnabledRows, byRule } = report.summary;
  return {
    version: 1,
    command: 'validate',
    asOf: report.asOf,
    summary: {
      files,
      rows,
      validRows,
      errorRows,
      errors,
      warnings,
      notEnabledRows,
      unreadableFiles,
      ignoredFiles,
      byRule: byRule.map(({ rule, severity, count, files: inFiles, example }) => ({
        rule,
        severity,
        count,
        files: inFiles,
        example: { file: example.file, ...sheetFields(example), ...fileLevelWhereFields(example), value: example.value, message: example.message },
      })),
    },
    files: [
      ...report.files.map((file) => ({
        path: file.path,
        ...sheetFields(file),
        template: file.template,
        rows: file.rows,
        errorRows: file.errorRows,
        issues: sortedFindings(file.findings).map((finding) => ({
          ...(finding.cell !== undefined ? { cell: finding.cell } : {}),
          row: finding.row,
          line: finding.line,
          column: finding.column,
          rule: finding.rule,
          key: finding.key,
          severity: finding.severity,
          message: finding.message,
          value: finding.value,
        })),
      })),
      ...report.unreadable.map(unreadableJson),
    ],
    ...(report.skippedSheets !== undefined && report.skippedSheets.length > 0
      ? { skippedSheets: report.skippedSheets.map(({ path, sheet, reason, message }) => ({ path, sheet, reason, message })) }
      : {}),
  };
}

function sheetFields(source: { sheet?: string | undefined }): { sheet?: string } {
  return source.sheet !== undefined ? { sheet: source.sheet } : {};
}

function unreadableJson(file: UnreadableFile): ValidateJsonFile {
  const finding = unreadableFinding(file);
  return {
    path: file.path,
    ...sheetFields(file),
    template: file.template ?? null,
    rows: 0,
    errorRows: 0,
    error: { rule: finding.rule, message: finding.message, ...fileLevelWhereFields(finding) },
    issues: [],
  };
}

/** Any command's JSON document as printed: one document, pretty enough to read, ending in a newline. */
export function renderJsonDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function renderValidateJson(report: ValidateReport): string {
  return renderJsonDocument(toValidateJson(report));
}
