// The comparison itself: expected against actual per row and per amount source, mismatches beyond the
// tolerance, rows that cannot be compared (no expected amount, no actual, not imported), and totals
// per currency. Pure: the rows and amounts come in, the report's data goes out.
import { Decimal, type BillingInterval } from '../pricing/index.js';
import type { Explanation } from './explain.js';
import type { RenewalRange } from './renewal-range.js';

/**
 * Where the actual amount comes from: the result file's column, the site's export, a fresh site preview,
 * or the monthly recurring revenue a target that derives it reports (the expected amount is then the
 * expected renewal normalised to a month).
 */
export type AmountSource = 'result' | 'export' | 'site' | 'mrr';
export type TotalsGroup = 'subscriptions' | 'export' | 'mrr' | 'invoices';

export interface ComparedRowRef {
  kind: 'subscription' | 'invoice';
  file: string;
  row: number;
  line: number;
  key: string;
  currency: string;
  /** The row's Result link (the object on the site), when the Result cell holds one. */
  link?: string;
}

export interface Comparison extends ComparedRowRef {
  source: AmountSource;
  expected: Decimal;
  actual: Decimal;
  /** actual − expected. */
  difference: Decimal;
  mismatch: boolean;
  explanation?: Explanation;
  /** An MRR comparison's un-normalised amounts: the expected renewal, the row's ChargifyNextRenewal, and the interval between them. */
  renewal?: RenewalAmounts;
}

export interface RenewalAmounts {
  expected: Decimal;
  /** ChargifyNextRenewal: on a target that derives MRR, the amount of the opening invoice imported for the row. */
  actual?: Decimal;
  interval: BillingInterval;
}

export interface RowNote extends ComparedRowRef {
  /** The amount that is there (the actual when the expected is missing, and the reverse). */
  amount?: Decimal;
  reason: string;
}

export interface CurrencyTotal {
  rows: number;
  expected: Decimal;
  actual: Decimal;
  difference: Decimal;
  mismatches: number;
}

export interface CompareSummary {
  /** Rows read (subscriptions and invoices, within --renewing). */
  rows: number;
  compared: number;
  matched: number;
  mismatched: number;
  missingExpected: number;
  missingActual: number;
  notImported: number;
  outsideRange: number;
  totals: Partial<Record<TotalsGroup, Record<string, CurrencyTotal>>>;
}

export interface CompareReport {
  tolerance: Decimal;
  renewing?: RenewalRange;
  /** The site previews came from, when one was used. */
  site?: string;
  /** Present when subscriptions were compared by MRR: what that means, said once in every format. */
  basis?: { kind: 'mrr'; note: string };
  /** The comparisons beyond the tolerance (matching ones are only counted). */
  mismatches: Comparison[];
  missingExpected: RowNote[];
  missingActual: RowNote[];
  notImported: RowNote[];
  summary: CompareSummary;
}

function isMismatch(expected: Decimal, actual: Decimal, tolerance: Decimal): boolean {
  return actual.minus(expected).abs().greaterThan(tolerance);
}

export function comparisonOf(ref: ComparedRowRef, source: AmountSource, expected: Decimal, actual: Decimal, tolerance: Decimal): Comparison {
  return { ...ref, source, expected, actual, difference: actual.minus(expected), mismatch: isMismatch(expected, actual, tolerance) };
}

function groupOf(comparison: Comparison): TotalsGroup {
  if (comparison.kind === 'invoice') return 'invoices';
  return comparison.source === 'export' ? 'export' : comparison.source === 'mrr' ? 'mrr' : 'subscriptions';
}

interface NoteCounts {
  missingExpected: readonly RowNote[];
  missingActual: readonly RowNote[];
  notImported: readonly RowNote[];
  rows: number;
  outsideRange: number;
}

/** Totals and counts kept as comparisons arrive; only the mismatches themselves are kept. */
export class Tally {
  readonly mismatches: Comparison[] = [];
  private readonly totals: CompareSummary['totals'] = {};
  private compared = 0;

  add(comparison: Comparison): void {
    const group = (this.totals[groupOf(comparison)] ??= {});
    const total = (group[comparison.currency] ??= { rows: 0, expected: new Decimal(0), actual: new Decimal(0), difference: new Decimal(0), mismatches: 0 });
    total.rows += 1;
    total.expected = total.expected.plus(comparison.expected);
    total.actual = total.actual.plus(comparison.actual);
    total.difference = total.actual.minus(total.expected);
    this.compared += 1;
    if (comparison.mismatch) {
      total.mismatches += 1;
      this.mismatches.push(comparison);
    }
  }

  summary(notes: NoteCounts): CompareSummary {
    return {
      rows: notes.rows,
      compared: this.compared,
      matched: this.compared - this.mismatches.length,
      mismatched: this.mismatches.length,
      missingExpected: notes.missingExpected.length,
      missingActual: notes.missingActual.length,
      notImported: notes.notImported.length,
      outsideRange: notes.outsideRange,
      totals: this.totals,
    };
  }
}

/**
 * Whether the run confirms the import: nothing differs beyond the tolerance and every expected
 * amount could be checked. Rows without an actual amount (never imported, or the wrong folder given)
 * and rows not imported leave the import unconfirmed, so a CI gate on the exit code stays shut.
 */
export function comparePassed(summary: CompareSummary): boolean {
  return summary.mismatched === 0 && summary.missingActual === 0 && summary.notImported === 0;
}

export function summarizeComparisons(parts: NoteCounts & { comparisons: readonly Comparison[] }): CompareSummary {
  const tally = new Tally();
  for (const comparison of parts.comparisons) tally.add(comparison);
  return tally.summary(parts);
}

/** Mismatches, largest absolute difference first (then file and row, for a stable order). */
export function sortedMismatches(comparisons: readonly Comparison[]): Comparison[] {
  return comparisons
    .filter((comparison) => comparison.mismatch)
    .sort((a, b) => b.difference.abs().comparedTo(a.difference.abs()) || a.file.localeCompare(b.file) || a.row - b.row || a.source.localeCompare(b.source));
}
