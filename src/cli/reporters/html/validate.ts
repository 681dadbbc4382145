// validate's HTML report: the counts, the files, findings per rule and per file as charts (each with
// its table of numbers), then every finding in one table filterable by severity, rule and file.
import type { Finding } from '../../../rules/finding.js';
import { unreadableFinding } from '../../../validate/rule-summary.js';
import { sortedFindings, type ValidateReport } from '../types.js';
import { fileLabel, locationOf } from './location.js';
import { chartFigure, counted, section, staticTable, summaryList } from './markup.js';
import type { ChartData, TableData } from './model.js';
import { renderPage } from './page.js';
import { PALETTE } from './styles.js';
import { tableSection } from './table-markup.js';

/** Bars a chart draws at most (the most findings first); its table of numbers lists every one. */
const BARS_DRAWN = 25;

export function renderValidateHtml(report: ValidateReport): string {
  const { summary } = report;
  // Unreadable files first: nothing else in them was checked.
  const findings: Finding[] = [...report.unreadable.map(unreadableFinding), ...report.files.flatMap((file) => sortedFindings(file.findings))];
  const charts: ChartData[] = [];
  const tables: TableData[] = [];
  const body = [
    section('summary', 'Summary', summaryList([
      ['Files', summary.files],
      ['Rows', summary.rows],
      ['Valid rows', summary.validRows],
      ['Rows with errors', summary.errorRows],
      ['Errors', summary.errors],
      ['Warnings', summary.warnings],
      ['Files not readable', summary.unreadableFiles],
      ['Files ignored', summary.ignoredFiles],
      ['Rows nothing enables', summary.notEnabledRows],
    ])),
    section('files', 'Files', filesTable(report)),
    findings.length === 0
      ? ''
      : section(
          'charts',
          'Findings per rule and per file',
          `<div class="charts">${countChart('rules-chart', 'Findings per rule', 'Rule', findings, (finding) => finding.rule, charts)}${countChart('files-chart', 'Findings per file', 'File', findings, fileLabel, charts)}</div>`,
        ),
    findings.length === 0 ? section('findings', 'Findings', '<p>None: every row passed every rule.</p>') : tableSection('Findings', findingsTable(findings), tables),
  ];
  const verdict =
    summary.unreadableFiles > 0
      ? `${summary.unreadableFiles} of ${counted(summary.files, 'file')} could not be read; ${counted(summary.errorRows, 'row')} with errors.`
      : summary.errorRows > 0
        ? `${summary.errorRows.toLocaleString('en-US')} of ${counted(summary.rows, 'row')} have errors (${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}).`
        : `No row has errors (${counted(summary.warnings, 'warning')}).`;
  return renderPage({
    title: 'Validation report',
    meta: [`Dates judged as of ${report.asOf}`],
    verdict,
    body: body.join('\n'),
    data: { charts, tables },
  });
}

function filesTable(report: ValidateReport): string {
  const counts = (findings: readonly Finding[], severity: Finding['severity']): number => findings.filter((finding) => finding.severity === severity).length;
  const rows = [
    ...report.unreadable.map((file) => [file.path, file.template ?? '—', 'could not be read', 0, 0, 1, 0]),
    ...report.files.map((file) => [file.path, file.template, 'checked', file.rows, file.errorRows, counts(file.findings, 'error'), counts(file.findings, 'warning')]),
  ];
  return staticTable('Files read, with their template and counts', ['File', 'Template', 'Read', 'Rows', 'Rows with errors', 'Errors', 'Warnings'], rows, new Set([3, 4, 5, 6]));
}

/** A chart of errors and warnings per group (rule or file), most findings first, with its numbers as a table. */
function countChart(id: string, caption: string, groupName: string, findings: readonly Finding[], groupOf: (finding: Finding) => string, charts: ChartData[]): string {
  const groups = new Map<string, { error: number; warning: number }>();
  for (const finding of findings) {
    const group = groups.get(groupOf(finding)) ?? { error: 0, warning: 0 };
    group[finding.severity] += 1;
    groups.set(groupOf(finding), group);
  }
  const ordered = [...groups].sort(([a, x], [b, y]) => y.error + y.warning - (x.error + x.warning) || a.localeCompare(b));
  const drawn = ordered.slice(0, BARS_DRAWN);
  const chart: ChartData = {
    id,
    labels: drawn.map(([name]) => name),
    datasets: [
      { label: 'Errors', data: drawn.map(([, count]) => count.error), color: PALETTE.error },
      { label: 'Warnings', data: drawn.map(([, count]) => count.warning), color: PALETTE.warning },
    ],
    horizontal: true,
    stacked: true,
    valueTitle: 'findings',
    counts: true,
  };
  charts.push(chart);
  const numbers = staticTable(caption, [groupName, 'Errors', 'Warnings'], ordered.map(([name, count]) => [name, count.error, count.warning]), new Set([1, 2]));
  const shown = ordered.length > BARS_DRAWN ? `${caption} (the ${BARS_DRAWN} with the most of ${ordered.length})` : caption;
  return chartFigure(chart, shown, numbers);
}

function findingsTable(findings: readonly Finding[]): TableData {
  return {
    id: 'findings',
    caption: 'Findings by file and row',
    noun: { one: 'finding', many: 'findings' },
    columns: [
      { label: 'Severity', kind: 'badge', filter: true },
      { label: 'Location', kind: 'text', rowHeader: true, sortBy: [7, 8] },
      { label: 'Column', kind: 'text' },
      { label: 'Rule', kind: 'text', filter: true, width: 'nowrap' },
      { label: 'Key', kind: 'text', width: 'nowrap' },
      { label: 'Value', kind: 'text' },
      { label: 'Message', kind: 'text', width: 'wide' },
      { label: 'File', kind: 'text', filter: true, hidden: true },
      { label: 'Row', kind: 'number', hidden: true },
    ],
    rows: findings.map((finding) => [finding.severity, locationOf(finding), finding.column, finding.rule, finding.key, finding.value, finding.message, fileLabel(finding), finding.row]),
  };
}
