// Prices one component line at its quantity: per_unit, volume, tiered, stairstep, on/off and custom prices.
// Bracket model (why): validation checks ending quantities; pricing must still give one answer for any
// input, so a bracket reaches from its starting quantity up to the next bracket's start, the last one is
// open-ended, and quantities below the first bracket are priced by the first. For well-formed brackets
// (1–5, 6–10, 11+) this is exactly the catalog's meaning.
import { Decimal } from './money.js';
import { PricingError } from './pricing-error.js';

export type PricingScheme = 'per_unit' | 'volume' | 'tiered' | 'stairstep';

export interface PriceBracket {
  startingQuantity: Decimal;
  /** null when open-ended. Not used to price: see the bracket model above. */
  endingQuantity: Decimal | null;
  /** The unit price (volume, tiered) or the flat price of the bracket (stairstep). */
  unitPrice: Decimal;
}

export interface ComponentLine {
  /** Handle or name, for explanations. */
  label: string;
  kind: 'quantity_based' | 'on_off' | 'metered' | 'prepaid_usage' | 'event_based';
  /** on_off components are priced per_unit. */
  scheme: PricingScheme;
  /** on_off: 1 when enabled, 0 when not. Fractional quantities are priced as they are. */
  quantity: Decimal;
  /** per_unit and on_off. */
  unitPrice?: Decimal;
  /** volume, tiered and stairstep. */
  brackets?: PriceBracket[];
  /** Replaces the catalog unit price and brackets when present: quantity × custom price. */
  customUnitPrice?: Decimal;
}

/** The exact (unrounded) price of a component line at its quantity; never negative. */
export function priceComponent(line: ComponentLine): Decimal {
  const price = unguardedPrice(line);
  if (price.isNegative() && !price.isZero()) {
    throw new PricingError('negative-price', `component ${line.label} has a negative price`, line.label);
  }
  return price;
}

function unguardedPrice(line: ComponentLine): Decimal {
  const quantity = new Decimal(line.quantity);
  if (quantity.isNegative() && !quantity.isZero()) {
    throw new PricingError('negative-quantity', `component ${line.label} has a negative quantity ${quantity.toString()}`, quantity.toString());
  }
  if (quantity.isZero()) return new Decimal(0);
  if (line.customUnitPrice !== undefined) return quantity.times(line.customUnitPrice);
  const scheme: PricingScheme = line.kind === 'on_off' ? 'per_unit' : line.scheme;
  if (scheme === 'per_unit') {
    if (line.unitPrice === undefined) {
      throw new PricingError('missing-unit-price', `component ${line.label} is priced per unit but has no unit price`, line.label);
    }
    return quantity.times(line.unitPrice);
  }
  const brackets = sortedBrackets(line);
  switch (scheme) {
    case 'volume':
      return quantity.times(bracketOf(brackets, quantity).unitPrice);
    case 'stairstep':
      return new Decimal(bracketOf(brackets, quantity).unitPrice);
    case 'tiered':
      return tieredPrice(brackets, quantity);
  }
}

function sortedBrackets(line: ComponentLine): PriceBracket[] {
  if (line.brackets === undefined || line.brackets.length === 0) {
    throw new PricingError('missing-brackets', `component ${line.label} is priced ${line.scheme} but has no price brackets`, line.label);
  }
  return [...line.brackets].sort((a, b) => new Decimal(a.startingQuantity).comparedTo(b.startingQuantity));
}

/** Unit n belongs to the bracket with the greatest start ≤ n; a fractional quantity 5.5 counts as reaching unit 6. */
function bracketOf(brackets: PriceBracket[], quantity: Decimal): PriceBracket {
  let found = brackets[0];
  for (const bracket of brackets) {
    if (new Decimal(bracket.startingQuantity).minus(1).lessThan(quantity)) found = bracket;
  }
  return found;
}

/** Each unit priced by the bracket it falls in: bracket i covers the units in (startᵢ − 1, startᵢ₊₁ − 1]. */
function tieredPrice(brackets: PriceBracket[], quantity: Decimal): Decimal {
  let total = new Decimal(0);
  brackets.forEach((bracket, index) => {
    const lower = index === 0 ? new Decimal(0) : new Decimal(bracket.startingQuantity).minus(1);
    const next = brackets[index + 1];
    const upper = next === undefined ? quantity : Decimal.min(quantity, new Decimal(next.startingQuantity).minus(1));
    const units = Decimal.max(0, upper.minus(lower));
    total = total.plus(units.times(bracket.unitPrice));
  });
  return total;
}
