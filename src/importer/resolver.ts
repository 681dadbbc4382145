// Turns object refs (handles, references, codes) into site ids: objects created earlier in this run,
// then objects the journal recorded for this site, then the site itself; all-digit keys may be ids.
import type { JsonObject, Target } from '../targets/advanced-billing/api.js';
import type { Journal } from '../state/journal.js';
import type { ObjectRef, Resolver, StepOutcome } from './types.js';
import { refKey } from './plan.js';
import { findOnSite } from './steps/refs.js';

/** A row-level failure that is not the API's: a ref that names nothing. */
export class UnresolvedRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvedRefError';
  }
}

const ALL_DIGITS = /^\d+$/;

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
    throw new UnresolvedRefError(`${describeRef(ref)} was not found on the site or in this import.`);
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
    const known = this.created.get(refKey(ref)) ?? this.journaledId(ref);
    if (known !== undefined) {
      if (ref.type === 'customer') return this.target.readCustomer(Number(known));
      if (ref.type === 'subscription') return this.target.readSubscription(Number(known));
      if (ref.type === 'invoice') return this.target.readInvoice(String(known));
    }
    const found = await findOnSite(this.target, ref);
    if (found || !ALL_DIGITS.test(ref.key)) return found;
    // An all-digit key that is no handle or reference may be the object's site id.
    if (ref.type === 'customer') return this.target.readCustomer(Number(ref.key));
    if (ref.type === 'subscription') return this.target.readSubscription(Number(ref.key));
    return undefined;
  }
}

function describeRef(ref: ObjectRef): string {
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
