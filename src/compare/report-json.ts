// compare's machine report: one JSON document with a summary (counts, totals per currency) and the
// mismatches, rows without an expected amount, rows without an actual amount and rows not imported.
import { formatMoney, type BillingInterval, type Decimal } from '../pricing/index.js';
import { sortedMismatches, type Comparison, type CompareReport, type CurrencyTotal, type RenewalAmounts, type RowNote } from './comparison.js';
import type { Cause } from './explain.js';

export interface CompareJsonRow {
  kind: 'subscription' | 'invoice';
  file: string;
  row: number;
  line: number;
  key: string;
  currency: string;
  /** The row's Result link: the object on the site. */
  link?: string;
}

export interface CompareJsonMismatch extends CompareJsonRow {
  source: Comparison['source'];
  expected: string;
  actual: string;
  difference: string;
  explanation: { preview: 'site' | 'catalog' | null; site: string[]; template: string[]; causes: Cause[] } | null;
  /** MRR rows only: the un-normalised amounts the MRR comes from and the explanation speaks of. */
  renewal?: { expected: string; actual: string | null; interval: BillingInterval };
}

export interface CompareJsonDocument {
  version: 1;
  command: 'compare';
  tolerance: string;
  renewing?: { from: string | null; to: string | null };
  site: string | null;
  /** Present when subscriptions were compared by MRR. */
  basis?: 'mrr';
  note?: string;
  summary: Omit<CompareReport['summary'], 'totals'> & {
    totals: Partial<Record<string, Record<string, { rows: number; expected: string; actual: string; difference: string; mismatches: number }>>>;
  };
  mismatches: CompareJsonMismatch[];
  missingExpected: Array<CompareJsonRow & { actual: string | null; reason: string }>;
  missingActual: Array<CompareJsonRow & { expected: string | null; reason: string }>;
  notImported: Array<CompareJsonRow & { reason: string }>;
}

export function toCompareJson(report: CompareReport): CompareJsonDocument {
  const { totals, ...counts } = report.summary;
  return {
    version: 1,
    command: 'compare',
    tolerance: report.tolerance.toString(),
    ...(report.renewing ? { renewing: { from: report.renewing.from ?? null, to: report.renewing.to ?? null } } : {}),
    site: report.site ?? null,
    ...(report.basis ? { basis: report.basis.kind, note: report.basis.note } : {}),
    summary: {
      ...counts,
      totals: Object.fromEntries(
        Object.entries(totals).map(([group, byCurrency]) => [
          group,
          Object.fromEntries(Object.entries(byCurrency ?? {}).map(([currency, total]) => [currency, totalJson(total, currency)])),
        ]),
      ),
    },
    mismatches: sortedMismatches(report.mismatches).map((comparison) => ({
      ...rowJson(comparison),
      source: comparison.source,
      expected: formatMoney(comparison.expected, comparison.currency),
      actual: formatMoney(comparison.actual, comparison.currency),
      difference: formatMoney(comparison.difference, comparison.currency),
      explanation: comparison.explanation ?? null,
      ...(comparison.renewal ? { renewal: renewalJson(comparison.renewal, comparison.currency) } : {}),
    })),
    missingExpected: report.missingExpected.map((note) => ({ ...rowJson(note), actual: amountOrNull(note.amount, note.currency), reason: note.reason })),
    missingActual: report.missingActual.map((note) => ({ ...rowJson(note), expected: amountOrNull(note.amount, note.currency), reason: note.reason })),
    notImported: report.notImported.map((note) => ({ ...rowJson(note), reason: note.reason })),
  };
}

function renewalJson(renewal: RenewalAmounts, currency: string): NonNullable<CompareJsonMismatch['renewal']> {
  return { expected: formatMoney(renewal.expected, currency), actual: amountOrNull(renewal.actual, currency), interval: renewal.interval };
}

function rowJson(row: RowNote | Comparison): CompareJsonRow {
  return { kind: row.kind, file: row.file, row: row.row, line: row.line, key: row.key, currency: row.currency, ...(row.link === undefined ? {} : { link: row.link }) };
}

function totalJson(total: CurrencyTotal, currency: string): { rows: number; expected: string; actual: string; difference: string; mismatches: number } {
  return {
    rows: total.rows,
    expected: formatMoney(total.expected, currency),
    actual: formatMoney(total.actual, currency),
    difference: formatMoney(total.difference, currency),
    mismatches: total.mismatches,
  };
}

function amountOrNull(amount: Decimal | undefined, currency: string): string | null {
  return amount === undefined ? null : formatMoney(amount, currency);
}
