// What a subscription row buys: product and price point, coupon codes, and the repeating component
// groups (`component_N`, `componentPricepoint_N`, `componentQuantity_N`, `componentCustomPrice_N`).
import type { ObjectRef, SourceRow } from '../operation.js';
import { childKey, idOrRef, refsOf, type IdOrRef } from './refs.js';
import { cell, groupIndices, money, requiredCell } from './cells.js';

/** One component the subscription is assigned, by site ID or by handle. */
export type ComponentItem = {
  /** N of the row's `component_N` group (which cells a message names). */
  index: number;
  component: IdOrRef;
  pricePoint?: IdOrRef;
  /** A decimal string; how it is applied (allocated, metered balance, on/off) depends on the component's kind. */
  quantity: string;
  /** Per-unit price for this subscription only (custom-pricing templates). */
  customPrice?: string;
};

export type SubscriptionItems = {
  /** Keyed by handle. */
  product: ObjectRef;
  /** Keyed `${product handle}/${price point handle}`. */
  pricePoint?: ObjectRef;
  /** Keyed by code. */
  coupons: ObjectRef[];
  components: ComponentItem[];
};

/** The cells of component group N, for messages. */
export function columnsOfComponent(index: number): { component: string; pricePoint: string; quantity: string; customPrice: string } {
  return {
    component: `component_${index}`,
    pricePoint: `componentPricepoint_${index}`,
    quantity: `componentQuantity_${index}`,
    customPrice: `componentCustomPrice_${index}`,
  };
}

export function subscriptionItemsOf(row: SourceRow, customPricing: boolean): SubscriptionItems {
  const productHandle = requiredCell(row, 'product_handle');
  const pricePointHandle = cell(row, 'product_price_point_handle');

  const coupons: ObjectRef[] = [];
  for (const n of groupIndices(row, 'coupon_code_')) {
    const code = cell(row, `coupon_code_${n}`);
    if (code !== undefined) coupons.push({ type: 'coupon', key: code });
  }

  const components: ComponentItem[] = [];
  for (const n of groupIndices(row, 'component_')) {
    const columns = columnsOfComponent(n);
    const handle = cell(row, columns.component);
    const quantity = money(row, columns.quantity);
    // The document: a blank quantity means the subscription is not assigned the component.
    if (handle === undefined || quantity === undefined) continue;
    const pricePointCell = cell(row, columns.pricePoint);
    const customPrice = customPricing ? money(row, columns.customPrice) : undefined;
    components.push({
      index: n,
      component: idOrRef('component', handle),
      ...(pricePointCell === undefined ? {} : {
        pricePoint: /^\d+$/.test(pricePointCell) ? { id: Number(pricePointCell) } : { ref: { type: 'component_price_point', key: childKey(handle, pricePointCell) } },
      }),
      quantity: quantity.toString(),
      ...(customPrice === undefined ? {} : { customPrice: customPrice.toString() }),
    });
  }

  return {
    product: { type: 'product', key: productHandle },
    ...(pricePointHandle ? { pricePoint: { type: 'product_price_point', key: childKey(productHandle, pricePointHandle) } } : {}),
    coupons,
    components,
  };
}

/** The objects the items name that must exist first (site IDs need no ordering: they exist already). */
export function itemRefs(items: SubscriptionItems): ObjectRef[] {
  return [
    items.product,
    ...(items.pricePoint ? [items.pricePoint] : []),
    ...items.coupons,
    ...refsOf(items.components.flatMap((item) => [item.component, item.pricePoint])),
  ];
}
