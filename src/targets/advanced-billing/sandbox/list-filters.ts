// The filters list operations share: a date range over one of a record's timestamps (`date_field` with
// `start_date`/`end_date` or `start_datetime`/`end_datetime`, read in the site's time zone as the spec says).
import { zoneOffsetMinutes } from '../../../dates/zoned-time.js';
import { SandboxError } from './context.js';
import { messages } from './messages.js';
import type { StoredRecord } from './store.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/**
 * A predicate for the request's date range over `date_field`, or undefined when it names no range.
 * `dateFields`: the values of `date_field` the sandbox implements; another value, or a range without
 * `date_field` (the spec gives no default), is a 501; a value that is no date is a 422.
 */
export function dateRangeFilter(query: URLSearchParams, timeZone: string, dateFields: string[], route: string): ((record: StoredRecord) => boolean) | undefined {
  const start = bound(query, 'start', timeZone);
  const end = bound(query, 'end', timeZone);
  if (start === undefined && end === undefined) return undefined;
  const field = query.get('date_field');
  if (field === null || field === '') throw new SandboxError(501, [messages.notImplementedParameter('start_date/end_date without date_field', route)]);
  if (!dateFields.includes(field)) throw new SandboxError(501, [messages.notImplementedParameter(`date_field=${field.slice(0, 50)}`, route)]);
  return (record) => {
    const value = record[field];
    const instant = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(instant)) return false;
    return (start === undefined || instant >= start) && (end === undefined || instant <= end);
  };
}

/** The range's start or end as an instant (ms); `*_datetime` wins over `*_date`, as the spec says. */
function bound(query: URLSearchParams, side: 'start' | 'end', timeZone: string): number | undefined {
  const dateTime = query.get(`${side}_datetime`);
  if (dateTime !== null && dateTime !== '') {
    const match = DATE_TIME.exec(dateTime.trim());
    const parsed = match === null ? NaN : match[4] !== undefined ? Date.parse(`${match[1]}T${match[2]}${match[4]}`) : localInstant(`${match[1]}T${match[2]}`, timeZone);
    if (Number.isNaN(parsed)) throw new SandboxError(422, [messages.invalidDate(side === 'start' ? 'Start datetime' : 'End datetime')]);
    return parsed;
  }
  const date = query.get(`${side}_date`);
  if (date === null || date === '') return undefined;
  const midnight = DATE.test(date) ? localInstant(`${date}T00:00:00`, timeZone) : NaN;
  if (Number.isNaN(midnight)) throw new SandboxError(422, [messages.invalidDate(side === 'start' ? 'Start date' : 'End date')]);
  // An end date includes its whole day, up to 11:59:59 PM.
  return side === 'start' ? midnight : localInstant(new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 19), timeZone) - 1;
}

/** The instant a wall-clock time ("2022-07-01T09:00:05") shows in the zone; a second pass settles a DST change. */
function localInstant(wallClock: string, timeZone: string): number {
  const asUtc = Date.parse(`${wallClock}Z`);
  if (Number.isNaN(asUtc)) return NaN;
  let offset = zoneOffsetMinutes(asUtc, timeZone);
  offset = zoneOffsetMinutes(asUtc - offset * 60_000, timeZone);
  return asUtc - offset * 60_000;
}

/** The integer a query parameter names (an id), null when absent; a value that is no id matches nothing (-1). */
export function idParameter(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : -1;
}
