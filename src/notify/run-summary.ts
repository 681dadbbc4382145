// What a person needs to know about a run that ended, read from its report document (test-import,
// live-import, resync, erase): the outcome, the counts, the rows to look at and where the results are.
// The email and the Slack message both render this one summary.
import { sourceName } from '../workbook/location.js';
import type { EraseDocument } from '../erase/report.js';
import type { ImportDocument } from '../importer/summary.js';
import type { ResyncDocument } from '../resync/report.js';

export type RunDocument = ImportDocument | ResyncDocument | EraseDocument;

export interface Count {
  label: string;
  value: number;
}

/** A list of rows or objects a person has to look at (rows with errors, conflicts, failed erasures). */
export interface Attention {
  title: string;
  lines: string[];
}

export interface RunSummary {
  command: RunDocument['command'];
  /** completed, completed with errors, interrupted, stopped after the canary rows, the site failed the run. */
  outcome: string;
  /** True when nothing needs a person's eye: completed, no errors. */
  clean: boolean;
  site: string;
  /** The folder the command ran in: the result paths and the next command are relative to it. */
  folder: string;
  run?: string;
  /** What else says which run this was (erase's scope, resync's --prefer). */
  details: Array<{ label: string; text: string }>;
  elapsedMs: number;
  /** The counts the subject line gives. */
  headline: Count[];
  /** Every count, for the body (which leaves out the zeros the headline does not give). */
  counts: Count[];
  attention: Attention[];
  resultFiles: string[];
  next: string;
}

/** How many rows of each list the message shows; the attached JSON report has all of them. */
export const LISTED = 20;

/** The summary of `document`; `elapsedMs` is the command's own measure, for the documents that have none. */
export function summarizeRun(document: RunDocument, run: { elapsedMs: number; folder: string }): RunSummary {
  switch (document.command) {
    case 'test-import':
    case 'live-import':
      return { ...importSummary(document), folder: run.folder };
    case 'resync':
      return { ...resyncSummary(document, run.elapsedMs), folder: run.folder };
    case 'erase':
      return { ...eraseSummary(document, run.elapsedMs), folder: run.folder };
  }
}

/** "migrate test-import: 44 rows · 36 created · 0 with errors (completed)". */
export function subjectOf(summary: RunSummary): string {
  return `migrate ${summary.command}: ${summary.headline.map(countText).join(' · ')} (${summary.outcome})`;
}

/** The counts worth a line: the headline's, and every other that is not zero. */
export function shownCounts(summary: RunSummary): Count[] {
  return summary.counts.filter((count) => count.value > 0 || summary.headline.includes(count));
}

export function countText(count: Count): string {
  return `${count.value} ${count.label}`;
}

/** "850 ms", "12.3 s", "4 min 5 s", "2 h 3 min": a long run's length as a person reads it. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function outcomeOf(stopped: string | undefined, errors: number): { outcome: string; clean: boolean } {
  if (stopped === 'target-failed') return { outcome: 'the site failed the run', clean: false };
  if (stopped === 'interrupted') return { outcome: 'interrupted', clean: false };
  if (stopped === 'canary') return { outcome: errors > 0 ? 'stopped after the canary rows, with errors' : 'stopped after the canary rows', clean: errors === 0 };
  return errors > 0 ? { outcome: 'completed with errors', clean: false } : { outcome: 'completed', clean: true };
}

/** The first LISTED rows of a list, with how many more the report holds. */
function listed(title: string, lines: string[]): Attention[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, LISTED);
  if (lines.length > LISTED) shown.push(`… and ${lines.length - LISTED} more: see the attached report and the result files.`);
  return [{ title: `${title} (${lines.length})`, lines: shown }];
}

function rowLine(row: { file: string; sheet?: string; row: number; key: string; result?: string; message?: string }): string {
  return `${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row}${row.key ? ` (${row.key})` : ''}: ${row.result ?? row.message ?? ''}`;
}

function importSummary(document: ImportDocument): Omit<RunSummary, 'folder'> {
  const { summary } = document;
  const rows = { label: summary.rows === 1 ? 'row' : 'rows', value: summary.rows };
  const created = { label: 'created', value: summary.success };
  const errors = { label: 'with errors', value: summary.error };
  return {
    command: document.command,
    ...outcomeOf(document.stopped, summary.error),
    site: document.site,
    run: document.run,
    details: [{ label: 'As of', text: document.asOf }],
    elapsedMs: document.elapsedMs,
    headline: [rows, created, errors],
    counts: [
      rows,
      created,
      { label: 'already imported', value: summary.skipped },
      errors,
      { label: 'not yet sent', value: summary.pending },
      { label: 'not applicable on this site', value: summary.notApplicable ?? 0 },
      { label: 'with data nothing enables (not imported)', value: summary.notEnabled },
    ],
    attention: [
      ...listed('Rows with errors', document.rows.filter((row) => row.status === 'error').map(rowLine)),
      ...listed('Columns to set by hand', document.notImportable.map((notice) => `${notice.template}.${notice.column}: ${notice.byHand} (${notice.rows.length} rows)`)),
    ],
    resultFiles: document.resultFiles,
    next: document.next,
  };
}

function resyncSummary(document: ResyncDocument, elapsedMs: number): Omit<RunSummary, 'folder'> {
  const { summary } = document;
  const rows = { label: summary.rows === 1 ? 'row' : 'rows', value: summary.rows };
  const created = { label: 'created', value: summary.created };
  const updated = { label: 'updated', value: summary.updated };
  const conflicts = { label: summary.conflict === 1 ? 'conflict' : 'conflicts', value: summary.conflict };
  const errors = { label: 'with errors', value: summary.error };
  return {
    command: 'resync',
    ...outcomeOf(document.stopped, summary.error),
    site: document.site,
    run: document.run,
    details: [
      { label: 'As of', text: document.asOf },
      { label: 'Prefer', text: `${document.prefer}${document.prune ? ', with --prune' : ''}` },
    ],
    elapsedMs,
    headline: [rows, created, updated, conflicts, errors],
    counts: [
      rows,
      created,
      updated,
      { label: 'unchanged', value: summary.unchanged },
      conflicts,
      errors,
      { label: 'not yet sent', value: summary.pending },
      { label: 'no longer in the files', value: summary.removed },
      { label: 'removed from the site (--prune)', value: summary.pruned },
    ],
    attention: [
      ...listed('Rows with errors', document.rows.filter((row) => row.status === 'error').map(rowLine)),
      ...listed('Conflicts (changed in the template and on the site)', document.rows.filter((row) => row.status === 'conflict').map(rowLine)),
    ],
    resultFiles: document.resultFiles,
    next: document.next,
  };
}

function eraseSummary(document: EraseDocument, elapsedMs: number): Omit<RunSummary, 'folder'> {
  const { summary } = document;
  const objects = { label: summary.planned === 1 ? 'object' : 'objects', value: summary.planned };
  const erased = { label: 'erased', value: summary.erased + summary.gone + summary.canceled };
  const failed = { label: 'failed', value: summary.failed };
  return {
    command: 'erase',
    ...outcomeOf(document.stopped, summary.failed),
    site: document.site,
    details: [
      { label: 'Scope', text: document.scope },
      ...(document.scope === 'imported' ? [{ label: 'Runs', text: document.runs }] : []),
    ],
    elapsedMs,
    headline: [objects, erased, failed],
    counts: [
      objects,
      { label: 'erased', value: summary.erased },
      { label: 'already gone', value: summary.gone },
      { label: 'canceled', value: summary.canceled },
      failed,
      { label: 'not yet done', value: summary.pending },
      { label: 'kept', value: summary.kept },
      { label: 'left by an unfinished import (untouched)', value: summary.unfinished },
    ],
    attention: listed(
      'Objects that could not be erased',
      document.objects.filter((entry) => entry.status === 'failed').map((entry) => `${entry.type} ${entry.key}${entry.id === undefined ? '' : ` (${entry.id})`}: ${entry.message ?? 'failed'}`),
    ),
    resultFiles: [],
    next: document.next,
  };
}
