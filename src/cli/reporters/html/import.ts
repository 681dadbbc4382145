// The import's HTML summary (test-import, live-import), built from its JSON document: counts by status
// as a chart and a table, per template, the notices, and every row (errors first) with its result:
// the messages of a row in error, the link to the object created for the others.
import { dirname, relative } from 'node:path';
import { renderNotApplicable } from '../../../importer/not-applicable.js';
import { renderNotice } from '../../../importer/not-importable.js';
import type { ImportDocument } from '../../../importer/summary.js';
import { escapeHtml } from './escape.js';
import { formatElapsed } from '../import-pretty.js';
import { locationOf } from './location.js';
import { chartFigure, counted, section, staticTable, summaryList } from './markup.js';
import type { ChartData, TableData } from './model.js';
import { renderPage } from './page.js';
import { PALETTE } from './styles.js';
import { tableSection } from './table-markup.js';

/** Rows listed first: what needs a person's attention. */
const STATUS_ORDER = ['error', 'pending', 'not-applicable', 'skipped', 'success'];
/** Rows that nothing enables, listed one by one up to this many (validate lists them all). */
const NOT_ENABLED_LISTED = 50;

export function renderImportHtml(document: ImportDocument): string {
  const { summary } = document;
  const statuses: Array<[label: string, count: number]> = [
    ['created', summary.success],
    ['already imported', summary.skipped],
    ['with errors', summary.error],
    ['not yet sent', summary.pending],
    ...(summary.notApplicable ? [['not applicable', summary.notApplicable] as [string, number]] : []),
  ];
  const chart: ChartData = { id: 'status-chart', labels: statuses.map(([label]) => label), datasets: [{ label: 'Rows', data: statuses.map(([, count]) => count), color: PALETTE.neutral }], valueTitle: 'rows', counts: true };
  const tables: TableData[] = [];
  const name = document.command === 'test-import' ? 'Test import' : 'Live import';
  const body = [
    section('summary', 'Summary', summaryList([['Rows', summary.rows], ...statuses.map(([label, count]): [string, number] => [label[0]!.toUpperCase() + label.slice(1), count]), ['Rows nothing enables', summary.notEnabled]])),
    section('status', 'Rows by status', `<div class="charts">${chartFigure(chart, 'Rows by status', staticTable('Rows by status', ['Status', 'Rows'], statuses, new Set([1])))}</div>${templatesTable(document)}`),
    noticesSection(document),
    document.rows.length === 0 ? section('rows', 'Rows', '<p>No row was imported.</p>') : tableSection('Rows', rowsTable(document), tables),
    section('results', 'Results', resultsText(document)),
  ];
  const stopped =
    document.stopped === 'interrupted'
      ? ' Interrupted: what was done is journaled; run the same command again to resume.'
      : document.stopped === 'target-failed'
        ? ' The site failed the run; what was done is journaled.'
        : document.stopped === 'canary'
          ? ' Stopped after the canary rows, for review.'
          : '';
  return renderPage({
    title: `${name} summary`,
    meta: [`Site: ${document.site}`, `Run: ${document.run}`, `Dates judged as of ${document.asOf}`, `Took ${formatElapsed(document.elapsedMs)}`],
    verdict: `${(summary.success + summary.skipped).toLocaleString('en-US')} of ${counted(summary.rows, 'row')} ${summary.success + summary.skipped === 1 ? 'is' : 'are'} on the site; ${summary.error.toLocaleString('en-US')} with errors.${stopped}`,
    body: body.join('\n'),
    data: { charts: [chart], tables },
  });
}

function templatesTable(document: ImportDocument): string {
  const rows = Object.entries(document.templates).map(([kind, counts]) => [kind, counts.success, counts.skipped, counts.error, counts.pending, counts.notApplicable ?? 0]);
  return staticTable('Rows per template', ['Template', 'Created', 'Already imported', 'With errors', 'Not yet sent', 'Not applicable'], rows, new Set([1, 2, 3, 4, 5]));
}

function noticesSection(document: ImportDocument): string {
  const notEnabled = document.notEnabled.slice(0, NOT_ENABLED_LISTED).map((row) => `${locationOf(row)}${row.key ? ` (${row.key})` : ''}: ${row.message}`);
  const items = [
    ...document.notImportable.map(renderNotice),
    ...(document.notApplicable ?? []).map((notice) => `Not applicable: ${renderNotApplicable(notice)}`),
    ...notEnabled.map((text) => `Warning: ${text}`),
    ...(document.notEnabled.length > NOT_ENABLED_LISTED ? [`… and ${document.notEnabled.length - NOT_ENABLED_LISTED} more rows nothing enables: run migrate validate to list them.`] : []),
  ];
  if (items.length === 0) return '';
  return section('notices', 'Notices', `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
}

function rowsTable(document: ImportDocument): TableData {
  const rank = (status: string): number => (STATUS_ORDER.includes(status) ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length);
  const rows = [...document.rows].sort((a, b) => rank(a.status) - rank(b.status));
  return {
    id: 'rows',
    caption: 'Rows with their status and result (a link to what was created), errors first',
    noun: { one: 'row', many: 'rows' },
    columns: [
      { label: 'Status', kind: 'badge', filter: true },
      { label: 'Location', kind: 'text', rowHeader: true, sortBy: [7, 8] },
      { label: 'Key', kind: 'text', width: 'nowrap' },
      { label: 'Result', kind: 'link' },
      { label: 'Findings', kind: 'lines', width: 'wide' },
      { label: 'Next renewal', kind: 'money' },
      { label: 'Amount', kind: 'money' },
      { label: 'File', kind: 'text', filter: true, hidden: true },
      { label: 'Row', kind: 'number', hidden: true },
    ],
    rows: rows.map((row) => [
      row.status,
      locationOf(row),
      row.key,
      row.result,
      (row.findings ?? []).map((finding) => `${finding.severity === 'warning' ? 'Warning' : 'Error'}: ${finding.column ? `${finding.column}: ` : ''}${finding.message} (${finding.rule})`),
      row.nextRenewal ?? '',
      row.amount ?? '',
      row.file,
      row.row,
    ]),
  };
}

function resultsText(document: ImportDocument): string {
  const folders = [...new Set(document.resultFiles.map((file) => relative(process.cwd(), dirname(file)) || '.'))];
  const where = document.resultFiles.length === 0 ? 'No annotated file was written.' : `${counted(document.resultFiles.length, 'annotated file')} in ${folders.join(', ')}/.`;
  return `<p>${escapeHtml(where)}</p><p>Next: ${escapeHtml(document.next)}</p>`;
}
