// Finding records the ways the API lets a client name them: by id, by `handle:xyz` in a path, by handle,
// code or reference, each with the API's 404/422 when nothing matches.
import { SandboxError } from './context.js';
import { messages } from './messages.js';
import type { CollectionName, StoredRecord, Store } from './store.js';

/** A path parameter that is an id or `handle:<handle>`, or a 404 naming the resource. */
export function recordByPathKey(store: Store, collection: CollectionName, raw: string | undefined, resource: string): StoredRecord {
  const record = raw === undefined ? undefined : findByIdOrHandle(store, collection, raw);
  if (!record) throw new SandboxError(404, [messages.recordNotFound(resource)]);
  return record;
}

export function findByIdOrHandle(store: Store, collection: CollectionName, raw: string | number): StoredRecord | undefined {
  if (typeof raw === 'number') return store.get(collection, raw);
  if (raw.startsWith('handle:')) return findByField(store, collection, 'handle', raw.slice('handle:'.length));
  return /^\d+$/.test(raw) ? store.get(collection, Number(raw)) : undefined;
}

/** The record whose field (handle, code, reference) equals value; handles and codes ignore case. */
export function findByField(store: Store, collection: CollectionName, field: string, value: string): StoredRecord | undefined {
  return store.findBy(collection, field, value);
}

/** Records matching a predicate, sorted by id. */
export function recordsWhere(store: Store, collection: CollectionName, predicate: (record: StoredRecord) => boolean): StoredRecord[] {
  return store.all(collection).filter(predicate).sort((a, b) => a.id - b.id);
}
