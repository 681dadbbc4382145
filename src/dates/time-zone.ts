// Which calendar date an instant falls on in an IANA time zone (Intl), e.g. "today" for --as-of defaults.
import { InputError } from '../errors.js';
import { calendarDateFrom, type CalendarDate } from './calendar-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True for a time zone name Intl knows (IANA names such as Europe/Berlin, and UTC). */
export function isValidTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of `instant` as a wall calendar in `timeZone` shows it. */
export function calendarDateOf(instant: Date, timeZone: string): CalendarDate {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterFor(timeZone);
  } catch {
    throw new InputError('invalid-time-zone', `"${timeZone}" is not a time zone name`, { hint: 'Use an IANA name such as UTC, Europe/Berlin or America/New_York.' });
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = parts.era !== 'AD' ? undefined : calendarDateFrom(Number(parts.year), Number(parts.month), Number(parts.day));
  if (date === undefined) throw new RangeError(`instant ${instant.toISOString()} is outside years 0001–9999`);
  return date;
}

/** Today's date in `timeZone`; `now` is injectable so callers and tests can pin the clock. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  return calendarDateOf(now, timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
