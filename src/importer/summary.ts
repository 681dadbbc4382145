// The import report as data: the JSON document (`--format json`, rendered as text by
// src/cli/reporters/import-pretty.ts), with counts per template and status and the next command to run.
import { dirname, relative } from 'node:path';
import { notImportableNotices, type NotImportableNotice } from './not-importable.js';
import type { NotApplicableNotice } from './not-applicable.js';
import type { Finding } from '../rules/finding.js';
import type { RowResult } from './results.js';
import type { MappingTable } from '../targets/column-mapping.js';

export interface ImportCounts {
  rows: number;
  success: number;
  error: number;
  skipped: number;
  pending: number;
  /** Rows whose every object the target has no place for (only where there are any). */
  notApplicable?: number;
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
  templates: Record<string, { success: number; error: number; skipped: number; pending: number; notApplicable?: number }>;
  /** `findings`: on a row validation kept from being sent, its errors as validate's JSON reports them. */
  rows: Array<{ file: string; sheet?: string; row: number; key: string; status: string; result: string; nextRenewal?: string; amount?: string; findings?: RowFinding[] }>;
  /** Template columns the API has no place for that imported rows filled: what to set by hand. */
  notImportable: NotImportableNotice[];
  /** The rows counted in `summary.notEnabled`, with validate's warning. */
  notEnabled: NotEnabledRow[];
  /** What the target has no place for, said once per run (only where there is any: ChartMogul). */
  notApplicable?: NotApplicableNotice[];
  resultFiles: string[];
  next: string;
}

/** One validation finding on an import row: the rule, and the column the user must change. */
export type RowFinding = Pick<Finding, 'rule' | 'severity' | 'column' | 'message'>;

export interface NotEnabledRow {
  file: string;
  sheet?: string;
  row: number;
  key: string;
  column: string;
  message: string;
}

export function countRows(rows: RowResult[]): ImportCounts {
  const counts: ImportCounts = { rows: rows.length, success: 0, error: 0, skipped: 0, pending: 0 };
  for (const row of rows) count(counts, row.status);
  return counts;
}

/** Adds a row of `status` to `counts`; the not-applicable count appears with its first row. */
function count(counts: Omit<ImportCounts, 'rows'>, status: RowResult['status']): void {
  if (status === 'not-applicable') counts.notApplicable = (counts.notApplicable ?? 0) + 1;
  else counts[status] += 1;
}

/** `mapping`: where the target places each column (its profile's), so its notices speak of its own API. */
export function buildDocument(fields: Omit<ImportDocument, 'version' | 'summary' | 'templates' | 'rows' | 'notImportable'>, rows: RowResult[], mapping?: (kind: string) => MappingTable): ImportDocument {
  const templates: ImportDocument['templates'] = {};
  for (const { row, status } of rows) {
    count((templates[row.kind] ??= { success: 0, error: 0, skipped: 0, pending: 0 }), status);
  }
  const { notEnabled, notApplicable, resultFiles, next, ...head } = fields;
  return {
    version: 1,
    ...head,
    summary: { ...countRows(rows), notEnabled: notEnabled.length },
    templates,
    rows: rows.map(({ row, status, result, nextRenewal, amount, findings }) => ({
      file: row.file,
      ...(row.sheet !== undefined ? { sheet: row.sheet } : {}),
      row: row.row,
      key: row.key,
      status,
      result,
      ...(nextRenewal !== undefined ? { nextRenewal } : {}),
      ...(amount !== undefined ? { amount } : {}),
      ...(findings !== undefined ? { findings: findings.map(({ rule, severity, column, message }) => ({ rule, severity, column, message })) } : {}),
    })),
    notImportable: notImportableNotices(rows, mapping),
    notEnabled,
    ...(notApplicable !== undefined && notApplicable.length > 0 ? { notApplicable } : {}),
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
  resultsFailed = false,
): string {
  const shown = (paths: string[]): string => paths.map((path) => relative(process.cwd(), path) || path).join(' ');
  const folders = new Set(resultFiles.map((path) => dirname(path)));
  // compare takes folders: one folder of results reads better than every file in it.
  const results = folders.size === 1 && resultFiles.length > 1 ? `${relative(process.cwd(), [...folders][0]!) || '.'}/` : shown(resultFiles);
  if (stopped === 'canary') return 'review the canary rows on the site, then run: migrate live-import --continue';
  if (resultsFailed) return `make the results folder writable, then run again: migrate ${command} ${shown(inputs)}   (sends nothing, writes the results)`;
  if (stopped || counts.pending > 0) return `migrate ${command} ${shown(inputs)}   (resumes where this run stopped)`;
  if (counts.error > 0) return `fix the rows marked error in ${shown(resultFiles)} in your files, then run: migrate ${command} ${shown(inputs)}`;
  return command === 'test-import' ? `migrate compare ${results}` : `migrate compare --site live ${results}`;
}
