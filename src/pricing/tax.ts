// A flat sales-tax rate: read from what a person types ("8%", "0.08") and applied to a line's taxable
// amount, rounded half up per line to the currency's minor unit (as a site taxes each line).
import { Decimal, roundToMinorUnit } from './money.js';

/** The largest rate taken: a tax above 100% is almost surely a percentage typed as a fraction's digits. */
const MAX_RATE = new Decimal(1);

/**
 * A rate as a fraction (0.08), from "8%" (a percentage) or "0.08" (a fraction); undefined when the text is
 * neither, is negative, or is above 100%.
 */
export function parseTaxRate(text: string): Decimal | undefined {
  const trimmed = text.trim();
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(trimmed);
  if (!match) return undefined;
  const rate = match[2] === '%' ? new Decimal(match[1]!).dividedBy(100) : new Decimal(match[1]!);
  return rate.greaterThan(MAX_RATE) ? undefined : rate;
}

/** The tax on one line's taxable amount (after its discount), rounded half up to the minor unit. */
export function taxOnLine(taxable: Decimal, rate: Decimal, currency: string): Decimal {
  return roundToMinorUnit(taxable.times(rate), currency);
}
