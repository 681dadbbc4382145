// The pretty text of an import's report (test-import, live-import): rows with errors, per-template
// counts, the summary line, and where the results are and what to run next.
import { sourceName } from '../../workbook/location.js';
import { dirname, relative } from 'node:path';
import type { ImportDocument } from '../../importer/summary.js';
import { renderNotice } from '../../importer/not-importable.js';
import { renderNotApplicable } from '../../importer/not-applicable.js';
import type { Colors } from './colors.js';
import { notEnabledText, plural, renderSummary } from './summary.js';

/** How long a run took, as people say it: 850 ms, 12.3 s, 4 min 10 s. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 90 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function renderImportPretty(document: ImportDocument, colors: Colors): string {
  const lines: string[] = [];
  const errors = document.rows.filter((row) => row.status === 'error');
  for (const row of errors.slice(0, 50)) {
    lines.push(`${colors.red('error')} ${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row}${row.key ? ` (${row.key})` : ''}: ${row.result}`);
  }
  if (errors.length > 50) lines.push(colors.dim(`… and ${errors.length - 50} more rows with errors: see the result files.`));
  for (const row of document.notEnabled.slice(0, 50)) {
    lines.push(`${colors.yellow('warning')} ${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row}${row.key ? ` (${row.key})` : ''}: ${row.message}`);
  }
  if (document.notEnabled.length > 50) lines.push(colors.dim(`… and ${document.notEnabled.length - 50} more: run migrate validate to list them.`));
  for (const [kind, counts] of Object.entries(document.templates)) {
    lines.push(
      `${kind}: ${[
        `${counts.success} created`,
        counts.skipped ? `${counts.skipped} already imported` : '',
        counts.error ? colors.red(`${counts.error} with errors`) : '',
        counts.pending ? colors.yellow(`${counts.pending} not yet sent`) : '',
        counts.notApplicable ? `${counts.notApplicable} not applicable` : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    );
  }
  for (const notice of document.notImportable) lines.push(`${colors.yellow('notice')} ${renderNotice(notice)}`);
  for (const notice of document.notApplicable ?? []) lines.push(`${colors.dim('not applicable')} ${renderNotApplicable(notice)}`);
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
        ...(summary.notApplicable ? [{ label: 'not applicable', value: summary.notApplicable }] : []),
      ],
      colors,
    ) +
      (summary.notEnabled > 0 ? colors.dim(' · ') + colors.yellow(notEnabledText(summary.notEnabled)) : '') +
      colors.dim(` · ${formatElapsed(document.elapsedMs)} · site ${document.site} · run ${document.run}`),
  );
  if (document.stopped === 'interrupted') lines.push(colors.yellow('Interrupted: what was done is journaled; run the same command again to resume.'));
  if (document.stopped === 'target-failed') lines.push(colors.red('The site failed the run; what was done is journaled.'));
  const folders = [...new Set(document.resultFiles.map((file) => relative(process.cwd(), dirname(file)) || '.'))];
  lines.push(document.resultFiles.length === 0 ? 'Results: no annotated file written' : `Results: ${plural(document.resultFiles.length, 'annotated file')} in ${folders.join(', ')}/`);
  lines.push(`Next: ${document.next}`);
  return `${lines.join('\n')}\n`;
}
