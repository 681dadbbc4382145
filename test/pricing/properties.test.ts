// Properties of the pricing math over generated inputs (fast-check): invariants, not examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceComponent, type ComponentLine, type PriceBracket } from '../../src/pricing/component.js';
import { Decimal } from '../../src/pricing/money.js';
import { priceRenewal, type CouponLine } from '../../src/pricing/renewal.js';

/** A non-negative decimal with up to `scale` places, generated as an integer of minor units. */
const amount = (scale = 2, max = 1_000_000) => fc.integer({ min: 0, max }).map((n) => new Decimal(n).dividedBy(new Decimal(10).pow(scale)));
const quantity = fc.oneof(fc.integer({ min: 0, max: 500 }).map((n) => new Decimal(n)), amount(3, 500_000));

/** Contiguous well-formed brackets 1–a, a+1–b, …, last open. */
const bracketsArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 50 }), amount(4, 100_000)), { minLength: 1, maxLength: 5 })
  .map((parts) => {
    let start = 1;
    return parts.map(([width, price], index): PriceBracket => {
      const last = index === parts.length - 1;
      const bracket = { startingQuantity: new Decimal(start), endingQuantity: last ? null : new Decimal(start + width - 1), unitPrice: price };
      start += width;
      return bracket;
    });
  });

const couponArb: fc.Arbitrary<CouponLine> = fc.oneof(
  fc.record({ code: fc.constantFrom('A', 'B', 'C'), percentage: fc.integer({ min: 0, max: 100 }).map((n) => new Decimal(n)), stackable: fc.boolean() }),
  fc.record({ code: fc.constantFrom('D', 'E'), amount: amount(2, 50_000), stackable: fc.boolean() }),
);

const componentArb: fc.Arbitrary<ComponentLine> = fc.oneof(
  fc.record({ label: fc.constant('u'), kind: fc.constant('quantity_based' as const), scheme: fc.constant('per_unit' as const), quantity, unitPrice: amount(4) }),
  fc.record({ label: fc.constant('b'), kind: fc.constant('quantity_based' as const), scheme: fc.constantFrom('volume' as const, 'tiered' as const, 'stairstep' as const), quantity, brackets: bracketsArb }),
  fc.record({ label: fc.constant('o'), kind: fc.constant('on_off' as const), scheme: fc.constant('per_unit' as const), quantity: fc.constantFrom(new Decimal(0), new Decimal(1)), unitPrice: amount(2) }),
);

const currency = fc.constantFrom('USD', 'JPY', 'BHD', 'EUR');

describe('pricing properties', () => {
  it('a renewal total is never negative, never above the subtotal rounded, and has the minor unit\'s scale', () => {
    fc.assert(
      fc.property(currency, amount(2), fc.array(componentArb, { maxLength: 4 }), fc.array(couponArb, { maxLength: 4 }), (cur, price, components, coupons) => {
        const result = priceRenewal({ currency: cur, productLabel: 'p', productPrice: price, components, coupons });
        const digits = { USD: 2, JPY: 0, BHD: 3, EUR: 2 }[cur] ?? 2;
        expect(result.total.isNegative() && !result.total.isZero()).toBe(false);
        expect(result.total.lessThanOrEqualTo(result.subtotal.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(result.total.decimalPlaces()).toBeLessThanOrEqual(digits);
        expect(result.discount.lessThanOrEqualTo(result.subtotal)).toBe(true);
        const lineSum = result.lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
        expect(lineSum.equals(result.subtotal.minus(result.discount))).toBe(true);
      }),
    );
  });

  it('tiered, volume and per_unit agree when there is one open bracket', () => {
    fc.assert(
      fc.property(quantity, amount(4), (q, price) => {
        const brackets = [{ startingQuantity: new Decimal(1), endingQuantity: null, unitPrice: price }];
        const perUnit = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'per_unit', quantity: q, unitPrice: price });
        const tiered = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'tiered', quantity: q, brackets });
        const volume = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'volume', quantity: q, brackets });
        expect(tiered.equals(perUnit)).toBe(true);
        expect(volume.equals(perUnit)).toBe(true);
      }),
    );
  });

  it('with falling bracket prices, volume never costs more than tiered', () => {
    const falling = bracketsArb.map((brackets) => {
      const prices = brackets.map((b) => b.unitPrice).sort((a, b) => b.comparedTo(a));
      return brackets.map((b, i) => ({ ...b, unitPrice: prices[i] }));
    });
    fc.assert(
      fc.property(quantity, falling, (q, brackets) => {
        const tiered = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'tiered', quantity: q, brackets });
        const volume = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'volume', quantity: q, brackets });
        expect(volume.lessThanOrEqualTo(tiered)).toBe(true);
      }),
    );
  });

  it('tiered price never falls as the quantity grows; a custom price is exactly quantity × price', () => {
    fc.assert(
      fc.property(quantity, quantity, bracketsArb, amount(8, 10_000_000), (a, b, brackets, custom) => {
        const [low, high] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const at = (q: Decimal) => priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'tiered', quantity: q, brackets });
        expect(at(low).lessThanOrEqualTo(at(high))).toBe(true);
        const customised = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'stairstep', quantity: a, brackets, customUnitPrice: custom });
        expect(customised.equals(a.times(custom))).toBe(true);
      }),
    );
  });

  it('stairstep is the flat price of one of the brackets, and 0 at quantity 0', () => {
    fc.assert(
      fc.property(quantity, bracketsArb, (q, brackets) => {
        const price = priceComponent({ label: 'x', kind: 'quantity_based', scheme: 'stairstep', quantity: q, brackets });
        if (q.isZero()) expect(price.isZero()).toBe(true);
        else expect(brackets.some((b) => b.unitPrice.equals(price))).toBe(true);
      }),
    );
  });
});
