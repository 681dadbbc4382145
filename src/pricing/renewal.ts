// The expected amount of a subscription's next renewal: product price + components, less coupons,
// rounded once at the end. Shared by the sandbox's renewal preview and `validate --preview`/`compare`.
import { priceComponent, type ComponentLine } from './component.js';
import { Decimal, roundToMinorUnit } from './money.js';
import { PricingError } from './pricing-error.js';

export interface CouponLine {
  code: string;
  /** 0–100; exactly one of percentage and amount. */
  percentage?: Decimal;
  /** A flat amount in the subscription's currency. */
  amount?: Decimal;
  stackable: boolean;
}

export interface RenewalInput {
  currency: string;
  productLabel: string;
  productPrice: Decimal;
  components: ComponentLine[];
  coupons: CouponLine[];
}

export interface RenewalLine {
  kind: 'product' | 'component' | 'discount';
  label: string;
  /** Exact (unrounded); discounts are negative. */
  amount: Decimal;
  quantity?: Decimal;
}

/** A coupon listed on the subscription that the stacking rules leave out of the renewal. */
export interface SkippedCoupon {
  code: string;
  reason: 'not-stackable' | 'after-non-stackable';
}

export interface RenewalBreakdown {
  currency: string;
  lines: RenewalLine[];
  /** Exact sum of product and components. */
  subtotal: Decimal;
  /** Exact sum of the applied coupons (positive). */
  discount: Decimal;
  /** subtotal − discount, rounded half away from zero to the currency's minor unit. */
  total: Decimal;
  skippedCoupons: SkippedCoupon[];
  /** Taxes are not computed; credits and prepayments do not change the renewal total. */
  taxes: 'uncalculated';
}

/**
 * Prices a renewal. Coupons apply in the order listed, each to what remains: percentage = remaining × p / 100,
 * flat = min(amount, remaining). The first coupon always applies; a later one applies only if it and every
 * coupon applied before it are stackable — the others are returned in `skippedCoupons` (validation and
 * import report them), as the target refuses to combine a non-stackable coupon with any other.
 */
export function priceRenewal(input: RenewalInput): RenewalBreakdown {
  if (new Decimal(input.productPrice).isNegative() && !new Decimal(input.productPrice).isZero()) {
    throw new PricingError('negative-price', `product ${input.productLabel} has a negative price ${input.productPrice.toString()}`, input.productPrice.toString());
  }
  const lines: RenewalLine[] = [{ kind: 'product', label: input.productLabel, amount: new Decimal(input.productPrice) }];
  for (const component of input.components) {
    lines.push({ kind: 'component', label: component.label, amount: priceComponent(component), quantity: new Decimal(component.quantity) });
  }
  const subtotal = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));

  let remaining = subtotal;
  const skippedCoupons: SkippedCoupon[] = [];
  let appliedCount = 0;
  let allAppliedStackable = true;
  for (const coupon of input.coupons) {
    checkCoupon(coupon);
    if (appliedCount > 0 && !(coupon.stackable && allAppliedStackable)) {
      skippedCoupons.push({ code: coupon.code, reason: coupon.stackable ? 'after-non-stackable' : 'not-stackable' });
      continue;
    }
    const off = couponDiscount(coupon, remaining);
    lines.push({ kind: 'discount', label: coupon.code, amount: off.negated() });
    remaining = remaining.minus(off);
    appliedCount += 1;
    allAppliedStackable &&= coupon.stackable;
  }

  return {
    currency: input.currency,
    lines,
    subtotal,
    discount: subtotal.minus(remaining),
    total: roundToMinorUnit(remaining, input.currency),
    skippedCoupons,
    taxes: 'uncalculated',
  };
}

function couponDiscount(coupon: CouponLine, remaining: Decimal): Decimal {
  if (remaining.lessThanOrEqualTo(0)) return new Decimal(0);
  if (coupon.percentage !== undefined) return remaining.times(coupon.percentage).dividedBy(100);
  return Decimal.min(new Decimal(coupon.amount ?? 0), remaining);
}

function checkCoupon(coupon: CouponLine): void {
  const { code, percentage, amount } = coupon;
  if ((percentage === undefined) === (amount === undefined)) {
    throw new PricingError('invalid-coupon', `coupon ${code} needs exactly one of a percentage and a flat amount`, code);
  }
  if (percentage !== undefined && (new Decimal(percentage).isNegative() || new Decimal(percentage).greaterThan(100))) {
    throw new PricingError('invalid-coupon', `coupon ${code} has percentage ${percentage.toString()}, outside 0–100`, percentage.toString());
  }
  if (amount !== undefined && new Decimal(amount).isNegative() && !new Decimal(amount).isZero()) {
    throw new PricingError('invalid-coupon', `coupon ${code} has a negative amount ${amount.toString()}`, amount.toString());
  }
}
