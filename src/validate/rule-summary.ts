// Findings counted by rule: what a report ends with, so 6,000 identical errors read as one line with a
// count and an example instead of a list nobody scrolls through.
import type { Finding, Severity } from '../rules/finding.js';
import { sourceKey, type SourceId } from '../workbook/location.js';
import type { FileReport, UnreadableFile } from './index.js';

function place(sheet: string | undefined, cell: string | undefined): { sheet?: string; cell?: string } {
  return { ...(sheet !== undefined ? { sheet } : {}), ...(cell !== undefined ? { cell } : {}) };
}

/** One rule at one severity: how many findings, in how many files, and the first one as an example. */
export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
  files: number;
  example: { file: string; sheet?: string; cell?: string; row: number; line: number; column: string; value: string; message: string };
}

/**
 * Counts by rule and severity (a rule such as row-enabled reports both), most frequent first, then by
 * rule id; an unreadable file counts as one error under its error's code. The example is the first
 * finding in file and row order.
 */
export function countByRule(files: ReadonlyArray<Pick<FileReport, 'path' | 'sheet' | 'findings'>>, unreadable: readonly UnreadableFile[] = []): RuleCount[] {
  const counts = new Map<string, RuleCount & { lastFile: string }>();
  const count = (finding: Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell' | 'row' | 'line' | 'column' | 'value' | 'message'>, file: SourceId) => {
    const id = `${finding.rule}\u0000${finding.severity}`;
    // Each sheet of a workbook counts as a file of its own.
    const key = sourceKey(file);
    const example = { file: file.path, ...place(file.sheet, finding.cell), row: finding.row, line: finding.line, column: finding.column, value: finding.value, message: finding.message };
    const entry = counts.get(id);
    if (entry === undefined) {
      counts.set(id, { rule: finding.rule, severity: finding.severity, count: 1, files: 1, lastFile: key, example });
      return;
    }
    entry.count++;
    if (entry.lastFile !== key) {
      entry.files++;
      entry.lastFile = key;
    }
    if (key === sourceKey({ path: entry.example.file, sheet: entry.example.sheet }) && finding.row < entry.example.row) entry.example = example;
  };
  for (const file of files) for (const finding of file.findings) count(finding, file);
  for (const file of unreadable) count(unreadableFinding(file), file);
  return [...counts.values()]
    .map(({ lastFile: _lastFile, ...entry }) => entry)
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.severity === 'error' ? -1 : 1));
}

/**
 * An unreadable file's error as a finding, the one shape every reporter shows: its code is the rule,
 * the message ends with what to do; row, line and column are 0 / '' where the error does not name them.
 */
export function unreadableFinding(file: UnreadableFile): Finding {
  const { code, message, hint, location } = file.error;
  return {
    rule: code,
    messageId: code,
    severity: 'error',
    message: hint ? `${message} ${hint}` : message,
    file: file.path,
    ...(file.sheet !== undefined ? { sheet: file.sheet } : {}),
    row: location.row ?? 0,
    line: location.line ?? location.row ?? 0,
    column: location.column ?? '',
    value: '',
    key: '',
  };
}
