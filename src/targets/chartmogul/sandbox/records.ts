// Finding and naming the emulator's records: each has the store's numeric id (its order, its cursor) and
// ChartMogul's string uuid with the kind's prefix (ds_, cus_, pl_, inv_).
import { randomUUID } from 'node:crypto';
import type { StoredRecord } from '../../advanced-billing/sandbox/store.js';
import { CmError, type CmCollection, type CmStore } from './context.js';

export function newUuid(prefix: string): string {
  return `${prefix}_${randomUUID()}`;
}

/** The record with this uuid, or the error the endpoint answers when there is none. */
export function byUuid(store: CmStore, collection: CmCollection, uuid: string, notFound: () => CmError): StoredRecord {
  const record = store.findBy(collection, 'uuid', uuid);
  if (record === undefined) throw notFound();
  return record;
}

/** A record in a collection, oldest first (the listing order and the cursor's). */
export function listed(store: CmStore, collection: CmCollection, keep: (record: StoredRecord) => boolean = () => true): StoredRecord[] {
  return store
    .all(collection)
    .filter(keep)
    .sort((a, b) => a.id - b.id);
}

/** A string field of a request body, trimmed; undefined when absent, not a string, or blank. */
export function text(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads a date-time as ChartMogul accepts them ("2016-01-01 12:00:00 UTC", "… +0200", ISO 8601, a bare date). */
export function parseTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const normalised = value
    .trim()
    .replace(/ UTC$/, 'Z')
    .replace(/ ([+-]\d{2}):?(\d{2})$/, '$1:$2')
    .replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
