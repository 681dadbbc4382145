// Findings counted by rule: what a report ends with, so 6,000 identical errors read as one line with a
// count and an example instead of a list nobody scrolls through.
import type { Finding, Severity } from '../rules/finding.js';
import type { FileReport, UnreadableFile } from './index.js';

/** One rule at one severity: how many findings, in how many files, and the first one as an example. */
export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
  files: number;
  example: { file: string; row: number; line: number; column: string; value: string; message: string };
}

/**
 * Counts by rule and severity (a rule such as row-enabled reports both), most frequent first, then by
 * rule id; an unreadable file counts as one error under its error's code. The example is the first
 * finding in file and row order.
 */
export function countByRule(files: ReadonlyArray<Pick<FileReport, 'path' | 'findings'>>, unreadable: readonly UnreadableFile[] = []): RuleCount[] {
  const counts = new Map<string, RuleCount & { lastFile: string }>();
  const count = (finding: Pick<Finding, 'rule' | 'severity' | 'row' | 'line' | 'column' | 'value' | 'message'>, file: string) => {
    const id = `${finding.rule}\u0000${finding.severity}`;
    const entry = counts.get(id);
    if (entry === undefined) {
      const { rule, severity, row, line, column, value, message } = finding;
      counts.set(id, { rule, severity, count: 1, files: 1, lastFile: file, example: { file, row, line, column, value, message } });
      return;
    }
    entry.count++;
    if (entry.lastFile !== file) {
      entry.files++;
      entry.lastFile = file;
    }
    if (file === entry.example.file && finding.row < entry.example.row) {
      entry.example = { file, row: finding.row, line: finding.line, column: finding.column, value: finding.value, message: finding.message };
    }
  };
  for (const file of files) for (const finding of file.findings) count(finding, file.path);
  for (const file of unreadable) count(unreadableFinding(file), file.path);
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
    row: location.row ?? 0,
    line: location.line ?? location.row ?? 0,
    column: location.column ?? '',
    value: '',
    key: '',
  };
}
