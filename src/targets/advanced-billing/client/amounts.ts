// Amounts from and to the API: decimal strings (or, in a few spec fields, JSON numbers) become Decimal;
// a decimal goes out as a JSON number only when that is exact.
import { Decimal } from '../../../pricing/money.js';
import { ExitCode, MigrateError } from '../../../errors.js';
import type { Json } from '../api.js';

/** A decimal amount field ("12.50" or 12.5), or undefined when absent, null or not a number. */
export function parseAmount(value: Json | undefined): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(String(value)) : undefined;
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return new Decimal(value.trim());
}

/**
 * For the few request fields the spec types as a JSON number (a prepayment's amount): the number whose
 * JSON text is exactly the decimal given, refusing anything a double cannot carry exactly.
 */
export function exactJsonNumber(amount: string): number {
  const decimal = parseAmount(amount);
  const number = decimal === undefined ? Number.NaN : decimal.toNumber();
  if (decimal === undefined || !new Decimal(String(number)).equals(decimal)) {
    // A row problem (exit 1), not a run problem: only this row's amount cannot be sent.
    throw new MigrateError('inexact-amount', `The amount "${amount}" cannot be sent exactly: the API takes this field as a JSON number.`, {
      exitCode: ExitCode.rowErrors,
      hint: 'Use at most 15 significant digits.',
    });
  }
  return number;
}
