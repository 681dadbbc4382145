// Archiving and promoting the price points of products and components, which the API treats alike: an
// owner's default price point cannot be archived, and a custom or archived one cannot become the default.
import { SandboxError, timestamp } from '../context.js';
import { messages } from '../messages.js';
import type { RecordValue, Store, StoredRecord } from '../store.js';

/** How an owner kind keeps its price points: their collection, its default's field, and how a price point is marked default or not. */
export interface PricePointOwner {
  owner: 'product' | 'component';
  owners: 'products' | 'components';
  collection: 'product_price_points' | 'component_price_points';
  defaultField: string;
  mark: (isDefault: boolean) => Record<string, RecordValue>;
}

/** The archived price point; the owner's default is refused with 422. */
export function archivePricePoint(store: Store, kind: PricePointOwner, owner: StoredRecord, point: StoredRecord, now: Date): StoredRecord {
  if (point.id === owner[kind.defaultField]) throw new SandboxError(422, [messages.defaultPricePointArchive(kind.owner)]);
  return store.put(kind.collection, { ...point, archived_at: point.archived_at ?? timestamp(now), updated_at: timestamp(now) });
}

/** The owner with the price point as its default (the former default becomes a catalog price point). */
export function promotePricePoint(store: Store, kind: PricePointOwner, owner: StoredRecord, point: StoredRecord, now: Date): StoredRecord {
  // The spec, for both: custom price points "are not able to be set as the default".
  if (point.type === 'custom') throw new SandboxError(422, [messages.customPricePointNotDefault(kind.owner)]);
  if (point.archived_at !== null && point.archived_at !== undefined) throw new SandboxError(422, [messages.archivedPricePointNotDefault(kind.owner)]);
  const at = timestamp(now);
  const previous = store.get(kind.collection, Number(owner[kind.defaultField]));
  if (previous && previous.id !== point.id) store.put(kind.collection, { ...previous, ...kind.mark(false), updated_at: at });
  store.put(kind.collection, { ...point, ...kind.mark(true), updated_at: at });
  return store.put(kind.owners, { ...owner, [kind.defaultField]: point.id, updated_at: at });
}
