// Decimal amounts → an API's minor-unit integers (`*_in_cents`), for every target: the currency is known only
// at the target, so an amount with more decimals than it allows fails its row at this point.
import { Decimal, fitsMinorUnit, minorUnitDigits } from '../pricing/money.js';
import type { SourceRow } from '../plan/operation.js';
import { RowError } from '../plan/row-error.js';

/** `amount` (a decimal string) in `currency`'s minor unit; a row error names `column` when it does not fit. */
export function minorUnitsOf(amount: string, currency: string, source: SourceRow, column: string): number {
  const decimal = new Decimal(amount);
  const digits = minorUnitDigits(currency);
  if (!fitsMinorUnit(decimal, digits)) {
    throw new RowError(source, column, `${column} ${decimal.toString()} has more decimals than ${currency} allows`, `Round it to ${digits} decimal places.`);
  }
  return decimal.times(new Decimal(10).pow(digits)).toNumber();
}

/** A whole number of `currency`'s minor units as a decimal string in the currency ("4900" USD → "49.00"). */
export function decimalFromMinorUnits(units: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return new Decimal(units).div(new Decimal(10).pow(digits)).toFixed(digits);
}
