// A subscription's product, price point, coupons and components as Create Subscription attributes:
// components resolved to site ids and their quantity shaped for each component's kind.
import type { ComponentItem, SubscriptionItems } from '../../../plan/map/subscription-items.js';
import { columnsOfComponent } from '../../../plan/map/subscription-items.js';
import type { SourceRow } from '../../../plan/operation.js';
import { RowError } from '../../../plan/row-error.js';
import type { Resolver } from '../../target.js';
import { findOnSite, resolveId } from './lookup.js';
import { objectId } from './ids.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import { perTarget } from './per-target.js';
import { wirePrices } from './prices.js';

/** The product, price point, coupon and component attributes of the create-subscription payload. */
export async function itemAttributes(source: SourceRow, items: SubscriptionItems, target: AdvancedBillingApi, resolver: Resolver): Promise<JsonObject> {
  const components: JsonObject[] = [];
  for (const item of items.components) components.push(await componentAttributes(source, item, target, resolver));
  const productHandle = items.product.key;
  return {
    product_handle: productHandle,
    // The price point's key is `${product handle}/${its handle}`.
    ...(items.pricePoint ? { product_price_point_handle: items.pricePoint.key.slice(productHandle.length + 1) } : {}),
    ...(items.coupons.length > 0 ? { coupon_codes: items.coupons.map((coupon) => coupon.key) } : {}),
    ...(components.length > 0 ? { components } : {}),
  };
}

function kindOf(component: JsonObject | undefined): string | undefined {
  return typeof component?.kind === 'string' ? component.kind : undefined;
}

/** Kinds of the components a target created in this process: a subscription naming one needs no lookup of it. */
const createdKinds = perTarget<number, string>();

/** Remembers a created (or found) component's kind, from the site's answer (called by the component's create). */
export function rememberComponentKind(target: AdvancedBillingApi, component: JsonObject): void {
  const kind = kindOf(component);
  if (kind === undefined || typeof component.id !== 'number') return;
  createdKinds(target).set(component.id, kind);
}

const kindsById = new WeakMap<AdvancedBillingApi, Promise<Map<number, string | undefined>>>();

/** Kinds of the site's components by id, listed once per target: rows naming components by ID name existing ones. */
async function kindById(target: AdvancedBillingApi, componentId: number): Promise<string | undefined> {
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
async function componentAttributes(source: SourceRow, item: ComponentItem, target: AdvancedBillingApi, resolver: Resolver): Promise<JsonObject> {
  const columns = columnsOfComponent(item.index);
  const componentId = await resolveId(item.component, resolver);
  const kind = createdKinds(target).get(componentId) ?? ('ref' in item.component
    ? kindOf(((await resolver.object(item.component.ref)) as JsonObject | undefined) ?? (await findOnSite(target, item.component.ref)))
    : await kindById(target, componentId));
  const attrs: JsonObject = { component_id: componentId };
  if (item.pricePoint) attrs.price_point_id = await resolveId(item.pricePoint, resolver);
  if (kind === undefined) {
    throw new RowError(source, columns.component, `component ${'ref' in item.component ? `"${item.component.ref.key}"` : item.component.id} was not found on the site`);
  }
  if (kind === 'on_off_component') {
    attrs.enabled = item.quantity !== '0';
  } else if (kind === 'metered_component' || kind === 'event_based_component') {
    if (!/^\d+$/.test(item.quantity)) throw new RowError(source, columns.quantity, `${columns.quantity} must be a whole number for a metered or event-based component, got ${item.quantity}`);
    attrs.unit_balance = Number(item.quantity);
  } else {
    attrs.allocated_quantity = item.quantity;
  }
  if (item.customPrice !== undefined) {
    if (kind === 'on_off_component') {
      throw new RowError(source, columns.customPrice, 'custom prices are not supported on on/off components', 'Use a quantity-based component instead, as the template documentation says.');
    }
    delete attrs.price_point_id;
    attrs.custom_price = { pricing_scheme: 'per_unit', prices: wirePrices([{ startingQuantity: 1, unitPrice: item.customPrice }]) };
  }
  return attrs;
}
