// POST /subscriptions/{id}/renewals/preview.json: the next charge, priced by src/pricing from the
// subscription's stored product price, components (its own, or those the request lists, with their
// quantities) and coupons, for the period from the current period's start to the next billing date.
// Taxes: the site's flat rate (sandbox/tax.ts) on the product and taxable components, else uncalculated;
// credits and prepayments do not change the renewal total.
import { SandboxError, type RequestContext } from '../context.js';
import { recordById } from '../fields.js';
import { messages } from '../messages.js';
import { Decimal, minorUnitDigits, priceRenewal, roundToMinorUnit, taxOnLine, type ComponentLine, type CouponLine, type PricingScheme } from '../../../../pricing/index.js';
import type { StoredRecord, Store } from '../store.js';
import { findByField } from '../lookup.js';
import { taxRateFor } from '../tax.js';
import { previewComponents } from './renewal-preview-components.js';
import type { StoredSubscriptionComponent } from './subscription-view.js';

interface Bracket {
  starting_quantity: number;
  ending_quantity: number | null;
  unit_price: string;
}

export function previewRenewal({ store, params, site, body }: RequestContext): Record<string, unknown> {
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  const product = store.get('products', Number(subscription.product_id));
  if (!product) throw new SandboxError(404, [messages.recordNotFound('Product')]);
  const currency = String(subscription.currency ?? site.currency);
  const minor = new Decimal(10).pow(minorUnitDigits(currency));
  const point = store.get('product_price_points', Number(subscription.product_price_point_id));
  const productPrice = new Decimal(Number(point?.price_in_cents ?? subscription.product_price_in_cents ?? 0)).dividedBy(minor);

  const lines = previewComponents(store, subscription, body).map((line) => componentLine(store, line));
  const coupons = (Array.isArray(subscription.coupon_codes) ? subscription.coupon_codes : [])
    .map((code) => findByField(store, 'coupons', 'code', String(code)))
    .filter((coupon): coupon is StoredRecord => coupon !== undefined)
    .map((coupon) => {
      // A coupon restricted to some products or components discounts only those: not priced here.
      if (Array.isArray(coupon.coupon_restrictions) && coupon.coupon_restrictions.length > 0) {
        throw new SandboxError(501, [messages.notImplementedRestrictedCoupon(String(coupon.code))]);
      }
      return couponLine(coupon, minor);
    });
  const breakdown = priceRenewal({
    currency,
    productLabel: String(product.handle ?? product.name),
    productPrice,
    components: lines.map(({ line }) => line),
    coupons,
  });

  const cents = (amount: Decimal): number => roundToMinorUnit(amount, currency).times(minor).toNumber();
  const periodEnd = String(subscription.next_assessment_at ?? '').slice(0, 10);
  const periodStart = String(subscription.current_period_started_at ?? subscription.next_assessment_at ?? '').slice(0, 10);
  const customer = store.get('customers', Number(subscription.customer_id));
  const taxRate = site.tax === undefined ? undefined : (taxRateFor(site.tax, customer?.state) ?? new Decimal(0));
  const taxed: boolean[] = [];
  const lineItems: Array<Record<string, unknown>> = [];
  let componentIndex = 0;
  for (const line of breakdown.lines) {
    if (line.kind === 'discount') continue;
    const base = {
      transaction_type: 'charge',
      amount_in_cents: cents(line.amount),
      discount_amount_in_cents: 0,
      taxable_amount_in_cents: 0,
      product_id: product.id,
      product_handle: String(product.handle ?? ''),
      product_name: String(product.name),
      period_range_start: periodStart,
      period_range_end: periodEnd,
    };
    if (line.kind === 'product') {
      lineItems.push({ ...base, kind: 'baseline', memo: `${String(product.name)}` });
      // The sandbox cannot learn a product's taxability (no request schema carries it): a product is taxed.
      taxed.push(true);
    } else {
      const source = lines[componentIndex];
      componentIndex += 1;
      const component = source ? store.get('components', source.stored.component_id) : undefined;
      lineItems.push({
        ...base,
        kind: String(component?.kind ?? 'quantity_based_component'),
        memo: `${String(component?.name ?? line.label)}: ${line.quantity?.toString() ?? '0'} ${String(component?.unit_name ?? '')}`.trim(),
        component_id: component?.id ?? 0,
        component_handle: String(component?.handle ?? ''),
        component_name: String(component?.name ?? ''),
        price_point_id: source?.stored.price_point_id ?? 0,
      });
      taxed.push(component?.taxable === true);
    }
  }
  // The discount is spread over the charged lines in proportion, the last line taking the remainder.
  const discountCents = cents(breakdown.discount);
  const subtotalCents = lineItems.reduce((sum, item) => sum + Number(item.amount_in_cents), 0);
  let allocated = 0;
  lineItems.forEach((item, index) => {
    const share =
      index === lineItems.length - 1 || subtotalCents === 0
        ? discountCents - allocated
        : Math.round((discountCents * Number(item.amount_in_cents)) / subtotalCents);
    item.discount_amount_in_cents = share;
    allocated += share;
  });
  // Each taxed line's tax is rounded on its own (half up), as a site taxes line by line.
  let taxCents = 0;
  lineItems.forEach((item, index) => {
    if (taxRate === undefined || !taxed[index]) return;
    const taxable = Number(item.amount_in_cents) - Number(item.discount_amount_in_cents);
    item.taxable_amount_in_cents = taxable;
    taxCents += cents(taxOnLine(new Decimal(taxable).dividedBy(minor), taxRate, currency));
  });
  const totalCents = cents(breakdown.total) + taxCents;
  return {
    renewal_preview: {
      next_assessment_at: subscription.next_assessment_at,
      subtotal_in_cents: subtotalCents,
      total_tax_in_cents: taxCents,
      total_discount_in_cents: discountCents,
      total_in_cents: totalCents,
      existing_balance_in_cents: Number(subscription.balance_in_cents ?? 0),
      total_amount_due_in_cents: totalCents + Number(subscription.balance_in_cents ?? 0),
      uncalculated_taxes: taxRate === undefined,
      line_items: lineItems,
    },
  };
}

function componentLine(store: Store, stored: StoredSubscriptionComponent): { line: ComponentLine; stored: StoredSubscriptionComponent } {
  const component = store.get('components', stored.component_id);
  const point = store.get('component_price_points', stored.price_point_id);
  const kind = String(component?.kind ?? 'quantity_based_component').replace(/_component$/, '') as ComponentLine['kind'];
  const scheme = (stored.custom_price?.pricing_scheme ?? point?.pricing_scheme ?? 'per_unit') as PricingScheme;
  const brackets = (stored.custom_price?.prices ?? (point?.prices as unknown as Bracket[] | undefined) ?? []).map((bracket) => ({
    startingQuantity: new Decimal(bracket.starting_quantity),
    endingQuantity: bracket.ending_quantity === null ? null : new Decimal(bracket.ending_quantity),
    unitPrice: new Decimal(bracket.unit_price),
  }));
  const line: ComponentLine = {
    label: String(component?.handle ?? component?.name ?? stored.component_id),
    kind,
    scheme: kind === 'on_off' ? 'per_unit' : scheme,
    quantity: new Decimal(stored.quantity),
    ...(scheme === 'per_unit' || kind === 'on_off' ? { unitPrice: brackets[0]?.unitPrice ?? new Decimal(0) } : { brackets }),
  };
  return { line, stored };
}

function couponLine(coupon: StoredRecord, minor: Decimal): CouponLine {
  const percentage = coupon.percentage;
  return {
    code: String(coupon.code),
    stackable: coupon.stackable === true,
    ...(percentage !== null && percentage !== undefined
      ? { percentage: new Decimal(String(percentage)) }
      : { amount: new Decimal(Number(coupon.amount_in_cents ?? 0)).dividedBy(minor) }),
  };
}
