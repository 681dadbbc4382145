// The validation report as the reporters read it: structurally the ValidationReport that
// src/validate returns, so reporters stay pure functions testable with hand-built reports.
import type { Finding } from '../../rules/finding.js';

export interface ValidateSummary {
  files: number;
  rows: number;
  validRows: number;
  errorRows: number;
  errors: number;
  warnings: number;
}

export interface ValidatedFile {
  path: string;
  template: string;
  rows: number;
  errorRows: number;
  findings: Finding[];
}

export interface ValidateReport {
  asOf: string;
  files: ValidatedFile[];
  summary: ValidateSummary;
}

/** Findings ordered as people read a file: by row, then column position of first mention, then rule. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.row - b.row || a.line - b.line || compareText(a.column, b.column) || compareText(a.rule, b.rule));
}

/** Findings grouped by spreadsheet row, rows in ascending order. */
export function findingsByRow(findings: readonly Finding[]): Array<{ row: number; line: number; key: string; findings: Finding[] }> {
  const groups = new Map<number, { row: number; line: number; key: string; findings: Finding[] }>();
  for (const finding of sortedFindings(findings)) {
    let group = groups.get(finding.row);
    if (!group) {
      group = { row: finding.row, line: finding.line, key: finding.key, findings: [] };
      groups.set(finding.row, group);
    }
    if (!group.key && finding.key) group.key = finding.key;
    group.findings.push(finding);
  }
  return [...groups.values()];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
