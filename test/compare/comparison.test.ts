// Tolerance, totals per currency, ordering of mismatches, and the --renewing range.
import { describe, expect, it } from 'vitest';
import { comparisonOf, sortedMismatches, summarizeComparisons, type ComparedRowRef } from '../../src/compare/comparison.js';
import { isInRange, parseRenewalRange } from '../../src/compare/renewal-range.js';
import { parseIsoDate } from '../../src/dates/index.js';
import { InputError } from '../../src/errors.js';
import { Decimal } from '../../src/pricing/index.js';

const d = (value: string): Decimal => new Decimal(value);
const ref = (row: number, currency = 'USD', kind: ComparedRowRef['kind'] = 'subscription'): ComparedRowRef => ({ kind, file: 'subs.csv', row, line: row, key: `k${row}`, currency });

describe('comparisonOf', () => {
  it.each([
    { expected: '10.00', actual: '10.00', tolerance: '0', mismatch: false },
    { expected: '10.00', actual: '10.01', tolerance: '0', mismatch: true },
    { expected: '10.00', actual: '10.01', tolerance: '0.01', mismatch: false },
    { expected: '10.00', actual: '9.99', tolerance: '0.01', mismatch: false },
    { expected: '10.00', actual: '9.98', tolerance: '0.01', mismatch: true },
    { expected: '0.1', actual: '0.3', tolerance: '0.2', mismatch: false },
  ])('$expected vs $actual with tolerance $tolerance', ({ expected, actual, tolerance, mismatch }) => {
    const comparison = comparisonOf(ref(2), 'result', d(expected), d(actual), d(tolerance));
    expect(comparison.mismatch).toBe(mismatch);
    expect(comparison.difference.toString()).toBe(d(actual).minus(d(expected)).toString());
  });
});

describe('summarizeComparisons', () => {
  it('totals per currency and group, exactly in decimals', () => {
    const comparisons = [
      comparisonOf(ref(2), 'result', d('0.10'), d('0.10'), d(0)),
      comparisonOf(ref(3), 'result', d('0.20'), d('0.20'), d(0)),
      comparisonOf(ref(4), 'result', d('1000'), d('1000'), d(0)),
      comparisonOf(ref(5, 'JPY'), 'result', d('500'), d('520'), d(0)),
      comparisonOf(ref(6), 'export', d('5'), d('6'), d(0)),
      comparisonOf(ref(7, 'EUR', 'invoice'), 'result', d('75'), d('75'), d(0)),
    ];
    const summary = summarizeComparisons({ comparisons, missingExpected: [{ ...ref(8), reason: 'blank' }], missingActual: [], notImported: [], rows: 7, outsideRange: 2 });
    expect(summary).toMatchObject({ rows: 7, compared: 6, matched: 4, mismatched: 2, missingExpected: 1, outsideRange: 2 });
    expect(summary.totals.subscriptions?.USD?.expected.toString()).toBe('1000.3');
    expect(summary.totals.subscriptions?.JPY).toMatchObject({ rows: 1, mismatches: 1 });
    expect(summary.totals.subscriptions?.JPY?.difference.toString()).toBe('20');
    expect(summary.totals.export?.USD?.mismatches).toBe(1);
    expect(summary.totals.invoices?.EUR?.rows).toBe(1);
    expect(summary.totals.invoices?.USD).toBeUndefined();
  });

  it('sorts mismatches by absolute difference, largest first', () => {
    const comparisons = [
      comparisonOf(ref(2), 'result', d('10'), d('11'), d(0)),
      comparisonOf(ref(3), 'result', d('10'), d('5'), d(0)),
      comparisonOf(ref(4), 'result', d('10'), d('10'), d(0)),
      comparisonOf(ref(5), 'result', d('10'), d('13'), d(0)),
    ];
    expect(sortedMismatches(comparisons).map((comparison) => comparison.row)).toEqual([3, 5, 2]);
  });
});

describe('--renewing', () => {
  const date = (text: string) => parseIsoDate(text);
  it.each([
    { range: '2027-01-01..2027-01-31', inside: ['2027-01-01', '2027-01-31'], outside: ['2026-12-31', '2027-02-01'] },
    { range: '2027-01-01..', inside: ['2027-01-01', '2030-01-01'], outside: ['2026-12-31'] },
    { range: '..2027-01-31', inside: ['2020-01-01', '2027-01-31'], outside: ['2027-02-01'] },
  ])('$range', ({ range, inside, outside }) => {
    const parsed = parseRenewalRange(range);
    for (const text of inside) expect(isInRange(parsed, date(text))).toBe(true);
    for (const text of outside) expect(isInRange(parsed, date(text))).toBe(false);
    expect(isInRange(parsed, undefined)).toBe(false);
  });

  it.each(['2027-01-01', '..', '2027-02-30..2027-03-01', '2027-02-01..2027-01-01', 'jan..feb'])('refuses %s with an InputError', (text) => {
    expect(() => parseRenewalRange(text)).toThrow(InputError);
  });
});
