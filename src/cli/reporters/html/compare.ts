// compare's HTML report, built from the same document as --format json (toCompareJson): the verdict and
// counts, totals per currency as a table and a chart, the differences' distribution, then the
// mismatches (cause, link to the object on the site) and the rows not compared as filterable tables.
import type { TotalsGroup } from '../../../compare/comparison.js';
import type { CompareJsonDocument, CompareJsonMismatch, CompareJsonRow } from '../../../compare/report-json.js';
import { Decimal } from '../../../pricing/index.js';
import { GROUP_LABELS, SOURCE_LABELS } from '../compare-pretty.js';
import { histogram } from './histogram.js';
import { locationOf } from './location.js';
import { chartFigure, counted, section, staticTable, summaryList } from './markup.js';
import type { Cell, ChartData, TableColumn, TableData } from './model.js';
import { renderPage } from './page.js';
import { PALETTE } from './styles.js';
import { tableSection } from './table-markup.js';

/** The columns every table of compared rows starts with, and the hidden cells its location sorts by. */
function rowColumns(extra: TableColumn[]): TableColumn[] {
  const first = extra.length + 4;
  return [
    { label: 'Location', kind: 'text', rowHeader: true, sortBy: [first, first + 1] },
    { label: 'Key', kind: 'text', width: 'nowrap' },
    { label: 'Kind', kind: 'text', filter: true },
    { label: 'Currency', kind: 'text', filter: true },
    ...extra,
    { label: 'File', kind: 'text', hidden: true },
    { label: 'Row', kind: 'number', hidden: true },
  ];
}

function rowCells(row: CompareJsonRow, extra: Cell[]): Cell[] {
  return [locationOf(row), row.key, row.kind, row.currency, ...extra, row.file, row.row];
}

export function renderCompareHtml(document: CompareJsonDocument): string {
  const { summary } = document;
  const charts: ChartData[] = [];
  const tables: TableData[] = [];
  const body = [
    section('summary', 'Summary', summaryList([
      ['Rows read', summary.rows],
      ['Amounts compared', summary.compared],
      ['Match', summary.matched],
      ['Differ', summary.mismatched],
      ['No expected amount', summary.missingExpected],
      ['No actual amount', summary.missingActual],
      ['Not imported', summary.notImported],
      ...(document.renewing ? [['Outside --renewing', summary.outsideRange] as [string, number]] : []),
    ])),
    totalsSection(document, charts),
    differencesSection(document.mismatches, charts),
    mismatchesSection(document.mismatches, tables),
    notComparedSection(document, tables),
  ];
  return renderPage({
    title: 'Comparison: expected and actual amounts',
    meta: [
      `Site: ${document.site ?? 'none (explanations from the catalog templates)'}`,
      `Tolerance: ${document.tolerance}`,
      // As --renewing is typed: from..to, either end open.
      ...(document.renewing ? [`Renewing: ${document.renewing.from ?? ''}..${document.renewing.to ?? ''}`] : []),
      ...(document.basis ? [`Basis: MRR. ${document.note ?? ''}`.trim()] : []),
    ],
    verdict:
      summary.compared === 0
        ? 'No amount was compared.'
        : summary.mismatched === 0
          ? `All ${counted(summary.compared, 'amount')} match.`
          : `${summary.mismatched.toLocaleString('en-US')} of ${counted(summary.compared, 'amount')} differ by more than ${document.tolerance}.`,
    body: body.join('\n'),
    data: { charts, tables },
  });
}

type TotalEntry = { group: TotalsGroup; currency: string; total: NonNullable<NonNullable<CompareJsonDocument['summary']['totals'][string]>[string]> };

function totalsSection(document: CompareJsonDocument, charts: ChartData[]): string {
  const entries: TotalEntry[] = Object.entries(document.summary.totals).flatMap(([group, byCurrency]) =>
    Object.entries(byCurrency ?? {}).map(([currency, total]) => ({ group: group as TotalsGroup, currency, total })),
  );
  if (entries.length === 0) return section('totals', 'Totals', '<p>No amount was compared.</p>');
  const table = staticTable(
    'Totals per currency: expected and actual (difference = actual − expected)',
    ['Amounts', 'Currency', 'Rows', 'Expected', 'Actual', 'Difference', 'Differ'],
    entries.map(({ group, currency, total }) => [GROUP_LABELS[group], currency, total.rows, total.expected, total.actual, total.difference, total.mismatches]),
    new Set([2, 3, 4, 5, 6]),
  );
  const figures = [...new Set(entries.map((entry) => entry.currency))].map((currency, index) => {
    const mine = entries.filter((entry) => entry.currency === currency);
    // Drawn as numbers; every amount shown as text stays the exact decimal.
    const chart: ChartData = {
      id: `totals-chart-${index}`,
      labels: mine.map((entry) => GROUP_LABELS[entry.group]),
      datasets: [
        { label: 'Expected', data: mine.map((entry) => Number(entry.total.expected)), color: PALETTE.expected },
        { label: 'Actual', data: mine.map((entry) => Number(entry.total.actual)), color: PALETTE.actual },
      ],
      valueTitle: currency,
    };
    charts.push(chart);
    const numbers = staticTable(`Totals in ${currency}`, ['Amounts', 'Expected', 'Actual'], mine.map((entry) => [GROUP_LABELS[entry.group], entry.total.expected, entry.total.actual]), new Set([1, 2]));
    return chartFigure(chart, `Expected and actual totals in ${currency}`, numbers);
  });
  return section('totals', 'Totals', `${table}<div class="charts">${figures.join('')}</div>`);
}

function differencesSection(mismatches: readonly CompareJsonMismatch[], charts: ChartData[]): string {
  if (mismatches.length === 0) return section('differences', 'Differences', '<p>No amount differs by more than the tolerance.</p>');
  const currencies = [...new Set(mismatches.map((mismatch) => mismatch.currency))];
  const figures = currencies.map((currency, index) => {
    const bins = histogram(mismatches.filter((mismatch) => mismatch.currency === currency).map((mismatch) => new Decimal(mismatch.difference)), currency);
    const labels = bins.map((bin) => (bin.from === bin.to ? bin.from : `${bin.from} to ${bin.to}`));
    const chart: ChartData = { id: `differences-chart-${index}`, labels, datasets: [{ label: 'Mismatches', data: bins.map((bin) => bin.count), color: PALETTE.neutral }], valueTitle: 'mismatches', categoryTitle: `difference (${currency})`, counts: true };
    charts.push(chart);
    const numbers = staticTable(`Mismatches by difference in ${currency}`, [`Difference (${currency})`, 'Mismatches'], bins.map((bin, at) => [labels[at]!, bin.count]), new Set([1]));
    return chartFigure(chart, `How far the mismatches in ${currency} are off (actual − expected)`, numbers);
  });
  return section('differences', 'Differences', `<div class="charts">${figures.join('')}</div>`);
}

/** A mismatch's explanation as lines: the likely causes first (said in words, not colour), then what the site and the template hold. */
function causeLines(mismatch: CompareJsonMismatch): string[] {
  const explanation = mismatch.explanation;
  if (!explanation) return [];
  return [
    ...explanation.causes.map((cause) => `${cause.fits ? 'Likely cause' : 'Note'}: ${cause.message}`),
    ...(explanation.site.length > 0 ? [`${explanation.preview === 'catalog' ? 'Catalog' : 'Site'}: ${explanation.site.join(' · ')}`] : []),
    ...(explanation.template.length > 0 ? [`Template: ${explanation.template.join(' · ')}`] : []),
  ];
}

function mismatchesSection(mismatches: readonly CompareJsonMismatch[], tables: TableData[]): string {
  if (mismatches.length === 0) return section('mismatches', 'Mismatches', '<p>None: every compared amount is within the tolerance.</p>');
  return tableSection('Mismatches', {
    id: 'mismatches',
    caption: 'Mismatches, largest difference first (difference = actual − expected)',
    noun: { one: 'mismatch', many: 'mismatches' },
    columns: rowColumns([
      { label: 'Actual from', kind: 'text', filter: true },
      { label: 'Expected', kind: 'money' },
      { label: 'Actual', kind: 'money' },
      { label: 'Difference', kind: 'money' },
      { label: 'Likely cause', kind: 'lines', width: 'wide' },
      { label: 'On the site', kind: 'link' },
      { label: 'Cause', kind: 'text', filter: true, hidden: true },
    ]),
    rows: mismatches.map((mismatch) => {
      const causes = mismatch.explanation?.causes ?? [];
      const code = (causes.find((cause) => cause.fits) ?? causes[0])?.code ?? 'none';
      return rowCells(mismatch, [SOURCE_LABELS[mismatch.source], mismatch.expected, mismatch.actual, mismatch.difference, causeLines(mismatch), mismatch.link ?? '', code]);
    }),
  }, tables);
}

function notComparedSection(document: CompareJsonDocument, tables: TableData[]): string {
  const notes = [
    ...document.missingExpected.map((note) => ({ note, why: 'no expected amount', amount: note.actual })),
    ...document.missingActual.map((note) => ({ note, why: 'no actual amount', amount: note.expected })),
    ...document.notImported.map((note) => ({ note, why: 'not imported', amount: null })),
  ];
  if (notes.length === 0) return '';
  return tableSection('Rows not compared', {
    id: 'not-compared',
    caption: 'Rows not compared, and why',
    noun: { one: 'row', many: 'rows' },
    columns: rowColumns([
      { label: 'Why', kind: 'text', filter: true },
      { label: 'Amount there', kind: 'money' },
      { label: 'Reason', kind: 'text', width: 'wide' },
    ]),
    rows: notes.map(({ note, why, amount }) => rowCells(note, [why, amount ?? '', note.reason])),
  }, tables);
}
