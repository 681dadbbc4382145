// Finding objects on an Advanced Billing site by their natural key (handle, reference, code), and
// resolving the objects a cell names by site ID or by ref.
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import type { IdOrRef } from '../../../plan/map/refs.js';
import type { ObjectRef } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';

/** The site id of an object a ref names: Advanced Billing's ids are whole numbers, the neutral resolver's are text. */
export async function siteId(resolver: Resolver, ref: ObjectRef): Promise<number> {
  return Number(await resolver.id(ref));
}

export function resolveId(item: IdOrRef, resolver: Resolver): Promise<number> {
  return 'id' in item ? Promise.resolve(item.id) : siteId(resolver, item.ref);
}

/**
 * The object a ref names if it is already on the site, found by its natural key (handle,
 * reference, code). Objects without one (payment profiles, credits, prepayments, invoices, and
 * subscriptions keyed without a reference) are found by their own handler's `find`, not here.
 */
export async function findOnSite(target: AdvancedBillingApi, ref: ObjectRef): Promise<JsonObject | undefined> {
  switch (ref.type) {
    case 'product_family':
      return (await target.findProductFamilyByHandle(ref.key)) ?? (await firstMatch(target.listProductFamilies(), (family) => family.name === ref.key));
    case 'product':
      return target.findProductByHandle(ref.key);
    case 'product_price_point': {
      const [productHandle, handle] = splitChildKey(ref.key);
      const product = await target.findProductByHandle(productHandle);
      return product ? firstMatch(target.listProductPricePoints(Number(product.id)), (pp) => pp.handle === handle) : undefined;
    }
    case 'component':
      return target.findComponentByHandle(ref.key);
    case 'component_price_point': {
      const [componentHandle, handle] = splitChildKey(ref.key);
      const component = await target.findComponentByHandle(componentHandle);
      return component ? firstMatch(target.listComponentPricePoints(Number(component.id)), (pp) => pp.handle === handle) : undefined;
    }
    case 'coupon':
      return target.findCouponByCode(ref.key);
    case 'customer':
      return target.findCustomerByReference(ref.key);
    case 'subscription':
      return ref.key.includes('/') ? undefined : target.findSubscriptionByReference(ref.key);
    default:
      return undefined;
  }
}

function splitChildKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return slash < 0 ? [key, ''] : [key.slice(0, slash), key.slice(slash + 1)];
}

export async function firstMatch(items: AsyncIterable<JsonObject>, predicate: (item: JsonObject) => boolean): Promise<JsonObject | undefined> {
  for await (const item of items) if (predicate(item)) return item;
  return undefined;
}

const ALL_DIGITS = /^\d+$/;

/**
 * The object a ref names: by the id this run or the journal knows (customers, subscriptions and
 * invoices can be read by id), else by its natural key; an all-digit key that is no handle or
 * reference may be the object's site id.
 */
export async function lookupObject(api: AdvancedBillingApi, ref: ObjectRef, knownId?: string): Promise<JsonObject | undefined> {
  if (knownId !== undefined) {
    if (ref.type === 'customer') return api.readCustomer(Number(knownId));
    if (ref.type === 'subscription') return api.readSubscription(Number(knownId));
    if (ref.type === 'invoice') return api.readInvoice(String(knownId));
  }
  const found = await findOnSite(api, ref);
  if (found || !ALL_DIGITS.test(ref.key)) return found;
  if (ref.type === 'customer') return api.readCustomer(Number(ref.key));
  if (ref.type === 'subscription') return api.readSubscription(Number(ref.key));
  return undefined;
}

/** The site id of what `lookupObject` found; a ref whose object was not found may name it by its all-digit site id. */
export function idOfObject(ref: ObjectRef, object: JsonObject | undefined): string | undefined {
  if (object && typeof object.id === 'number') return String(object.id);
  return ALL_DIGITS.test(ref.key) ? String(Number(ref.key)) : undefined;
}
