// The one MRR normalisation (compare's expected MRR and the ChartMogul emulator's), against figures
// computed by hand: month ÷ count, year ÷ (12 × count), day × (365/12) ÷ count, half up to the places.
import { describe, expect, it } from 'vitest';
import { describeInterval, monthlyAmount, type BillingUnit } from '../../src/pricing/index.js';

describe('monthlyAmount', () => {
  it.each([
    ['a monthly plan', '49.00', 'month', 1, 2, '49'],
    ['a quarterly plan (ChartMogul: 90.00 for 3 months is 30.00 MRR)', '90.00', 'month', 3, 2, '30'],
    ['twelve months', '1040.00', 'month', 12, 2, '86.67'],
    ['an annual plan', '1200.00', 'year', 1, 2, '100'],
    ['a two-year plan', '1200.00', 'year', 2, 2, '50'],
    ['a third of a cent, down', '1.00', 'month', 3, 2, '0.33'],
    ['half a cent, up', '0.05', 'month', 2, 2, '0.03'],
    // 10.00 × (365/12) ÷ 30 = 10.1388… → 10.14
    ['a 30-day plan', '10.00', 'day', 30, 2, '10.14'],
    ['a currency without minor units', '1000', 'month', 3, 0, '333'],
  ])('%s', (_, amount, unit, count, places, expected) => {
    expect(monthlyAmount(amount, { unit: unit as BillingUnit, count }, places).toString()).toBe(expected);
  });

  it('names the interval', () => {
    expect([describeInterval({ unit: 'month', count: 1 }), describeInterval({ unit: 'month', count: 12 }), describeInterval({ unit: 'day', count: 30 })]).toEqual(['every month', 'every 12 months', 'every 30 days']);
  });
});
