import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, minorUnitDigits, parseMoney, readMoney, roundToMinorUnit } from '../../src/pricing/money.js';
import { PricingError } from '../../src/pricing/pricing-error.js';

describe('parseMoney', () => {
  it.each([
    ['5', '5'],
    ['5.00', '5'],
    ['5.55', '5.55'],
    ['0.00375', '0.00375'],
    ['0.12345678', '0.12345678'],
    [' 12.5 ', '12.5'],
    ['-3.10', '-3.1'],
    ['.5', '0.5'],
    ['123456789012345678.99', '123456789012345678.99'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseMoney(text).toString()).toBe(expected);
  });

  it.each([
    ['5,55', /decimal point, e\.g\. 5\.55/],
    ['1.234,50', /decimal point, e\.g\. 1234\.50/],
    ['1,234.50', /thousands separators, e\.g\. 1234\.50/],
    ['$5.00', /currency symbol/],
    ['5.00 EUR', /currency symbol/],
    ['€5', /currency symbol/],
    ['1.5E+07', /scientific notation/],
    ['', /blank/],
    ['   ', /blank/],
    ['+5', /expected a decimal number/],
    ['5.', /expected a decimal number/],
    ['1.2.3', /expected a decimal number/],
  ])('rejects %j with a reason', (text, reason) => {
    const result = readMoney(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
    expect(() => parseMoney(text)).toThrow(PricingError);
  });

  it('rejects JavaScript numbers, which have already lost exactness', () => {
    expect(readMoney(0.1)).toMatchObject({ ok: false, reason: expect.stringMatching(/decimal strings/) });
    try {
      parseMoney(19.99);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PricingError);
      expect((error as PricingError).code).toBe('invalid-money');
      expect((error as PricingError).exitCode).toBe(2);
    }
  });

  it('keeps exactness where floats would not', () => {
    expect(parseMoney('0.1').plus(parseMoney('0.2')).toString()).toBe('0.3');
  });
});

describe('roundToMinorUnit and formatMoney', () => {
  it.each([
    ['2.345', 'USD', '2.35'],
    ['2.344999', 'USD', '2.34'],
    ['-2.345', 'USD', '-2.35'],
    ['0.005', 'USD', '0.01'],
    ['-0.005', 'USD', '-0.01'],
    ['0.5', 'JPY', '1'],
    ['1.5', 'JPY', '2'],
    ['2.5', 'JPY', '3'],
    ['-2.5', 'JPY', '-3'],
    ['1.0005', 'BHD', '1.001'],
    ['1.0004', 'BHD', '1'],
    ['0.00005', 'CLF', '0.0001'],
    ['10', 'usd', '10'],
  ])('rounds %s %s to %s (half away from zero)', (amount, currency, expected) => {
    expect(roundToMinorUnit(new Decimal(amount), currency).toString()).toBe(expected);
  });

  it.each([
    ['12.5', 'USD', '12.50'],
    ['2.345', 'USD', '2.35'],
    ['1234.5', 'JPY', '1235'],
    ['7', 'BHD', '7.000'],
    ['-0.001', 'USD', '0.00'],
    ['0.00375', 'EUR', '0.00'],
    ['123456789012345678.995', 'USD', '123456789012345679.00'],
  ])('formats %s %s as %s', (amount, currency, expected) => {
    expect(formatMoney(new Decimal(amount), currency)).toBe(expected);
  });

  it('knows minor units from ISO 4217', () => {
    expect([minorUnitDigits('JPY'), minorUnitDigits('USD'), minorUnitDigits('BHD'), minorUnitDigits('KWD')]).toEqual([0, 2, 3, 3]);
  });

  it('refuses an unknown currency with a typed error', () => {
    expect(() => formatMoney(new Decimal(1), 'XYZ')).toThrow(/not an ISO 4217 currency code/);
    expect(() => roundToMinorUnit(new Decimal(1), 'US')).toThrow(PricingError);
  });
});
