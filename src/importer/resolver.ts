// Turns object refs (handles, references, codes) into site ids: objects created earlier in this run,
// then objects the journal recorded for this site, then the site itself. Ids are the target's, as text
// (a journal written before ids were text holds numbers: they are read as their digits).
import type { Journal } from '../state/journal.js';
import type { ObjectRef, StepOutcome } from '../plan/operation.js';
import type { Resolver, SiteObject, Target } from '../targets/target.js';
import { refKey } from './plan.js';

/** A row-level failure that is not the API's: a ref that names nothing. */
export class UnresolvedRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvedRefError';
  }
}

export class ImportResolver implements Resolver {
  private readonly created = new Map<string, string>();
  private readonly lookups = new Map<string, Promise<SiteObject | undefined>>();

  constructor(
    private readonly target: Target,
    private readonly journal?: Journal,
  ) {}

  /** Records an object created (or found) in this run, so dependants resolve it without a request. */
  remember(ref: ObjectRef, outcome: StepOutcome): void {
    this.created.set(refKey(ref), String(outcome.id));
  }

  async id(ref: ObjectRef): Promise<string> {
    const known = this.created.get(refKey(ref)) ?? this.journaledId(ref);
    if (known !== undefined) return known;
    const id = this.target.idOf(ref, await this.object(ref));
    if (id !== undefined) return id;
    throw new UnresolvedRefError(`${describeRef(ref)} was not found on the site or in this import.`);
  }

  /** The target's record of a ref's object, looked up once per run; undefined when the target has none. */
  object(ref: ObjectRef): Promise<SiteObject | undefined> {
    const key = refKey(ref);
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.target.lookup(ref, this.created.get(key) ?? this.journaledId(ref));
      this.lookups.set(key, lookup);
      // A failed request must not poison the cache: the next caller asks again.
      lookup.catch(() => this.lookups.delete(key));
    }
    return lookup;
  }

  private journaledId(ref: ObjectRef): string | undefined {
    const object = this.journal?.objects().get(refKey(ref));
    return object?.state === 'done' && object.id !== undefined ? String(object.id) : undefined;
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
