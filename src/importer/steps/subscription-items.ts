// What a subscription row buys: product and price point, coupon codes, and the repeating
// component groups (`component_N`, `componentPricepoint_N`, `componentQuantity_N`,
// `componentCustomPrice_N`), resolved to site ids and shaped for each component's kind.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ObjectRef, Resolver, SourceRow } from '../types.js';
import { cell, groupIndices, money, requiredCell } from '../../plan/map/cells.js';
import { childKey, findOnSite, idOrRef, refsOf, resolveId, type IdOrRef } from './refs.js';
import { RowError } from '../../plan/row-error.js';
import { objectId } from './step.js';

interface ComponentItem {
  n: number;
  component: IdOrRef;
  pricePoint?: IdOrRef;
  quantity: string;
  customPrice?: string;
}

interface SubscriptionItems {
  productHandle: string;
  pricePointHandle?: string;
  couponCodes: string[];
  components: ComponentItem[];
  refs: ObjectRef[];
}

export function subscriptionItems(row: SourceRow, customPricing: boolean): SubscriptionItems {
  const productHandle = requiredCell(row, 'product_handle');
  const pricePointHandle = cell(row, 'product_price_point_handle');

  const couponCodes: string[] = [];
  for (const n of groupIndices(row, 'coupon_code_')) {
    const code = cell(row, `coupon_code_${n}`);
    if (code !== undefined) couponCodes.push(code);
  }

  const components: ComponentItem[] = [];
  for (const n of groupIndices(row, 'component_')) {
    const handle = cell(row, `component_${n}`);
    const quantity = money(row, `componentQuantity_${n}`);
    // The document: a blank quantity means the subscription is not assigned the component.
    if (handle === undefined || quantity === undefined) continue;
    const pricePointCell = cell(row, `componentPricepoint_${n}`);
    const customPrice = customPricing ? money(row, `componentCustomPrice_${n}`) : undefined;
    components.push({
      n,
      component: idOrRef('component', handle),
      pricePoint: pricePointCell === undefined ? undefined : /^\d+$/.test(pricePointCell)
        ? { id: Number(pricePointCell) }
        : { ref: { type: 'component_price_point', key: childKey(handle, pricePointCell) } },
      quantity: quantity.toString(),
      customPrice: customPrice?.toString(),
    });
  }

  const refs: ObjectRef[] = [
    { type: 'product', key: productHandle },
    ...(pricePointHandle ? [{ type: 'product_price_point' as const, key: childKey(productHandle, pricePointHandle) }] : []),
    ...couponCodes.map((code) => ({ type: 'coupon' as const, key: code })),
    ...refsOf(components.flatMap((item) => [item.component, item.pricePoint])),
  ];
  return { productHandle, pricePointHandle, couponCodes, components, refs };
}

/** The product, price point, coupon and component attributes of the create-subscription payload. */
export async function itemAttributes(row: SourceRow, items: SubscriptionItems, target: Target, resolver: Resolver): Promise<JsonObject> {
  const components: JsonObject[] = [];
  for (const item of items.components) components.push(await componentAttributes(row, item, target, resolver));
  return {
    product_handle: items.productHandle,
    ...(items.pricePointHandle ? { product_price_point_handle: items.pricePointHandle } : {}),
    ...(items.couponCodes.length > 0 ? { coupon_codes: items.couponCodes } : {}),
    ...(components.length > 0 ? { components } : {}),
  };
}

function kindOf(component: JsonObject | undefined): string | undefined {
  return typeof component?.kind === 'string' ? component.kind : undefined;
}

const kindsById = new WeakMap<Target, Promise<Map<number, string | undefined>>>();

/** Kinds of the site's components by id, listed once per target: rows naming components by ID name existing ones. */
async function kindById(target: Target, componentId: number): Promise<string | undefined> {
  let kinds = kindsById.get(target);
  if (!kinds) {
    kinds = (async () => {
      const map = new Map<number, string | undefined>();
      for await (const component of target.listComponents()) map.set(objectId(component), kindOf(component));
      return map;
    })();
    kindsById.set(target, kinds);
    kinds.catch(() => kindsById.delete(target));
  }
  return (await kinds).get(componentId);
}

/** Quantity as the component's kind takes it: allocated, metered balance, or on/off. */
async function componentAttributes(row: SourceRow, item: ComponentItem, target: Target, resolver: Resolver): Promise<JsonObject> {
  const componentId = await resolveId(item.component, resolver);
  const kind = 'ref' in item.component
    ? kindOf((await resolver.object?.(item.component.ref)) ?? (await findOnSite(target, item.component.ref)))
    : await kindById(target, componentId);
  const attrs: JsonObject = { component_id: componentId };
  if (item.pricePoint) attrs.price_point_id = await resolveId(item.pricePoint, resolver);
  const column = `componentQuantity_${item.n}`;
  if (kind === undefined) {
    throw new RowError(row, `component_${item.n}`, `component ${'ref' in item.component ? `"${item.component.ref.key}"` : item.component.id} was not found on the site`);
  }
  if (kind === 'on_off_component') {
    attrs.enabled = item.quantity !== '0';
  } else if (kind === 'metered_component' || kind === 'event_based_component') {
    if (!/^\d+$/.test(item.quantity)) throw new RowError(row, column, `${column} must be a whole number for a metered or event-based component, got ${item.quantity}`);
    attrs.unit_balance = Number(item.quantity);
  } else {
    attrs.allocated_quantity = item.quantity;
  }
  if (item.customPrice !== undefined) {
    if (kind === 'on_off_component') {
      throw new RowError(row, `componentCustomPrice_${item.n}`, 'custom prices are not supported on on/off components', 'Use a quantity-based component instead, as the template documentation says.');
    }
    delete attrs.price_point_id;
    attrs.custom_price = { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: item.customPrice }] };
  }
  return attrs;
}
