// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped per the
// runner's rules: data escapes %, CR, LF; property values also escape ':' and ','.
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../../rules/finding.js';
import { unreadableFinding } from '../../validate/rule-summary.js';
import { safeText } from './safe-text.js';
import { notEnabledText, plural } from './summary.js';
import { findingCell, sortedFindings, type UnreadableFile, type ValidateReport } from './types.js';

export interface GithubAnnotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  title?: string;
  message: string;
}

export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithubAnnotation(annotation: GithubAnnotation): string {
  const properties: string[] = [];
  if (annotation.file !== undefined) properties.push(`file=${escapeGithubProperty(annotation.file)}`);
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.col !== undefined) properties.push(`col=${annotation.col}`);
  if (annotation.title !== undefined) properties.push(`title=${escapeGithubProperty(annotation.title)}`);
  const props = properties.length > 0 ? ` ${properties.join(',')}` : '';
  return `::${annotation.level}${props}::${escapeGithubData(annotation.message)}`;
}

/**
 * One annotation per finding, on the physical line where the record starts (what GitHub shows in
 * the diff); the message names the spreadsheet row and column, which is what people fix.
 */
function findingAnnotation(finding: Finding): GithubAnnotation {
  // Cell text reaches the CI log: control characters are shown escaped, never let through.
  const key = finding.key ? ` (${safeText(finding.key)})` : '';
  const value = finding.value === '' ? '' : ` Value: ${JSON.stringify(finding.value)}.`;
  // A workbook has no lines to point at: the annotation is on the file, and names the sheet's cell.
  const cell = findingCell(finding);
  return {
    level: finding.severity === 'error' ? 'error' : 'warning',
    file: finding.file,
    ...(cell === '' ? { line: finding.line } : {}),
    title: `${finding.rule}: ${cell === '' ? '' : `${safeText(cell)} `}${safeText(finding.column)}`,
    message: `${cell === '' ? `Row ${finding.row}` : safeText(cell)}${key}, column ${safeText(finding.column)}: ${safeText(finding.message)}${value}`,
  };
}

/**
 * A path as GitHub wants it in `file=`: relative to the checkout (GITHUB_WORKSPACE) with forward
 * slashes, so annotations land on the file in the pull request whatever path the user typed.
 */
export function githubPath(path: string, workspace: string | undefined = process.env.GITHUB_WORKSPACE): string {
  const shown = workspace && isAbsolute(path) ? relative(workspace, path) : path;
  return shown.split(sep).join('/');
}

/** A file that could not be read: an error on the file (its line when known), titled by its code. */
function unreadableAnnotation(file: UnreadableFile): GithubAnnotation {
  const finding = unreadableFinding(file);
  return {
    level: 'error',
    file: githubPath(file.path),
    ...(finding.line > 0 && file.sheet === undefined ? { line: finding.line } : {}),
    title: finding.column === '' ? finding.rule : `${finding.rule}: ${safeText(finding.column)}`,
    message: `${file.sheet === undefined ? 'File' : `Sheet ${safeText(file.sheet)}`} not read, skipped: ${safeText(finding.message)}`,
  };
}

export function renderValidateGithub(report: ValidateReport): string {
  const lines = report.files.flatMap((file) =>
    sortedFindings(file.findings).map((finding) => renderGithubAnnotation(findingAnnotation({ ...finding, file: githubPath(file.path) }))),
  );
  lines.push(...report.unreadable.map((file) => renderGithubAnnotation(unreadableAnnotation(file))));
  for (const sheet of report.skippedSheets ?? []) {
    lines.push(renderGithubAnnotation({ level: 'notice', file: githubPath(sheet.path), title: 'sheet skipped', message: `Sheet ${safeText(sheet.sheet)} skipped: ${safeText(sheet.message)}` }));
  }
  const { summary } = report;
  const notRead = summary.unreadableFiles > 0 ? ` (${summary.unreadableFiles} not read)` : '';
  lines.push(
    renderGithubAnnotation({
      level: summary.errors > 0 ? 'error' : 'notice',
      title: 'migrate validate',
      message: `${plural(summary.files, 'file')}${notRead}, ${plural(summary.rows, 'row')}: ${summary.validRows} valid, ${summary.errorRows} with errors (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}), as of ${report.asOf}.${summary.notEnabledRows > 0 ? ` ${notEnabledText(summary.notEnabledRows)}.` : ''}`,
    }),
  );
  // The counts by rule close the log: the line people read first when thousands of annotations precede it.
  if (summary.byRule.length > 0) {
    lines.push(
      renderGithubAnnotation({
        level: 'notice',
        title: 'migrate validate: findings by rule',
        message: summary.byRule.map((entry) => `${entry.rule} (${entry.severity}): ${entry.count}`).join('; '),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
