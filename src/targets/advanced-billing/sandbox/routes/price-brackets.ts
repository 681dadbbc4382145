// Price brackets of component price points, custom prices and segments: `prices: [{starting_quantity,
// ending_quantity, unit_price}]` checked as a site checks them and stored with the API's response fields.
import { Decimal } from '../../../../pricing/index.js';
import type { FieldErrors } from '../fields.js';
import { decimalInRange, isPresent } from '../fields.js';
import { messages } from '../messages.js';
import type { RecordValue, Store } from '../store.js';

export const PRICING_SCHEMES = ['per_unit', 'volume', 'tiered', 'stairstep'] as const;
export type Scheme = (typeof PRICING_SCHEMES)[number];

interface BracketInput {
  starting_quantity: number;
  ending_quantity: number | null;
  unit_price: string;
}

/** Reads `prices` (or a lone `unit_price` as one open bracket); adds "Prices: …" errors. */
export function readBrackets(errors: FieldErrors, raw: unknown, unitPrice: unknown, scheme: Scheme | undefined): BracketInput[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    if (isPresent(unitPrice)) {
      const price = decimalText(unitPrice);
      if (price === undefined) errors.add(messages.notANumber('Unit price'));
      return price === undefined ? [] : [{ starting_quantity: 1, ending_quantity: null, unit_price: price }];
    }
    if (scheme !== undefined) errors.add(messages.blank('Prices'));
    return [];
  }
  const brackets: BracketInput[] = [];
  raw.forEach((item: unknown, index) => {
    const label = `Prices[${index}]`;
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const start = wholeNumber(entry.starting_quantity);
    const end = isPresent(entry.ending_quantity) ? wholeNumber(entry.ending_quantity) : null;
    const price = decimalText(entry.unit_price);
    if (start === undefined) errors.add(messages.wholeNumber(`${label} starting quantity`));
    if (end === undefined) errors.add(messages.wholeNumber(`${label} ending quantity`));
    if (price === undefined) errors.add(messages.notANumber(`${label} unit price`));
    else if (new Decimal(price).isNegative()) errors.add(messages.notNegative(`${label} unit price`));
    if (start !== undefined && end !== undefined && end !== null && end < start) {
      errors.add(messages.endingBeforeStarting(`${label} ending quantity`));
    }
    if (start !== undefined && end !== undefined && price !== undefined) brackets.push({ starting_quantity: start, ending_quantity: end, unit_price: price });
  });
  brackets.forEach((bracket, index) => {
    const previous = brackets[index - 1];
    if (previous === undefined) return;
    if (previous.ending_quantity === null) errors.add(messages.openEndedNotLast(`Prices[${index - 1}] ending quantity`));
    else if (bracket.starting_quantity !== previous.ending_quantity + 1) {
      errors.add(messages.bracketStart(`Prices[${index}] starting quantity`, previous.ending_quantity + 1));
    }
  });
  if (scheme === 'per_unit' && brackets.length > 1) errors.add(messages.perUnitOnePrice);
  return brackets;
}

/** Brackets as the API returns them, each with its own id. */
export function storedBrackets(
  store: Store,
  brackets: BracketInput[],
  owner: { componentId: number; pricePointId: number; segmentId?: number },
): RecordValue[] {
  return brackets.map((bracket) => ({
    id: store.nextId('prices'),
    component_id: owner.componentId,
    starting_quantity: bracket.starting_quantity,
    ending_quantity: bracket.ending_quantity,
    unit_price: bracket.unit_price,
    price_point_id: owner.pricePointId,
    formatted_unit_price: `$${new Decimal(bracket.unit_price).toFixed(2)}`,
    segment_id: owner.segmentId ?? null,
  }));
}

function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function decimalText(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) && decimalInRange(text) ? text : undefined;
}
