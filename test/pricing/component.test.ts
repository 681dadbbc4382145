import { describe, expect, it } from 'vitest';
import { priceComponent, type ComponentLine, type PriceBracket } from '../../src/pricing/component.js';
import { Decimal } from '../../src/pricing/money.js';
import { PricingError } from '../../src/pricing/pricing-error.js';

const d = (value: string | number) => new Decimal(value);

/** Brackets as [start, end|null, price] triples, as the catalog templates list them. */
function brackets(...rows: Array<[number, number | null, string]>): PriceBracket[] {
  return rows.map(([start, end, price]) => ({ startingQuantity: d(start), endingQuantity: end === null ? null : d(end), unitPrice: d(price) }));
}

// 1–5 at 10, 6–10 at 8, 11+ at 5: the catalog's usual three brackets.
const THREE = brackets([1, 5, '10'], [6, 10, '8'], [11, null, '5']);
// The same brackets with a closed last ending.
const CLOSED = brackets([1, 5, '10'], [6, 10, '8'], [11, 20, '5']);

function line(scheme: ComponentLine['scheme'], quantity: string | number, extra: Partial<ComponentLine> = {}): ComponentLine {
  return { label: 'seats', kind: 'quantity_based', scheme, quantity: d(quantity), ...extra };
}

describe('priceComponent', () => {
  it.each([
    // per_unit
    { name: 'per_unit', input: line('per_unit', 3, { unitPrice: d('9.99') }), expected: '29.97' },
    { name: 'per_unit fractional quantity', input: line('per_unit', '2.5', { unitPrice: d('4') }), expected: '10' },
    { name: 'per_unit quantity 0', input: line('per_unit', 0, { unitPrice: d('4') }), expected: '0' },
    // on/off
    { name: 'on_off enabled', input: { label: 'support', kind: 'on_off', scheme: 'per_unit', quantity: d(1), unitPrice: d('49') } as ComponentLine, expected: '49' },
    { name: 'on_off disabled', input: { label: 'support', kind: 'on_off', scheme: 'per_unit', quantity: d(0), unitPrice: d('49') } as ComponentLine, expected: '0' },
    { name: 'on_off ignores a stray scheme', input: { label: 'support', kind: 'on_off', scheme: 'tiered', quantity: d(1), unitPrice: d('49') } as ComponentLine, expected: '49' },
    // volume: every unit at the bracket the quantity falls in
    { name: 'volume in first bracket', input: line('volume', 3, { brackets: THREE }), expected: '30' },
    { name: 'volume at a bracket end', input: line('volume', 5, { brackets: THREE }), expected: '50' },
    { name: 'volume at a bracket start', input: line('volume', 6, { brackets: THREE }), expected: '48' },
    { name: 'volume in open last bracket', input: line('volume', 100, { brackets: THREE }), expected: '500' },
    { name: 'volume beyond a closed last bracket → last bracket', input: line('volume', 25, { brackets: CLOSED }), expected: '125' },
    { name: 'volume fractional 5.5 reaches bracket 6–10', input: line('volume', '5.5', { brackets: THREE }), expected: '44' },
    { name: 'volume fractional 0.5 in first bracket', input: line('volume', '0.5', { brackets: THREE }), expected: '5' },
    // tiered: each unit at its own bracket
    { name: 'tiered in first bracket', input: line('tiered', 3, { brackets: THREE }), expected: '30' },
    { name: 'tiered across two brackets', input: line('tiered', 7, { brackets: THREE }), expected: '66' },
    { name: 'tiered across three brackets', input: line('tiered', 12, { brackets: THREE }), expected: '100' },
    { name: 'tiered beyond a closed last bracket → last bracket', input: line('tiered', 25, { brackets: CLOSED }), expected: '165' },
    { name: 'tiered fractional', input: line('tiered', '5.5', { brackets: THREE }), expected: '54' },
    // stairstep: the flat price of the bracket
    { name: 'stairstep in first bracket', input: line('stairstep', 1, { brackets: brackets([1, 5, '100'], [6, null, '150']) }), expected: '100' },
    { name: 'stairstep second bracket', input: line('stairstep', 6, { brackets: brackets([1, 5, '100'], [6, null, '150']) }), expected: '150' },
    { name: 'stairstep beyond closed last bracket', input: line('stairstep', 99, { brackets: brackets([1, 5, '100'], [6, 10, '150']) }), expected: '150' },
    { name: 'stairstep quantity 0 costs 0', input: line('stairstep', 0, { brackets: brackets([1, 5, '100']) }), expected: '0' },
    // brackets not starting at 1: quantities below the first start are priced by the first bracket
    { name: 'volume below a first bracket starting at 5', input: line('volume', 2, { brackets: brackets([5, 9, '3'], [10, null, '2']) }), expected: '6' },
    { name: 'tiered with a first bracket starting at 5', input: line('tiered', 12, { brackets: brackets([5, 9, '3'], [10, null, '2']) }), expected: '33' },
    { name: 'stairstep below first start', input: line('stairstep', 2, { brackets: brackets([5, 9, '30'], [10, null, '20']) }), expected: '30' },
    // brackets listed out of order are sorted by their starting quantity
    { name: 'unsorted brackets', input: line('tiered', 7, { brackets: [THREE[2], THREE[0], THREE[1]] }), expected: '66' },
    // a gap between brackets: units in the gap belong to the bracket before it
    { name: 'volume in a gap', input: line('volume', 7, { brackets: brackets([1, 5, '10'], [9, null, '1']) }), expected: '70' },
    // custom price replaces unit price and brackets
    { name: 'custom price over per_unit', input: line('per_unit', 3, { unitPrice: d('10'), customUnitPrice: d('1.5') }), expected: '4.5' },
    { name: 'custom price with 8 decimals', input: line('per_unit', 1000, { unitPrice: d('10'), customUnitPrice: d('0.12345678') }), expected: '123.45678' },
    { name: 'custom price over tiered brackets', input: line('tiered', 12, { brackets: THREE, customUnitPrice: d('0.00375') }), expected: '0.045' },
    { name: 'custom price 0', input: line('per_unit', 12, { unitPrice: d('3'), customUnitPrice: d('0') }), expected: '0' },
    // other kinds priced by their scheme at the quantity given
    { name: 'metered usage per_unit', input: { label: 'api-calls', kind: 'metered', scheme: 'per_unit', quantity: d(1500), unitPrice: d('0.002') } as ComponentLine, expected: '3' },
  ])('$name → $expected', ({ input, expected }) => {
    expect(priceComponent(input).toString()).toBe(expected);
  });

  it.each([
    { name: 'per_unit without a unit price', input: line('per_unit', 2), code: 'missing-unit-price' },
    { name: 'volume without brackets', input: line('volume', 2), code: 'missing-brackets' },
    { name: 'tiered with empty brackets', input: line('tiered', 2, { brackets: [] }), code: 'missing-brackets' },
    { name: 'negative quantity', input: line('per_unit', -1, { unitPrice: d(1) }), code: 'negative-quantity' },
    { name: 'negative unit price', input: line('per_unit', 2, { unitPrice: d(-1) }), code: 'negative-price' },
  ])('throws $code for $name', ({ input, code }) => {
    try {
      priceComponent(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PricingError);
      expect((error as PricingError).code).toBe(code);
    }
  });

  it('prices quantity 0 without needing prices', () => {
    expect(priceComponent(line('tiered', 0)).toString()).toBe('0');
  });
});
