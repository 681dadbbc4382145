// Wall-clock times in an IANA time zone written as ISO 8601 date-times with that zone's offset
// ("2027-03-15T12:00:00-04:00"): how billing dates go to the API and how the sandbox answers them.
import type { CalendarDate } from './calendar-date.js';

/**
 * The hour a calendar date is billed at: noon, as the API takes a bare date. Noon also keeps the day
 * when the configured time zone differs from the site's by up to eleven hours either way.
 */
export const BILLING_HOUR = 12;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (New York in summer: -240). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value;
  const match = name ? /GMT([+-])(\d{2}):?(\d{2})?/.exec(name) : null;
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `hour`:00 on `date` in `timeZone`, with the offset in force then ("2027-03-15T12:00:00-04:00"). */
export function wallClockTime(date: CalendarDate | string, hour: number, timeZone: string): string {
  const hh = String(hour).padStart(2, '0');
  const utcGuess = Date.parse(`${date}T${hh}:00:00Z`);
  // The offset at the guessed instant can differ from the one at the wall-clock time across a DST change; a second pass settles it.
  let offset = zoneOffsetMinutes(utcGuess, timeZone);
  offset = zoneOffsetMinutes(utcGuess - offset * 60_000, timeZone);
  return `${date}T${hh}:00:00${formatOffset(offset)}`;
}

/** The instant as the zone's wall clock shows it, with its offset (Z for UTC itself), to the second. */
export function formatInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant.getTime(), timeZone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset === 0 && timeZone === 'UTC' ? 'Z' : formatOffset(offset)}`;
}
