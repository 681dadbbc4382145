// The machine report for validate: exactly one JSON document, shaped as DESIGN.md "Reports" says.
import { sortedFindings, type ValidateReport } from './types.js';

interface ValidateJsonIssue {
  row: number;
  line: number;
  column: string;
  rule: string;
  key: string;
  severity: 'error' | 'warning';
  message: string;
  value: string;
}

interface ValidateJsonDocument {
  version: 1;
  command: 'validate';
  asOf: string;
  summary: ValidateReport['summary'];
  files: Array<{ path: string; template: string; rows: number; errorRows: number; issues: ValidateJsonIssue[] }>;
}

function toValidateJson(report: ValidateReport): ValidateJsonDocument {
  const { files, rows, validRows, errorRows, errors, warnings, notEnabledRows } = report.summary;
  return {
    version: 1,
    command: 'validate',
    asOf: report.asOf,
    summary: { files, rows, validRows, errorRows, errors, warnings, notEnabledRows },
    files: report.files.map((file) => ({
      path: file.path,
      template: file.template,
      rows: file.rows,
      errorRows: file.errorRows,
      issues: sortedFindings(file.findings).map((finding) => ({
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
  };
}

/** Any command's JSON document as printed: one document, pretty enough to read, ending in a newline. */
export function renderJsonDocument(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function renderValidateJson(report: ValidateReport): string {
  return renderJsonDocument(toValidateJson(report));
}
