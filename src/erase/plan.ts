// What `erase --scope imported` will do, worked out from the journal alone: one item per object the
// toolkit created (and has not erased yet), in reverse dependency order, plus what must be kept and why.
import type { ObjectType } from '../plan/operation.js';
import type { JournalObject } from '../state/journal.js';
import type { EraseOperation, TargetProfile } from '../targets/target.js';

export type { EraseOperation };

export interface EraseItem {
  object: JournalObject;
  /** The natural key without its type prefix: a reference, handle, code or invoice id. */
  key: string;
  operation: EraseOperation;
  /** Journal objects that leave the site with this one (price points, segments, balances, payment profiles). */
  companions: JournalObject[];
}

export interface KeptObject {
  object: JournalObject;
  key: string;
  reason: string;
}

export interface ImportedErasePlan {
  /** In the order they are carried out; items of one type may run concurrently. */
  items: EraseItem[];
  kept: KeptObject[];
  /** Creates an interrupted import left unsettled: not provably the toolkit's, so never touched. */
  unfinished: JournalObject[];
}

export interface ImportedPlanOptions {
  /** Only objects whose latest entry belongs to this run; undefined = every run. */
  run?: string;
  mode: 'test' | 'live';
  /** Archive the catalog objects too (coupons, components, products); by default they stay for the re-import. */
  catalog: boolean;
  /** The target can delete a subscription (its `supports.purge`); without it subscriptions are canceled instead. */
  purge: boolean;
  /** The target's `profile.eraseOrder`: which kinds go, how, and in what order. */
  order: TargetProfile['eraseOrder'];
}


const CATALOG: ReadonlySet<ObjectType> = new Set(['product_family', 'product', 'product_price_point', 'component', 'component_price_point', 'coupon', 'segment']);

/** Why an object the plan does not act on stays where it is. */
const NO_OWN_CALL: Partial<Record<ObjectType, string>> = {
  product_family: 'the API cannot delete or archive product families',
  product_price_point: 'goes only with its product, which the toolkit did not create',
  component_price_point: 'goes only with its component, which the toolkit did not create',
  segment: 'goes only with its component, which the toolkit did not create',
  payment_profile: 'goes only with its customer or subscription, which the toolkit did not create',
  service_credit: 'goes only with its subscription, which the toolkit did not create',
  prepayment: 'goes only with its subscription, which the toolkit did not create',
};

export function keyOf(object: JournalObject): string {
  return object.naturalKey.slice(object.type.length + 1);
}

/** Objects the journal says the toolkit created and that are still on the site as far as it knows. */
function erasable(objects: Iterable<JournalObject>, run: string | undefined): JournalObject[] {
  return [...objects].filter((object) => object.state === 'done' && object.id !== undefined && (run === undefined || object.run === run));
}

export function planImportedErase(objects: Map<string, JournalObject>, options: ImportedPlanOptions): ImportedErasePlan {
  const candidates = erasable(objects.values(), options.run);
  const unfinished = [...objects.values()].filter((object) => object.state === 'intent' && (options.run === undefined || object.run === options.run));
  const claimed = new Set<JournalObject>();
  const items: EraseItem[] = [];
  const kept: KeptObject[] = [];

  if (options.mode === 'live') {
    for (const object of candidates.filter((candidate) => candidate.type === 'subscription')) {
      items.push({ object, key: keyOf(object), operation: 'cancel', companions: [] });
      claimed.add(object);
    }
    for (const object of candidates) {
      if (!claimed.has(object)) kept.push({ object, key: keyOf(object), reason: 'a live site allows no deletion; only subscriptions are canceled' });
    }
    return { items, kept, unfinished };
  }

  const companionsOf = (object: JournalObject): JournalObject[] => {
    const key = keyOf(object);
    const sameKey = (types: ObjectType[]) => candidates.filter((other) => types.includes(other.type) && keyOf(other) === key);
    const children = (types: ObjectType[]) => candidates.filter((other) => types.includes(other.type) && keyOf(other).startsWith(`${key}/`));
    switch (object.type) {
      case 'subscription':
        return sameKey(['service_credit', 'prepayment']);
      case 'customer':
        return sameKey(['payment_profile']);
      case 'product':
        return children(['product_price_point']);
      case 'component':
        return children(['component_price_point', 'segment']);
      default:
        return [];
    }
  };

  for (const { type, operation: ordered } of options.order) {
    if (!options.catalog && CATALOG.has(type)) continue;
    const operation = ordered === 'purge' && !options.purge ? 'cancel' : ordered;
    for (const object of candidates.filter((candidate) => candidate.type === type)) {
      const companions = companionsOf(object).filter((companion) => !claimed.has(companion));
      items.push({ object, key: keyOf(object), operation, companions });
      claimed.add(object);
      for (const companion of companions) claimed.add(companion);
    }
  }
  for (const object of candidates) {
    if (claimed.has(object)) continue;
    const reason = !options.catalog && CATALOG.has(object.type) && object.type !== 'product_family' ? 'the catalog stays for the re-import (--catalog archives it)' : (NO_OWN_CALL[object.type] ?? 'the API offers no way to remove it');
    kept.push({ object, key: keyOf(object), reason });
  }
  // Customers are deleted children first: a parent's create is journaled before its children's, and
  // the journal lists objects in the order they were first recorded.
  const customerItems = items.filter((item) => item.object.type === 'customer').reverse();
  let next = 0;
  return { items: items.map((item) => (item.object.type === 'customer' ? customerItems[next++]! : item)), kept, unfinished };
}
