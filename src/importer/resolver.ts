// Turns object refs (handles, references, codes) into site ids: objects created earlier in this run,
// then objects the journal recorded for this site, then the site itself; all-digit keys may be ids.
import type { JsonObject, Target } from '../target/types.js';
import type { Journal } from '../state/journal.js';
import type { ObjectRef, Resolver, StepOutcome } from './types.js';
import { refKey } from './plan.js';

/** A row-level failure that is not the API's: a ref that names nothing. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}

const ALL_DIGITS = /^\d+$/;

/** Splits a price point key `<parent handle>:<price point handle>` (or with `/`) into its parts. */
function splitPricePointKey(key: string): { parent: string; handle: string } | undefined {
  const at = Math.max(key.lastIndexOf(':'), key.lastIndexOf('/'));
  if (at <= 0) return undefined;
  return { parent: key.slice(0, at), handle: key.slice(at + 1) };
}

async function firstMatching(items: AsyncIterable<JsonObject>, test: (item: JsonObject) => boolean): Promise<JsonObject | undefined> {
  for await (const item of items) if (test(item)) return item;
  return undefined;
}

export class ImportResolver implements Resolver {
  private readonly created = new Map<string, number | string>();
  private readonly lookups = new Map<string, Promise<JsonObject | undefined>>();

  constructor(
    private readonly target: Target,
    private readonly journal?: Journal,
  ) {}

  /** Records an object created (or found) in this run, so dependants resolve it without a request. */
  remember(ref: ObjectRef, outcome: StepOutcome): void {
    this.created.set(refKey(ref), outcome.id);
  }

  async id(ref: ObjectRef): Promise<number> {
    const key = refKey(ref);
    const known = this.created.get(key) ?? this.journaledId(ref);
    if (known !== undefined && typeof known === 'number') return known;
    if (known !== undefined && ALL_DIGITS.test(String(known))) return Number(known);
    const object = await this.object(ref);
    if (object && typeof object.id === 'number') return object.id;
    if (ALL_DIGITS.test(ref.key)) return Number(ref.key);
    throw new RowError(`${describeRef(ref)} was not found on the site or in this import.`);
  }

  /** The site object for a ref, looked up once per run; undefined when the site has none. */
  object(ref: ObjectRef): Promise<JsonObject | undefined> {
    const key = refKey(ref);
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.lookupOnSite(ref);
      this.lookups.set(key, lookup);
      // A failed request must not poison the cache: the next caller asks again.
      lookup.catch(() => this.lookups.delete(key));
    }
    return lookup;
  }

  private journaledId(ref: ObjectRef): number | string | undefined {
    const object = this.journal?.objects().get(refKey(ref));
    return object?.state === 'done' ? object.id : undefined;
  }

  private async lookupOnSite(ref: ObjectRef): Promise<JsonObject | undefined> {
    const { target } = this;
    const known = this.created.get(refKey(ref)) ?? this.journaledId(ref);
    switch (ref.type) {
      case 'product_family':
        return (await target.findProductFamilyByHandle(ref.key)) ?? this.byId(target.listProductFamilies(), ref.key);
      case 'product':
        return (await target.findProductByHandle(ref.key)) ?? this.byId(target.listProducts(), ref.key);
      case 'component':
        return (await target.findComponentByHandle(ref.key)) ?? this.byId(target.listComponents(), ref.key);
      case 'coupon':
        return (await target.findCouponByCode(ref.key)) ?? this.byId(target.listCoupons(), ref.key);
      case 'customer':
        if (known !== undefined) return target.readCustomer(Number(known));
        return (await target.findCustomerByReference(ref.key)) ?? (ALL_DIGITS.test(ref.key) ? target.readCustomer(Number(ref.key)) : undefined);
      case 'subscription':
        if (known !== undefined) return target.readSubscription(Number(known));
        return (await target.findSubscriptionByReference(ref.key)) ?? (ALL_DIGITS.test(ref.key) ? target.readSubscription(Number(ref.key)) : undefined);
      case 'invoice':
        return target.readInvoice(String(known ?? ref.key));
      case 'product_price_point':
        return this.pricePoint(ref, 'product', (id) => target.listProductPricePoints(id));
      case 'component_price_point':
        return this.pricePoint(ref, 'component', (id) => target.listComponentPricePoints(id));
      default:
        return known !== undefined ? { id: Number(known) } : undefined;
    }
  }

  private async byId(items: AsyncIterable<JsonObject>, key: string): Promise<JsonObject | undefined> {
    if (!ALL_DIGITS.test(key)) return undefined;
    return firstMatching(items, (item) => String(item.id) === key);
  }

  private async pricePoint(
    ref: ObjectRef,
    parentType: 'product' | 'component',
    list: (parentId: number) => AsyncIterable<JsonObject>,
  ): Promise<JsonObject | undefined> {
    const parts = splitPricePointKey(ref.key);
    if (!parts) return undefined;
    let parentId: number;
    try {
      parentId = await this.id({ type: parentType, key: parts.parent });
    } catch (error) {
      if (error instanceof RowError) return undefined;
      throw error;
    }
    return firstMatching(list(parentId), (item) => item.handle === parts.handle || String(item.id) === parts.handle);
  }
}

export function describeRef(ref: ObjectRef): string {
  const noun: Record<ObjectRef['type'], string> = {
    product_family: 'Product family',
    product: 'Product',
    product_price_point: 'Product price point',
    component: 'Component',
    component_price_point: 'Component price point',
    coupon: 'Coupon',
    segment: 'Segment',
    customer: 'Customer',
    payment_profile: 'Payment profile',
    subscription: 'Subscription',
    service_credit: 'Service credit',
    prepayment: 'Prepayment',
    invoice: 'Invoice',
  };
  return `${noun[ref.type]} "${ref.key}"`;
}
