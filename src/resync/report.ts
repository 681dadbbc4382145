// The resync report as data: one JSON document (`--format json`); its pretty text (the dry-run diff
// and the outcome) is src/cli/reporters/resync-pretty.ts.
import type { ReimportEntry } from './billing.js';
import type { FieldChange, Prefer } from './merge.js';

export type ResyncRowStatus = 'created' | 'updated' | 'unchanged' | 'conflict' | 'error' | 'pending';

export interface ResyncChange extends FieldChange {
  /** The object the field belongs to, e.g. "customer 12". */
  object: string;
}

export interface ResyncRow {
  file: string;
  /** The sheet, when the row is a workbook's. */
  sheet?: string;
  row: number;
  key: string;
  status: ResyncRowStatus;
  result: string;
  changes: ResyncChange[];
  /** Template columns changed since the last import that resync cannot update through the API. */
  notUpdatable: string[];
  /** The row's customer was merged into this one on the site (ChartMogul): followed there, never unmerged. */
  merged?: { customer: string; link: string };
  /** The row's billing, imported again with its customer's (or why not). */
  reimport?: string;
}

/** An object the journal holds for these files whose row is no longer in them. */
export interface RemovedRow {
  file: string;
  /** The sheet, when the row was a workbook's. */
  sheet?: string;
  row: number;
  type: string;
  key: string;
  id?: number | string;
  /** reported: left on the site (no --prune); the rest as erase reports them. */
  status: 'reported' | 'planned' | 'erased' | 'gone' | 'canceled' | 'failed' | 'pending';
  message?: string;
}

export interface ResyncSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  conflict: number;
  error: number;
  pending: number;
  removed: number;
  pruned: number;
}

export interface ResyncDocument {
  version: 1;
  command: 'resync';
  site: string;
  run: string;
  asOf: string;
  dryRun: boolean;
  prefer: Prefer;
  prune: boolean;
  stopped?: 'interrupted' | 'target-failed';
  summary: ResyncSummary;
  rows: ResyncRow[];
  removed: RemovedRow[];
  /** Where the target keeps billing as imported history (ChartMogul): each customer whose billing was imported again. */
  reimported?: ReimportEntry[];
  resultFiles: string[];
  next: string;
}

export function summarizeResync(rows: ResyncRow[], removed: RemovedRow[]): ResyncSummary {
  const summary: ResyncSummary = { rows: rows.length, created: 0, updated: 0, unchanged: 0, conflict: 0, error: 0, pending: 0, removed: removed.length, pruned: 0 };
  for (const row of rows) summary[row.status] += 1;
  summary.pruned = removed.filter((entry) => entry.status === 'erased' || entry.status === 'gone' || entry.status === 'canceled').length;
  return summary;
}
