// The human report for validate: grouped by file, then row, then column, each finding with the
// offending value and the message saying how to fix it (at most --max-findings per file); the files
// that could not be read; the findings counted by rule; then a summary. Colour is the caller's choice.
import type { Finding } from '../../rules/finding.js';
import { unreadableFinding } from '../../validate/rule-summary.js';
import type { Colors } from './colors.js';
import { renderRuleTable } from './rule-table.js';
import { safeText } from './safe-text.js';
import { notEnabledText, plural, renderSummary } from './summary.js';
import { fileLevelWhere, findingCell, rowGroups, sortedFindings, sourceTitle, type ReportLimits, type UnreadableFile, type ValidateReport, type ValidatedFile } from './types.js';

const maxValueLength = 60;

export function renderValidatePretty(report: ValidateReport, colors: Colors, limits: ReportLimits = { maxFindings: Infinity }): string {
  const blocks = [
    ...report.files.map((file) => renderFile(file, colors, limits.maxFindings)),
    ...report.unreadable.map((file) => renderUnreadable(file, colors)),
    ...(report.skippedSheets ?? []).map((sheet) => `${colors.bold(safeText(sourceTitle(sheet)))}  ${colors.dim(`skipped: ${sheet.message}`)}`),
  ];
  const { summary } = report;
  const summaryLine = renderSummary(
    `Summary (as of ${report.asOf})`,
    [
      { label: summary.files === 1 ? 'file' : 'files', value: summary.files },
      ...(summary.unreadableFiles > 0 ? [{ label: 'not read', value: summary.unreadableFiles, tone: 'bad' as const }] : []),
      ...(summary.ignoredFiles > 0 ? [{ label: 'ignored', value: summary.ignoredFiles }] : []),
      { label: summary.rows === 1 ? 'row' : 'rows', value: summary.rows },
      { label: 'valid', value: summary.validRows, tone: 'good' },
      { label: 'with errors', value: summary.errorRows, tone: 'bad' },
      { label: summary.errors === 1 ? 'error' : 'errors', value: summary.errors, tone: 'bad' },
      { label: summary.warnings === 1 ? 'warning' : 'warnings', value: summary.warnings, tone: 'warn' },
    ],
    colors,
  );
  // Rows left out without a word were the defect: their count closes the summary whenever there are any.
  const notEnabled = summary.notEnabledRows > 0 ? colors.dim(' · ') + colors.yellow(notEnabledText(summary.notEnabledRows)) : '';
  // Files without findings are one line each; a blank line sets off every file that has findings.
  const body = blocks.map((block) => (block.includes('\n') ? `${block}\n` : block)).join('\n');
  const table = renderRuleTable(summary.byRule, colors);
  const byRule = table.length > 0 ? `\n\n${table.join('\n')}` : '';
  return `${body}${byRule}\n\n${summaryLine}${notEnabled}\n`.replace(/\n{3,}/g, '\n\n');
}

function renderFile(file: ValidatedFile, colors: Colors, maxFindings: number): string {
  // Header errors (a missing column) fail the file even when no row has its own error.
  const headerErrors = file.findings.some((finding) => finding.row === 1 && finding.severity === 'error');
  const status =
    file.errorRows > 0
      ? colors.red(`${plural(file.errorRows, 'row')} with errors${headerErrors ? ', errors in the header' : ''}`)
      : headerErrors
        ? colors.red('errors in the header')
        : file.findings.length > 0
          ? colors.yellow('valid, with warnings')
          : colors.green('valid');
  const head = `${colors.bold(safeText(sourceTitle(file)))}  ${colors.dim(`${file.template} · ${plural(file.rows, 'row')} ·`)} ${status}`;
  // The first findings in reading order; the rest are counted (and all are in --format json).
  const shown = file.findings.length > maxFindings ? sortedFindings(file.findings).slice(0, maxFindings) : file.findings;
  const rows = rowGroups(shown).map((group) => {
    const where = group.row === 1 ? 'header (row 1)' : group.line !== group.row ? `row ${group.row} (line ${group.line})` : `row ${group.row}`;
    const key = group.key ? colors.dim(` · ${safeText(group.key)}`) : '';
    return [`  ${colors.bold(where)}${key}`, ...group.findings.map((finding) => renderFinding(finding, colors))].join('\n');
  });
  const hidden = file.findings.length - shown.length;
  const more = hidden > 0 ? [colors.dim(`  … and ${hidden.toLocaleString('en-US')} more finding${hidden === 1 ? '' : 's'} in this file (use --max-findings 0 for all)`)] : [];
  return [head, ...rows, ...more].join('\n');
}

/** A file that could not be read: its error where it is known to be (row, column), and what to do. */
function renderUnreadable(file: UnreadableFile, colors: Colors): string {
  const finding = unreadableFinding(file);
  const kind = file.template ? colors.dim(`${file.template} · `) : '';
  const where = fileLevelWhere(finding);
  return [
    `${colors.bold(safeText(sourceTitle(file)))}  ${kind}${colors.red('not read, skipped')}`,
    ...(where ? [`  ${colors.bold(safeText(where))}`] : []),
    `    ${colors.red('✖ error  ')} ${safeText(finding.message)} ${colors.dim(`[${finding.rule}]`)}`,
  ].join('\n');
}

function renderFinding(finding: Finding, colors: Colors): string {
  const mark = finding.severity === 'error' ? colors.red('✖ error  ') : colors.yellow('⚠ warning');
  // A header-level finding (row 1) is about the column itself, not a cell value.
  const value = finding.value !== '' ? ` ${colors.cyan(quoteValue(finding.value))}` : finding.row === 1 ? '' : ` ${colors.dim('(blank)')}`;
  const cell = findingCell(finding);
  return `    ${mark} ${colors.bold(safeText(finding.column))}${cell ? colors.dim(` ${safeText(cell)}`) : ''}${value}\n              ${safeText(finding.message)} ${colors.dim(`[${finding.rule}]`)}`;
}

/** A cell value as people can read it on one line: quoted, control characters escaped, long values cut. */
function quoteValue(value: string): string {
  const cut = value.length > maxValueLength ? `${value.slice(0, maxValueLength)}…` : value;
  return JSON.stringify(cut);
}
