// Money as decimals from end to end: one shared Decimal configuration, strict parsing of template
// amounts, and rounding/formatting to a currency's minor unit (ISO 4217 digits).
import { Decimal as DecimalJs } from 'decimal.js';
import currencyCodes from 'currency-codes';
import { PricingError } from './pricing-error.js';

/**
 * The Decimal constructor every module uses for money and quantities. Precision is far beyond any
 * amount a template holds (8-decimal unit prices × large quantities), so nothing rounds before the
 * explicit rounding to the minor unit; ROUND_HALF_UP in decimal.js rounds half away from zero.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = DecimalJs;

/** Plain decimal notation: optional minus, digits, optional fraction. No exponent, sign '+', grouping or symbol. */
const MONEY_PATTERN = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

export type MoneyParseResult = { ok: true; value: Decimal } | { ok: false; reason: string };

/** Reads a template amount such as `5`, `5.00` or `0.00375`, explaining why anything else is not one. */
export function readMoney(text: unknown): MoneyParseResult {
  if (typeof text !== 'string') {
    return { ok: false, reason: `amounts must be decimal strings, not ${typeof text} values (a float loses cents)` };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'the amount is blank' };
  if (MONEY_PATTERN.test(trimmed)) return { ok: true, value: new Decimal(trimmed) };
  if (/^-?\d+,\d{1,2}$/.test(trimmed) || /^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(trimmed)) {
    return { ok: false, reason: `write the amount with a decimal point, e.g. ${trimmed.replace(/\./g, '').replace(',', '.')}` };
  }
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(trimmed)) {
    return { ok: false, reason: `remove the thousands separators, e.g. ${trimmed.replace(/,/g, '')}` };
  }
  if (/[eE]/.test(trimmed) && /^[-+]?\d*\.?\d+[eE][-+]?\d+$/.test(trimmed)) {
    return { ok: false, reason: 'write the amount in plain digits, not scientific notation (format the spreadsheet column as a number)' };
  }
  if (/[^\d.,\s+-]/.test(trimmed)) {
    return { ok: false, reason: 'enter only the number, without a currency symbol or code, e.g. 5.55' };
  }
  return { ok: false, reason: 'expected a decimal number such as 5, 5.00 or 0.00375' };
}

/** Parses a template amount; throws PricingError('invalid-money') with the reason otherwise. */
export function parseMoney(text: unknown): Decimal {
  const result = readMoney(text);
  if (result.ok) return result.value;
  throw new PricingError('invalid-money', `"${String(text)}" is not an amount: ${result.reason}`, String(text));
}

/** Digits after the decimal point in the currency's minor unit, or undefined for a code ISO 4217 does not know. */
export function minorUnitDigitsOf(currency: string): number | undefined {
  return currencyCodes.code(currency.toUpperCase())?.digits;
}

/** Digits after the decimal point in the currency's minor unit: JPY 0, USD 2, BHD 3, CLF 4. */
export function minorUnitDigits(currency: string): number {
  const digits = minorUnitDigitsOf(currency);
  if (digits === undefined) {
    throw new PricingError('unknown-currency', `"${currency}" is not an ISO 4217 currency code`, currency, 'Use a 3-letter code such as USD, EUR or JPY.');
  }
  return digits;
}

/**
 * True when the amount is a whole number of minor units (2.50 or 2.500 with 2 digits; not 2.505): the
 * one test the positive-amount rule and the importer's `*_in_cents` fields both apply.
 */
export function fitsMinorUnit(amount: Decimal, digits: number): boolean {
  return amount.times(new Decimal(10).pow(digits)).isInteger();
}

/** Rounds half away from zero to the currency's minor unit (2.345 USD → 2.35, -2.345 → -2.35, 0.5 JPY → 1). */
export function roundToMinorUnit(amount: Decimal, currency: string): Decimal {
  return new Decimal(amount).toDecimalPlaces(minorUnitDigits(currency), Decimal.ROUND_HALF_UP);
}

/** The amount as the target API and reports write it: rounded, fixed to the minor unit, no symbol ("12.50"). */
export function formatMoney(amount: Decimal, currency: string): string {
  const digits = minorUnitDigits(currency);
  const rounded = new Decimal(amount).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(digits);
}
