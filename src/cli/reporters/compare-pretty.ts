// compare's human report: the verdict and totals per currency first, then the mismatches by absolute
// difference (each with its row, key, amounts and explanation), then the rows that could not be compared.
import { sortedMismatches, type CompareReport, type RowNote, type TotalsGroup } from '../../compare/comparison.js';
import { describeRenewal } from '../../compare/mrr.js';
import { describeRange } from '../../compare/renewal-range.js';
import { formatMoney, type Decimal } from '../../pricing/index.js';
import type { Colors } from './colors.js';

/** What each group of totals and each source of an actual amount is called in the human reports (pretty and HTML). */
export const GROUP_LABELS: Record<TotalsGroup, string> = { subscriptions: 'next renewals', export: 'export', mrr: 'MRR', invoices: 'invoices' };
export const SOURCE_LABELS = { result: 'ChargifyNextRenewal', export: 'export', site: 'site', mrr: 'MRR' } as const;
/** A terminal report stays readable: the rest is in --format json and the --out CSV. */
const MISMATCHES_SHOWN = 50;
const NOTES_SHOWN = 20;

export function renderComparePretty(report: CompareReport, colors: Colors): string {
  const out: string[] = [];
  const { summary } = report;
  // "0 of 0 amounts match" in green would read as a pass when nothing was compared at all.
  const verdict =
    summary.compared === 0
      ? colors.yellow('no amount compared')
      : summary.mismatched === 0
        ? colors.green(`${summary.matched} of ${summary.compared} amounts match`)
        : colors.red(`${summary.mismatched} of ${summary.compared} amounts differ`);
  const scope = [
    `${summary.rows} row${plural(summary.rows)}`,
    ...(report.renewing ? [`renewing ${describeRange(report.renewing)} (${summary.outsideRange} outside)`] : []),
    `tolerance ${report.tolerance.toString()}`,
    report.site ? `site: ${report.site}` : 'no site: explanations from the catalog templates',
  ];
  out.push(`${colors.bold('Compare:')} ${verdict} · ${scope.join(' · ')}`, '');
  if (report.basis) out.push(`${colors.bold('Basis:')} MRR. ${report.basis.note}`, '');

  const totalRows: string[][] = [];
  for (const [group, byCurrency] of Object.entries(summary.totals) as Array<[TotalsGroup, NonNullable<CompareReport['summary']['totals'][TotalsGroup]>]>) {
    for (const [currency, total] of Object.entries(byCurrency)) {
      totalRows.push([`${GROUP_LABELS[group]} ${currency}`, String(total.rows), formatMoney(total.expected, currency), formatMoney(total.actual, currency), signed(total.difference, currency), String(total.mismatches)]);
    }
  }
  if (totalRows.length > 0) {
    out.push(colors.bold('Totals'));
    out.push(...table([['', 'rows', 'expected', 'actual', 'difference', 'differ'], ...totalRows]).map((line, index) => `  ${index === 0 ? colors.dim(line) : line}`), '');
  }

  const mismatches = sortedMismatches(report.mismatches);
  if (mismatches.length > 0) {
    out.push(colors.bold(`Mismatches (${mismatches.length}), largest difference first`));
    for (const mismatch of mismatches.slice(0, MISMATCHES_SHOWN)) {
      const money = (amount: Decimal): string => formatMoney(amount, mismatch.currency);
      out.push(`  ${colors.bold(`${mismatch.file} row ${mismatch.row}`)}${mismatch.key ? `  ${mismatch.key}` : ''}${mismatch.kind === 'invoice' ? '  (invoice)' : ''}`);
      out.push(`    expected ${money(mismatch.expected)} · ${SOURCE_LABELS[mismatch.source]} ${money(mismatch.actual)} · difference ${colors.red(signed(mismatch.difference, mismatch.currency))} ${mismatch.currency}`);
      if (mismatch.renewal) out.push(`    ${colors.dim('renewal: ')} ${describeRenewal(mismatch.renewal, mismatch.currency)}`);
      const explanation = mismatch.explanation;
      if (explanation) {
        if (explanation.site.length > 0) out.push(`    ${colors.dim(explanation.preview === 'catalog' ? 'catalog: ' : 'site:    ')} ${explanation.site.join(' · ')}`);
        if (explanation.template.length > 0) out.push(`    ${colors.dim('template:')} ${explanation.template.join(' · ')}`);
        for (const cause of explanation.causes) out.push(`    ${cause.fits ? colors.yellow('likely cause:') : colors.dim('note:')} ${cause.message}`);
      }
    }
    if (mismatches.length > MISMATCHES_SHOWN) out.push(colors.dim(`  … and ${mismatches.length - MISMATCHES_SHOWN} more: --out DIR writes them all to a CSV, --format json lists them all`));
    out.push('');
  }
  section(out, colors, 'Rows without an expected amount (not compared)', report.missingExpected, (note) => (note.amount ? `actual ${formatMoney(note.amount, note.currency)}; ` : '') + note.reason);
  section(out, colors, 'Rows without an actual amount', report.missingActual, (note) => note.reason);
  section(out, colors, 'Rows not imported', report.notImported, (note) => note.reason);
  if (report.renewing && summary.rows > 0) out.push(colors.dim('Invoices are not compared with --renewing.'));
  const unchecked = summary.missingActual + summary.notImported;
  const uncheckedText = unchecked > 0 ? `${unchecked} row${plural(unchecked)} could not be checked (no actual amount, or not imported).` : '';
  if (summary.mismatched > 0) out.push(`${summary.mismatched} amount${plural(summary.mismatched)} differ${summary.mismatched === 1 ? 's' : ''} by more than ${report.tolerance.toString()}.${uncheckedText ? ` ${uncheckedText}` : ''}`);
  else out.push(unchecked > 0 ? `No amount differs by more than the tolerance, but ${uncheckedText}` : 'No amount differs by more than the tolerance.');
  return `${out.join('\n')}\n`;
}

function section(out: string[], colors: Colors, title: string, notes: RowNote[], describe: (note: RowNote) => string): void {
  if (notes.length === 0) return;
  out.push(colors.bold(`${title} (${notes.length})`));
  for (const note of notes.slice(0, NOTES_SHOWN)) out.push(`  ${note.file} row ${note.row}${note.key ? `  ${note.key}` : ''}: ${describe(note)}`);
  if (notes.length > NOTES_SHOWN) out.push(colors.dim(`  … and ${notes.length - NOTES_SHOWN} more (--format json lists them all)`));
  out.push('');
}

function signed(amount: Decimal, currency: string): string {
  const text = formatMoney(amount, currency);
  return amount.greaterThan(0) && !text.startsWith('-') && Number(text) !== 0 ? `+${text}` : text;
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

/** Left-aligns the first column and right-aligns the numbers. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}
