// Tax rates as people type them, and the tax on a line rounded half up to the minor unit.
import { describe, expect, it } from 'vitest';
import { Decimal, parseTaxRate, taxOnLine } from '../../src/pricing/index.js';

describe('parseTaxRate', () => {
  it.each([
    ['8%', '0.08'],
    ['7.25%', '0.0725'],
    ['0.08', '0.08'],
    [' .0725 ', '0.0725'],
    ['0', '0'],
    ['100%', '1'],
  ])('reads %s as %s', (text, rate) => {
    expect(parseTaxRate(text)?.toString()).toBe(new Decimal(rate).toString());
  });

  it.each(['', 'eight', '-8%', '8', '101%', '0.08%%', '1e-2'])('refuses %j', (text) => {
    expect(parseTaxRate(text)).toBeUndefined();
  });
});

describe('taxOnLine', () => {
  it.each([
    ['100.00', '0.08', 'USD', '8'],
    ['0.50', '0.07', 'USD', '0.04'], // 0.035 rounds half up
    ['0.10', '0.05', 'USD', '0.01'], // 0.005 rounds half up
    ['99.99', '0.0725', 'USD', '7.25'], // 7.249275
    ['1000', '0.08', 'JPY', '80'],
    ['15', '0.075', 'JPY', '1'], // 1.125
  ])('%s at %s in %s is %s', (amount, rate, currency, tax) => {
    expect(taxOnLine(new Decimal(amount), new Decimal(rate), currency).toString()).toBe(new Decimal(tax).toString());
  });
});
