// The pretty and JSON renderings of a hand-built report: order, sections, amounts to the minor unit.
import { describe, expect, it } from 'vitest';
import { comparePassed, comparisonOf, summarizeComparisons, type CompareReport, type RowNote, type ComparedRowRef } from '../../src/compare/comparison.js';
import { toCompareJson } from '../../src/compare/report-json.js';
import { renderComparePretty } from '../../src/cli/reporters/compare-pretty.js';
import { createColors } from '../../src/cli/reporters/colors.js';
import { Decimal } from '../../src/pricing/index.js';

const d = (value: string): Decimal => new Decimal(value);
const ref = (row: number, key: string, currency = 'USD', kind: ComparedRowRef['kind'] = 'subscription'): ComparedRowRef => ({ kind, file: 'results/subs.csv', row, line: row, key, currency });

function report(): CompareReport {
  const comparisons = [
    comparisonOf(ref(2, 'a'), 'result', d('10'), d('10'), d(0)),
    comparisonOf(ref(3, 'b'), 'result', d('10'), d('12.5'), d(0)),
    comparisonOf(ref(4, 'c', 'JPY'), 'result', d('1000'), d('900'), d(0)),
    comparisonOf(ref(5, 'INV-1', 'USD', 'invoice'), 'result', d('75'), d('75'), d(0)),
  ];
  comparisons[1]!.explanation = { preview: 'site', site: ['pro 99.00'], template: ['pro'], causes: [{ code: 'coupon-not-applied', fits: true, message: 'coupon X is on the row but the site did not apply it' }] };
  const missingExpected: RowNote[] = [{ ...ref(6, 'd'), amount: d('29'), reason: 'YourExpectedRenewal is blank' }];
  const notImported: RowNote[] = [{ ...ref(7, 'e'), reason: 'not imported: email: invalid' }];
  const parts = { comparisons, missingExpected, missingActual: [], notImported, rows: 6, outsideRange: 0 };
  return { tolerance: d(0), mismatches: comparisons.filter((comparison) => comparison.mismatch), missingExpected, missingActual: [], notImported, summary: summarizeComparisons(parts) };
}

describe('compare reports', () => {
  it('pretty: verdict and totals first, mismatches by absolute difference, then the rows not compared', () => {
    const text = renderComparePretty(report(), createColors(false));
    expect(text.split('\n')[0]).toBe('Compare: 2 of 4 amounts differ · 6 rows · tolerance 0 · no site: explanations from the catalog templates');
    expect(text).toMatch(/next renewals USD\s+2\s+20\.00\s+22\.50\s+\+2\.50\s+1/);
    expect(text).toMatch(/next renewals JPY\s+1\s+1000\s+900\s+-100\s+1/);
    expect(text.indexOf('row 4  c')).toBeLessThan(text.indexOf('row 3  b'));
    expect(text).toContain('likely cause: coupon X is on the row but the site did not apply it');
    expect(text).toContain('Rows without an expected amount (not compared) (1)\n  results/subs.csv row 6  d: actual 29.00; YourExpectedRenewal is blank');
    expect(text).toContain('Rows not imported (1)');
    expect(text.trimEnd().endsWith('2 amounts differ by more than 0. 1 row could not be checked (no actual amount, or not imported).')).toBe(true);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('an expected amount that could not be checked leaves the import unconfirmed', () => {
    const missingActual: RowNote[] = [{ ...ref(2, 'a'), amount: d('29'), reason: 'ChargifyNextRenewal is blank' }];
    const parts = { comparisons: [], missingExpected: [], missingActual, notImported: [], rows: 1, outsideRange: 0 };
    const unchecked: CompareReport = { tolerance: d(0), mismatches: [], missingExpected: [], missingActual, notImported: [], summary: summarizeComparisons(parts) };
    expect(comparePassed(unchecked.summary)).toBe(false);
    expect(renderComparePretty(unchecked, createColors(false)).split('\n')[0]).toMatch(/^Compare: no amount compared · 1 row · /);
    expect(renderComparePretty(unchecked, createColors(false)).trimEnd().split('\n').at(-1)).toBe('No amount differs by more than the tolerance, but 1 row could not be checked (no actual amount, or not imported).');
    expect(comparePassed(report().summary)).toBe(false);
    const clean = summarizeComparisons({ comparisons: [comparisonOf(ref(2, 'a'), 'result', d('10'), d('10'), d(0))], missingExpected: [], missingActual: [], notImported: [], rows: 1, outsideRange: 0 });
    expect(comparePassed(clean)).toBe(true);
  });

  it('json: summary totals per currency as strings, mismatches sorted, missing rows apart', () => {
    const document = toCompareJson(report());
    expect(document.summary).toMatchObject({ rows: 6, compared: 4, matched: 2, mismatched: 2, missingExpected: 1, notImported: 1 });
    expect(document.summary.totals.subscriptions).toEqual({
      USD: { rows: 2, expected: '20.00', actual: '22.50', difference: '2.50', mismatches: 1 },
      JPY: { rows: 1, expected: '1000', actual: '900', difference: '-100', mismatches: 1 },
    });
    expect(document.mismatches.map((mismatch) => [mismatch.key, mismatch.difference])).toEqual([['c', '-100'], ['b', '2.50']]);
    expect(document.mismatches[1]!.explanation?.causes[0]?.code).toBe('coupon-not-applied');
    expect(document.mismatches[0]!.explanation).toBeNull();
    expect(document.missingExpected).toEqual([expect.objectContaining({ key: 'd', actual: '29.00' })]);
    expect(document.mismatches.some((mismatch) => mismatch.key === 'd')).toBe(false);
  });
});
