// The pretty text of a resync: the dry-run diff per object (field: site value → template value) and
// the outcome (counts, conflicts, rows gone from the templates).
import type { ResyncChange, ResyncDocument, ResyncRow } from '../../resync/report.js';
import type { Colors } from './colors.js';
import { sourceName } from '../../workbook/location.js';
import { renderSummary } from './summary.js';

function shown(value: string): string {
  return value === '' ? '(blank)' : `"${value}"`;
}

/** One line per field: what the site has, what the template says, and what resync does about it. */
function describeChange(change: ResyncChange): string {
  const arrow = `${change.field}: ${shown(change.site)} → ${shown(change.template)}`;
  if (change.action === 'conflict') return `${arrow}  conflict: edited on the site (last imported ${shown(change.base)}), site value kept`;
  if (change.action === 'forced') return `${arrow}  overwrites an edit made on the site (--prefer source)`;
  return arrow;
}

export function renderResyncPlan(document: ResyncDocument, colors: Colors): string {
  const lines = [colors.bold(`Resync plan for ${document.site} (nothing sent):`)];
  for (const row of document.rows) {
    if (row.status === 'unchanged') continue;
    const verb = row.status === 'created' ? 'create' : row.status === 'updated' ? 'update' : row.status;
    lines.push(`${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row} (${row.key}): ${row.status === 'conflict' ? colors.yellow(verb) : row.status === 'error' ? colors.red(verb) : verb}`);
    for (const change of row.changes) lines.push(`  ${change.object} ${describeChange(change)}`);
    if (row.notUpdatable.length > 0) lines.push(colors.yellow(`  changed in the template, not updatable by resync: ${row.notUpdatable.join(', ')}`));
    lines.push(...historyLines(row));
    if (row.status === 'error') lines.push(`  ${row.result}`);
  }
  lines.push(...mergedLines(document.rows.filter((row) => row.status === 'unchanged')));
  lines.push(...reimportLines(document, colors));
  lines.push(...removedLines(document, colors));
  lines.push(summaryLine('Plan', document, colors));
  return `${lines.join('\n')}\n`;
}

/** Where a target keeps history people shape (ChartMogul): a merged customer followed, billing imported again. */
function historyLines(row: ResyncRow): string[] {
  return [
    ...(row.merged !== undefined ? [`  its customer was merged into customer ${row.merged.customer} on the site (${row.merged.link}): followed there, not unmerged`] : []),
    ...(row.reimport !== undefined ? [`  ${row.reimport}`] : []),
  ];
}

/** Rows with nothing else to say that point at a merged customer. */
function mergedLines(rows: ResyncRow[]): string[] {
  return rows.filter((row) => row.merged !== undefined).map((row) => `${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row} (${row.key}): its customer was merged into customer ${row.merged!.customer} on the site: followed there, not unmerged`);
}

function reimportLines(document: ResyncDocument, colors: Colors): string[] {
  return (document.reimported ?? []).map((entry) => {
    const what = `customer ${entry.customer}: ${entry.objects.length} invoice(s) (${entry.objects.join(', ')})`;
    if (entry.status === 'planned') return `billing to delete and import again: ${what}`;
    if (entry.status === 'done') return `billing deleted and imported again: ${what}`;
    return colors.yellow(`billing not imported again: ${entry.message ?? what}`);
  });
}

function removedLines(document: ResyncDocument, colors: Colors): string[] {
  return document.removed.map((entry) => {
    const what = `${entry.type.replace(/_/g, ' ')} ${entry.key} (${sourceName({ path: entry.file, sheet: entry.sheet })} row ${entry.row})`;
    if (entry.status === 'reported') return colors.yellow(`gone from the templates: ${what}; still on the site (--prune removes it)`);
    if (entry.status === 'planned') return `gone from the templates: ${what}; --prune removes it`;
    return `${entry.status === 'failed' ? colors.red('not pruned') : 'pruned'}: ${what}${entry.message ? `: ${entry.message}` : ''}`;
  });
}

function summaryLine(title: string, document: ResyncDocument, colors: Colors): string {
  const { summary } = document;
  return renderSummary(
    title,
    [
      { label: 'rows', value: summary.rows },
      { label: 'created', value: summary.created, tone: 'good' },
      { label: 'updated', value: summary.updated, tone: 'good' },
      { label: 'unchanged', value: summary.unchanged },
      { label: 'conflicts', value: summary.conflict, tone: 'warn' },
      { label: 'with errors', value: summary.error, tone: 'bad' },
      { label: 'not yet sent', value: summary.pending, tone: 'warn' },
      { label: 'gone from the templates', value: summary.removed, tone: 'warn' },
      ...(document.prune ? [{ label: 'pruned', value: summary.pruned }] : []),
    ],
    colors,
  );
}

export function renderResyncResult(document: ResyncDocument, colors: Colors): string {
  const lines: string[] = [];
  for (const row of document.rows) {
    if (row.status === 'conflict' || row.status === 'error') {
      lines.push(`${row.status === 'error' ? colors.red('error') : colors.yellow('conflict')} ${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row} (${row.key}): ${row.result}`);
    }
  }
  lines.push(...mergedLines(document.rows.filter((row) => row.status !== 'conflict' && row.status !== 'error')));
  lines.push(...reimportLines(document, colors));
  lines.push(...removedLines(document, colors));
  lines.push(summaryLine('Resync', document, colors) + colors.dim(` · site ${document.site} · run ${document.run}`));
  if (document.resultFiles.length > 0) lines.push(`Results: ${document.resultFiles.join(', ')}`);
  lines.push(`Next: ${document.next}`);
  return `${lines.join('\n')}\n`;
}
