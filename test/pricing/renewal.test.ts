import { describe, expect, it } from 'vitest';
import type { ComponentLine } from '../../src/pricing/component.js';
import { Decimal, formatMoney } from '../../src/pricing/money.js';
import { PricingError } from '../../src/pricing/pricing-error.js';
import { priceRenewal, type CouponLine, type RenewalInput } from '../../src/pricing/renewal.js';

const d = (value: string | number) => new Decimal(value);
const seats = (quantity: string | number, unitPrice = '10'): ComponentLine => ({
  label: 'seats', kind: 'quantity_based', scheme: 'per_unit', quantity: d(quantity), unitPrice: d(unitPrice),
});
const pct = (code: string, percentage: string, stackable = true): CouponLine => ({ code, percentage: d(percentage), stackable });
const flat = (code: string, amount: string, stackable = true): CouponLine => ({ code, amount: d(amount), stackable });

function renewal(overrides: Partial<RenewalInput>): RenewalInput {
  return { currency: 'USD', productLabel: 'pro', productPrice: d('100'), components: [], coupons: [], ...overrides };
}

describe('priceRenewal', () => {
  it.each([
    { name: 'product only', input: renewal({}), subtotal: '100', discount: '0', total: '100' },
    { name: 'product + components', input: renewal({ components: [seats(3), seats(0)] }), subtotal: '130', discount: '0', total: '130' },
    { name: 'percentage coupon', input: renewal({ coupons: [pct('TEN', '10')] }), subtotal: '100', discount: '10', total: '90' },
    { name: '100% coupon', input: renewal({ components: [seats(2)], coupons: [pct('FREE', '100')] }), subtotal: '120', discount: '120', total: '0' },
    { name: 'flat coupon', input: renewal({ coupons: [flat('FIVE', '5.50')] }), subtotal: '100', discount: '5.5', total: '94.5' },
    { name: 'flat coupon larger than subtotal', input: renewal({ coupons: [flat('BIG', '250')] }), subtotal: '100', discount: '100', total: '0' },
    { name: 'stackable coupons apply in order to what remains', input: renewal({ coupons: [pct('TEN', '10'), flat('FIVE', '5')] }), subtotal: '100', discount: '15', total: '85' },
    { name: 'order matters: flat then percentage', input: renewal({ coupons: [flat('FIVE', '5'), pct('TEN', '10')] }), subtotal: '100', discount: '14.5', total: '85.5' },
    { name: 'two percentages compound', input: renewal({ coupons: [pct('A', '50'), pct('B', '50')] }), subtotal: '100', discount: '75', total: '25' },
    { name: 'coupon after a 100% coupon takes nothing', input: renewal({ coupons: [pct('FREE', '100'), flat('FIVE', '5')] }), subtotal: '100', discount: '100', total: '0' },
    { name: 'rounds once at the end (USD .5 → up)', input: renewal({ productPrice: d('0'), components: [seats(1, '0.125')] }), subtotal: '0.125', discount: '0', total: '0.13' },
    { name: 'no intermediate rounding', input: renewal({ productPrice: d('0'), components: [seats(1, '0.004'), seats(1, '0.004')] }), subtotal: '0.008', discount: '0', total: '0.01' },
    { name: 'JPY .5 rounds away from zero', input: renewal({ currency: 'JPY', productPrice: d('1000'), coupons: [pct('P', '0.05')] }), subtotal: '1000', discount: '0.5', total: '1000' },
    { name: 'JPY 2.5 → 3', input: renewal({ currency: 'JPY', productPrice: d('2.5') }), subtotal: '2.5', discount: '0', total: '3' },
    { name: 'BHD keeps three decimals', input: renewal({ currency: 'BHD', productPrice: d('10.0005') }), subtotal: '10.0005', discount: '0', total: '10.001' },
    { name: 'custom price with 8 decimals', input: renewal({ productPrice: d('0'), components: [{ ...seats(3), customUnitPrice: d('0.33333333') }] }), subtotal: '0.99999999', discount: '0', total: '1' },
    { name: 'percentage coupon on a third', input: renewal({ productPrice: d('10'), coupons: [pct('THIRD', '33.333')] }), subtotal: '10', discount: '3.3333', total: '6.67' },
  ])('$name', ({ input, subtotal, discount, total }) => {
    const result = priceRenewal(input);
    expect(result.subtotal.toString()).toBe(subtotal);
    expect(result.discount.toString()).toBe(discount);
    expect(result.total.toString()).toBe(total);
    expect(result.taxes).toBe('uncalculated');
  });

  it('explains the renewal line by line, discounts negative', () => {
    const result = priceRenewal(renewal({ components: [seats(3)], coupons: [pct('TEN', '10')] }));
    expect(result.lines.map((line) => [line.kind, line.label, line.amount.toString(), line.quantity?.toString()])).toEqual([
      ['product', 'pro', '100', undefined],
      ['component', 'seats', '30', '3'],
      ['discount', 'TEN', '-13', undefined],
    ]);
    expect(result.currency).toBe('USD');
    expect(formatMoney(result.total, result.currency)).toBe('117.00');
  });

  it.each([
    { name: 'non-stackable after a stackable one is skipped', coupons: [pct('A', '10'), pct('B', '10', false)], applied: ['A'], skipped: [{ code: 'B', reason: 'not-stackable' }], total: '90' },
    { name: 'stackable after a non-stackable first is skipped', coupons: [pct('A', '10', false), pct('B', '10')], applied: ['A'], skipped: [{ code: 'B', reason: 'after-non-stackable' }], total: '90' },
    { name: 'two non-stackable: only the first applies', coupons: [flat('A', '5', false), flat('B', '7', false)], applied: ['A'], skipped: [{ code: 'B', reason: 'not-stackable' }], total: '95' },
    { name: 'one non-stackable alone applies', coupons: [pct('A', '20', false)], applied: ['A'], skipped: [], total: '80' },
    { name: 'all stackable apply', coupons: [pct('A', '10'), pct('B', '10'), flat('C', '1')], applied: ['A', 'B', 'C'], skipped: [], total: '80' },
  ])('stacking: $name', ({ coupons, applied, skipped, total }) => {
    const result = priceRenewal(renewal({ coupons }));
    expect(result.lines.filter((line) => line.kind === 'discount').map((line) => line.label)).toEqual(applied);
    expect(result.skippedCoupons).toEqual(skipped);
    expect(result.total.toString()).toBe(total);
  });

  it.each([
    { name: 'both percentage and amount', coupon: { code: 'X', percentage: d(10), amount: d(5), stackable: true } },
    { name: 'neither percentage nor amount', coupon: { code: 'X', stackable: true } },
    { name: 'percentage above 100', coupon: pct('X', '101') },
    { name: 'negative percentage', coupon: pct('X', '-1') },
    { name: 'negative amount', coupon: flat('X', '-1') },
  ])('rejects a coupon with $name', ({ coupon }) => {
    expect(() => priceRenewal(renewal({ coupons: [coupon] }))).toThrow(PricingError);
  });

  it('rejects a negative product price and an unknown currency', () => {
    expect(() => priceRenewal(renewal({ productPrice: d('-1') }))).toThrow(/negative price/);
    expect(() => priceRenewal(renewal({ currency: 'ZZZ' }))).toThrow(/ISO 4217/);
  });
});
