// Reading request bodies and query strings the way the API does: a root key, typed fields, errors
// collected per field and answered together as one 422, pagination with page/per_page (max 200).
import { MAX_INTERVAL } from '../../../dates/index.js';
import { BILLING_HOUR, formatInZone, wallClockTime } from '../../../dates/zoned-time.js';
import { SandboxError, type RequestContext } from './context.js';
import { messages } from './messages.js';
import type { CollectionName, StoredRecord, Store } from './store.js';

export type Attributes = Record<string, unknown>;

/** Billing intervals (days or months) and day counts such as net terms, as integerWithin takes them. */
export const INTERVAL_RANGE = [1, MAX_INTERVAL] as const;
export const DAY_COUNT_RANGE = [0, MAX_INTERVAL] as const;
/**
 * Decimal amounts, prices and quantities have at most this many digits before the point (under a
 * trillion): past it, minor units leave the safe integers and a total would be answered wrong.
 */
const MAX_WHOLE_DIGITS = 12;

/** True when a decimal's whole part (leading zeros aside) has at most MAX_WHOLE_DIGITS digits. */
export function decimalInRange(text: string): boolean {
  const whole = text.replace(/^-/, '').split('.')[0] ?? '';
  return whole.replace(/^0+/, '').length <= MAX_WHOLE_DIGITS;
}

/** The object under the body's root key, or a 422 naming the key. */
export function rootObject(context: RequestContext, key: string): Attributes {
  const value = context.body[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SandboxError(422, [{ field: key, message: messages.missingRootKey(key) }]);
  }
  return value as Attributes;
}

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** Collects field errors; `done()` throws them as one 422. */
export class FieldErrors {
  private readonly errors: Array<{ field: string; message: string }> = [];

  /** field: the request attribute the message is about ('base' when none), for operations keyed by field. */
  add(message: string, field = 'base'): void {
    this.errors.push({ field, message });
  }

  get empty(): boolean {
    return this.errors.length === 0;
  }

  /** A trimmed string, or undefined; blank when required adds "<label>: cannot be blank." */
  string(attrs: Attributes, key: string, label: string, required = false): string | undefined {
    const value = attrs[key];
    if (!isPresent(value)) {
      if (required) this.add(messages.blank(label), key);
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.add(messages.invalid(label), key);
      return undefined;
    }
    return value.trim();
  }

  /** An integer given as a number or a string of digits. */
  integer(attrs: Attributes, key: string, label: string, required = false): number | undefined {
    const value = attrs[key];
    if (!isPresent(value)) {
      if (required) this.add(messages.blank(label), key);
      return undefined;
    }
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      this.add(messages.notAnInteger(label), key);
      return undefined;
    }
    return number;
  }

  /**
   * An integer from min to max, answered with the API's numericality messages outside them: how counts
   * that end up in date arithmetic (intervals, net terms) are kept to dates that exist.
   */
  integerWithin(attrs: Attributes, key: string, label: string, [min, max]: readonly [number, number], required = false): number | undefined {
    const value = this.integer(attrs, key, label, required);
    if (value === undefined) return undefined;
    if (value >= min && value <= max) return value;
    this.add(value < min ? messages.atLeast(label, min) : messages.atMost(label, max), key);
    return undefined;
  }

  /** A decimal amount given as a string or a number, kept as its decimal string. */
  decimal(attrs: Attributes, key: string, label: string, required = false): string | undefined {
    const value = attrs[key];
    if (!isPresent(value)) {
      if (required) this.add(messages.blank(label), key);
      return undefined;
    }
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
      this.add(messages.notANumber(label), key);
      return undefined;
    }
    if (!decimalInRange(text)) {
      this.add(messages.tooLarge(label), key);
      return undefined;
    }
    return text;
  }

  boolean(attrs: Attributes, key: string, label: string): boolean | undefined {
    const value = attrs[key];
    if (!isPresent(value)) return undefined;
    if (value === true || value === 'true' || value === '1' || value === 1) return true;
    if (value === false || value === 'false' || value === '0' || value === 0) return false;
    this.add(messages.invalid(label), key);
    return undefined;
  }

  oneOf<T extends string>(attrs: Attributes, key: string, label: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.string(attrs, key, label, required);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.add(messages.mustBeOneOf(label, allowed), key);
      return undefined;
    }
    return value as T;
  }

  /**
   * An ISO 8601 date or date-time. With the site's time zone (billing dates), a bare date means noon that
   * day there, as the API documents for next_billing_at, and the answer is the site's wall clock with its
   * offset; without one (coupon end dates), a bare date is midnight UTC.
   */
  dateTime(attrs: Attributes, key: string, label: string, timeZone?: string): string | undefined {
    const value = this.string(attrs, key, label);
    if (value === undefined) return undefined;
    const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = !bareDate ? new Date(value) : timeZone === undefined ? new Date(`${value}T00:00:00Z`) : new Date(wallClockTime(value, BILLING_HOUR, timeZone));
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
      this.add(messages.invalidDate(label), key);
      return undefined;
    }
    return timeZone === undefined ? `${date.toISOString().slice(0, 19)}Z` : formatInZone(date, timeZone);
  }

  /** Throws the errors as one 422, which the server answers in the operation's declared shape. */
  done(): void {
    if (this.errors.length > 0) throw new SandboxError(422, this.errors);
  }
}

/** The record named by a path parameter, or a 404. */
export function recordById(store: Store, collection: CollectionName, raw: string | undefined, resource: string): StoredRecord {
  const id = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
  const record = Number.isSafeInteger(id) ? store.get(collection, id) : undefined;
  if (!record) throw new SandboxError(404, [messages.recordNotFound(resource)]);
  return record;
}

/** One page of items, by `page` (from 1) and `per_page` (default 20, at most 200). */
export function paginate<T>(items: T[], query: URLSearchParams): T[] {
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const requested = Number.parseInt(query.get('per_page') ?? '20', 10);
  const perPage = Math.min(200, Math.max(1, Number.isNaN(requested) ? 20 : requested));
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Strips the sandbox's private fields (prefixed `_`) before a record goes on the wire. */
export function publicView(record: StoredRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!key.startsWith('_')) view[key] = value;
  return view;
}
