// The import report: the JSON document (`--format json`) and the pretty text, with counts per
// template and status, elapsed time and the next command to run.
import { dirname, relative } from 'node:path';
import type { Colors } from '../cli/reporters/colors.js';
import { notEnabledText, plural, renderSummary } from '../cli/reporters/summary.js';
import { notImportableNotices, renderNotice, type NotImportableNotice } from './not-importable.js';
import type { Finding } from '../rules/finding.js';
import type { RowResult } from './results.js';

export interface ImportCounts {
  rows: number;
  success: number;
  error: number;
  skipped: number;
  pending: number;
}

export interface ImportDocument {
  version: 1;
  command: 'test-import' | 'live-import';
  site: string;
  run: string;
  asOf: string;
  elapsedMs: number;
  /** Why the run stopped early: interrupted, the canary, or the site failing the run. */
  stopped?: 'interrupted' | 'canary' | 'target-failed';
  /** `notEnabled`: rows with data that nothing enables, so they were not imported (validate warns on each). */
  summary: ImportCounts & { notEnabled: number };
  templates: Record<string, { success: number; error: number; skipped: number; pending: number }>;
  /** `findings`: on a row validation kept from being sent, its errors as validate's JSON reports them. */
  rows: Array<{ file: string; row: number; key: string; status: string; result: string; nextRenewal?: string; amount?: string; findings?: RowFinding[] }>;
  /** Template columns the API has no place for that imported rows filled: what to set by hand. */
  notImportable: NotImportableNotice[];
  /** The rows counted in `summary.notEnabled`, with validate's warning. */
  notEnabled: NotEnabledRow[];
  resultFiles: string[];
  next: string;
}

/** One validation finding on an import row: the rule, and the column the user must change. */
export type RowFinding = Pick<Finding, 'rule' | 'severity' | 'column' | 'message'>;

export interface NotEnabledRow {
  file: string;
  row: number;
  key: string;
  column: string;
  message: string;
}

export function countRows(rows: RowResult[]): ImportCounts {
  const counts: ImportCounts = { rows: rows.length, success: 0, error: 0, skipped: 0, pending: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export function buildDocument(fields: Omit<ImportDocument, 'version' | 'summary' | 'templates' | 'rows' | 'notImportable'>, rows: RowResult[]): ImportDocument {
  const templates: ImportDocument['templates'] = {};
  for (const { row, status } of rows) {
    const entry = (templates[row.kind] ??= { success: 0, error: 0, skipped: 0, pending: 0 });
    entry[status] += 1;
  }
  const { notEnabled, resultFiles, next, ...head } = fields;
  return {
    version: 1,
    ...head,
    summary: { ...countRows(rows), notEnabled: notEnabled.length },
    templates,
    rows: rows.map(({ row, status, result, nextRenewal, amount, findings }) => ({
      file: row.file,
      row: row.row,
      key: row.key,
      status,
      result,
      ...(nextRenewal !== undefined ? { nextRenewal } : {}),
      ...(amount !== undefined ? { amount } : {}),
      ...(findings !== undefined ? { findings: findings.map(({ rule, severity, column, message }) => ({ rule, severity, column, message })) } : {}),
    })),
    notImportable: notImportableNotices(rows),
    notEnabled,
    resultFiles,
    next,
  };
}

/** The next command: compare after a clean import, fix and re-run after errors, resume after a stop. */
export function nextStep(
  command: ImportDocument['command'],
  counts: ImportCounts,
  inputs: string[],
  resultFiles: string[],
  stopped?: ImportDocument['stopped'],
): string {
  const shown = (paths: string[]): string => paths.map((path) => relative(process.cwd(), path) || path).join(' ');
  const folders = new Set(resultFiles.map((path) => dirname(path)));
  // compare takes folders: one folder of results reads better than every file in it.
  const results = folders.size === 1 && resultFiles.length > 1 ? `${relative(process.cwd(), [...folders][0]!) || '.'}/` : shown(resultFiles);
  if (stopped === 'canary') return 'review the canary rows on the site, then run: migrate live-import --continue';
  if (stopped || counts.pending > 0) return `migrate ${command} ${shown(inputs)}   (resumes where this run stopped)`;
  if (counts.error > 0) return `fix the rows marked error in ${shown(resultFiles)} in your files, then run: migrate ${command} ${shown(inputs)}`;
  return command === 'test-import' ? `migrate compare ${results}` : `migrate compare --site live ${results}`;
}

function formatElapsed(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 90 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function renderPretty(document: ImportDocument, colors: Colors): string {
  const lines: string[] = [];
  const errors = document.rows.filter((row) => row.status === 'error');
  for (const row of errors.slice(0, 50)) {
    lines.push(`${colors.red('error')} ${row.file} row ${row.row}${row.key ? ` (${row.key})` : ''}: ${row.result}`);
  }
  if (errors.length > 50) lines.push(colors.dim(`… and ${errors.length - 50} more rows with errors: see the result files.`));
  for (const row of document.notEnabled.slice(0, 50)) {
    lines.push(`${colors.yellow('warning')} ${row.file} row ${row.row}${row.key ? ` (${row.key})` : ''}: ${row.message}`);
  }
  if (document.notEnabled.length > 50) lines.push(colors.dim(`… and ${document.notEnabled.length - 50} more: run migrate validate to list them.`));
  for (const [kind, counts] of Object.entries(document.templates)) {
    lines.push(
      `${kind}: ${[
        `${counts.success} created`,
        counts.skipped ? `${counts.skipped} already imported` : '',
        counts.error ? colors.red(`${counts.error} with errors`) : '',
        counts.pending ? colors.yellow(`${counts.pending} not yet sent`) : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    );
  }
  for (const notice of document.notImportable) lines.push(`${colors.yellow('notice')} ${renderNotice(notice)}`);
  const { summary } = document;
  lines.push(
    renderSummary(
      document.command === 'test-import' ? 'Test import' : 'Live import',
      [
        { label: summary.rows === 1 ? 'row' : 'rows', value: summary.rows },
        { label: 'created', value: summary.success, tone: 'good' },
        { label: 'already imported', value: summary.skipped },
        { label: 'with errors', value: summary.error, tone: 'bad' },
        { label: 'not yet sent', value: summary.pending, tone: 'warn' },
      ],
      colors,
    ) +
      (summary.notEnabled > 0 ? colors.dim(' · ') + colors.yellow(notEnabledText(summary.notEnabled)) : '') +
      colors.dim(` · ${formatElapsed(document.elapsedMs)} · site ${document.site} · run ${document.run}`),
  );
  if (document.stopped === 'interrupted') lines.push(colors.yellow('Interrupted: what was done is journaled; run the same command again to resume.'));
  if (document.stopped === 'target-failed') lines.push(colors.red('The site failed the run; what was done is journaled.'));
  const folders = [...new Set(document.resultFiles.map((file) => relative(process.cwd(), dirname(file)) || '.'))];
  lines.push(`Results: ${plural(document.resultFiles.length, 'annotated file')} in ${folders.join(', ')}/`);
  lines.push(`Next: ${document.next}`);
  return `${lines.join('\n')}\n`;
}
