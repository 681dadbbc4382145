// What the reporters read: the ValidationReport src/validate returns (reporters are pure functions
// over it, testable with hand-built reports), and the orderings every reporter shares.
import type { Finding } from '../../rules/finding.js';

export type { FileReport as ValidatedFile, ValidationReport as ValidateReport, ValidationSummary as ValidateSummary } from '../../validate/index.js';

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
