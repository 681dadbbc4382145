// Amounts: decimal strings and spec number fields to Decimal; numbers sent only when exact.
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../../../src/errors.js';
import { exactJsonNumber, parseAmount } from '../../../../src/targets/advanced-billing/client/amounts.js';

describe('parseAmount', () => {
  it.each([
    { value: '12.50', expected: '12.5' },
    { value: ' -0.00375 ', expected: '-0.00375' },
    { value: 12.5, expected: '12.5' },
    { value: '0.1', expected: '0.1' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(parseAmount(value)?.toString()).toBe(expected);
  });

  it.each([null, undefined, '', 'abc', '1e5', '1,50', true])('%s is not an amount', (value) => {
    expect(parseAmount(value as never)).toBeUndefined();
  });

  it('keeps every digit of a long decimal string', () => {
    expect(parseAmount('12345678901234567.89')?.toFixed(2)).toBe('12345678901234567.89');
  });
});

describe('exactJsonNumber', () => {
  it('sends a decimal as the number whose JSON text is that decimal', () => {
    expect(JSON.stringify(exactJsonNumber('100.25'))).toBe('100.25');
    expect(JSON.stringify(exactJsonNumber('0.10'))).toBe('0.1');
  });

  it.each(['12345678901234567.89', 'ten', ''])('refuses %s as a row error', (amount) => {
    expect(() => exactJsonNumber(amount)).toThrow(MigrateError);
    expect(() => exactJsonNumber(amount)).toThrow(expect.objectContaining({ exitCode: 1, code: 'inexact-amount' }));
  });
});
