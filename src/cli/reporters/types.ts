// What the reporters read: the ValidationReport src/validate returns (reporters are pure functions
// over it, testable with hand-built reports), and the orderings every reporter shares.
import type { Finding } from '../../rules/finding.js';
import { sheetPlace, sourceName } from '../../workbook/location.js';

export type {
  FileReport as ValidatedFile,
  UnreadableFile,
  ValidationReport as ValidateReport,
  ValidationSummary as ValidateSummary,
} from '../../validate/index.js';
export type { RuleCount } from '../../validate/rule-summary.js';

/** What a person asked of the report beyond its format (the machine formats ignore it: they list everything). */
export interface ReportLimits {
  /** Findings listed per file in the pretty report (Infinity: all); the rest are counted. */
  maxFindings: number;
}

/** Findings ordered as people read a file: by row; within a row the engine's order (template column order). */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.row - b.row || a.line - b.line);
}

/** Findings grouped by spreadsheet row, rows in ascending order. */
export function rowGroups(findings: readonly Finding[]): Array<{ row: number; line: number; key: string; findings: Finding[] }> {
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

/** Where a file-level finding points, in words: "row 3, line 4, column email", or '' for the file as a whole. */
export function fileLevelWhere(finding: Pick<Finding, 'row' | 'line' | 'column'>): string {
  return [
    finding.row > 0 ? `row ${finding.row}` : '',
    finding.line > 0 && finding.line !== finding.row ? `line ${finding.line}` : '',
    finding.column !== '' ? `column ${finding.column}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/** The same, as fields for a JSON document: row, line and column only where they are known. */
export function fileLevelWhereFields(finding: Pick<Finding, 'row' | 'line' | 'column'>): { row?: number; line?: number; column?: string } {
  return {
    ...(finding.row > 0 ? { row: finding.row } : {}),
    ...(finding.line > 0 ? { line: finding.line } : {}),
    ...(finding.column !== '' ? { column: finding.column } : {}),
  };
}

/** A file or a workbook's sheet as people name it: `subs.csv`, `migration.xlsx › Customers`. */
export const sourceTitle = (file: { path: string; sheet?: string | undefined }): string => sourceName(file);

/** A finding's cell in its sheet (`Customers!F12`), or '' for a CSV file (its row is named elsewhere). */
export function findingCell(finding: Pick<Finding, 'sheet' | 'cell' | 'row'>): string {
  return finding.sheet === undefined ? '' : sheetPlace({ sheet: finding.sheet, cell: finding.cell, row: finding.row });
}
