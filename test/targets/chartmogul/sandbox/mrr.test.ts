// The emulator's MRR normalisation against hand-computed figures (ChartMogul's formula: the amount less
// tax, times the ratio that normalises the plan interval to a month, rounded to the closest cent).
import { describe, expect, it } from 'vitest';
import { monthlyCents } from '../../../../src/targets/chartmogul/sandbox/subscriptions.js';

describe('monthlyCents', () => {
  it.each([
    ['a monthly plan', 4900, 'month', 1, 4900],
    // ChartMogul's own example: 90.00 for a 3-month plan is 30.00 MRR.
    ['a quarterly plan', 9000, 'month', 3, 3000],
    ['an annual plan', 120000, 'year', 1, 10000],
    ['a two-year plan', 120000, 'year', 2, 5000],
    // 100 cents / 3 months = 33.33… → 33.
    ['a repeating third, rounded down', 100, 'month', 3, 33],
    // 5 cents / 2 months = 2.5 → 3 (half up).
    ['a half cent, rounded up', 5, 'month', 2, 3],
    // 30 days of an average 365/12-day month: 1000 × (365/12) / 30 = 1013.89 → 1014.
    ['a 30-day plan', 1000, 'day', 30, 1014],
  ])('%s', (_, amount, unit, count, expected) => {
    expect(monthlyCents(amount as number, unit as string, count as number)).toBe(expected);
  });
});
