// What a subscription row of a template says it buys: currency, product and price point, coupons, and
// the component groups with quantities and custom prices — the template side of every explanation.
import { cell, groupIndices } from '../plan/map/cells.js';
import type { SourceRow } from '../plan/operation.js';
import { readMoney, type Decimal } from '../pricing/index.js';

export interface ComparedComponent {
  handle: string;
  pricePoint?: string;
  quantity: Decimal;
  customPrice?: Decimal;
}

export interface SubscriptionFacts {
  currency?: string;
  productHandle?: string;
  pricePointHandle?: string;
  couponCodes: string[];
  components: ComparedComponent[];
}

/** A readable amount cell, or undefined when blank or not an amount (validation reports those). */
export function amountOf(row: SourceRow, column: string): Decimal | undefined {
  const text = cell(row, column);
  if (text === undefined) return undefined;
  const read = readMoney(text);
  return read.ok ? read.value : undefined;
}

/** The row's purchase as the template states it; unreadable amounts are left out (validation reports them). */
export function subscriptionFactsOf(row: SourceRow): SubscriptionFacts {
  const couponCodes = groupIndices(row, 'coupon_code_')
    .map((n) => cell(row, `coupon_code_${n}`))
    .filter((code): code is string => code !== undefined);
  const components: ComparedComponent[] = [];
  for (const n of groupIndices(row, 'component_')) {
    const handle = cell(row, `component_${n}`);
    const quantity = amountOf(row, `componentQuantity_${n}`);
    // The document: a blank quantity means the subscription is not assigned the component.
    if (handle === undefined || quantity === undefined) continue;
    const pricePoint = cell(row, `componentPricepoint_${n}`);
    const customPrice = amountOf(row, `componentCustomPrice_${n}`);
    components.push({
      handle,
      quantity,
      ...(pricePoint !== undefined ? { pricePoint } : {}),
      ...(customPrice !== undefined ? { customPrice } : {}),
    });
  }
  const currency = cell(row, 'currency')?.toUpperCase();
  const productHandle = cell(row, 'product_handle');
  const pricePointHandle = cell(row, 'product_price_point_handle');
  return {
    couponCodes,
    components,
    ...(currency !== undefined ? { currency } : {}),
    ...(productHandle !== undefined ? { productHandle } : {}),
    ...(pricePointHandle !== undefined ? { pricePointHandle } : {}),
  };
}
