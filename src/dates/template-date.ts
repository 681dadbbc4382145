// Dates as template cells give them. Invoices take YYYY-MM-DD only; subscriptions' next_billing_at and
// previous_billing_at also take an ISO 8601 date-time with an explicit offset (2026-12-01T09:00:00-05:00 or …Z),
// which the target API accepts, judged by the calendar date it falls on in the site's time zone.
// Anything ambiguous is refused with the reason: slashes (month/day or day/month?) and date-times without offset.
import { calendarDateFrom, daysBetween, parseIsoDate, type CalendarDate } from './calendar-date.js';
import { calendarDateOf } from './time-zone.js';

export type TemplateDateResult =
  | { ok: true; date: CalendarDate; form: 'date' | 'datetime'; instant?: Date }
  | { ok: false; reason: string };

export interface TemplateDateOptions {
  /** The site's time zone: a date-time counts as the day it falls on there. */
  timeZone: string;
  /** Accept ISO date-times with an offset (subscription billing dates); false for YYYY-MM-DD-only columns. */
  allowDateTime: boolean;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;
const EPOCH = '1970-01-01' as CalendarDate;

/** Reads a date cell (surrounding spaces ignored), explaining why anything else is not one. */
export function parseTemplateDate(text: string, options: TemplateDateOptions): TemplateDateResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'the date is blank' };
  const date = parseIsoDate(trimmed);
  if (date !== undefined) return { ok: true, date, form: 'date' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { ok: false, reason: `${trimmed} is not a real calendar date` };

  const dateTime = DATE_TIME.exec(trimmed.replace(' ', 'T'));
  if (dateTime !== null) {
    if (!options.allowDateTime) return { ok: false, reason: `write the date alone as YYYY-MM-DD, e.g. ${dateTime[1]}` };
    return readDateTime(dateTime, options.timeZone);
  }
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (loose !== null) {
    const fixed = calendarDateFrom(Number(loose[1]), Number(loose[2]), Number(loose[3]));
    return { ok: false, reason: fixed ? `use two digits for month and day: ${fixed}` : `${trimmed} is not a real calendar date` };
  }
  if (/^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/.test(trimmed)) {
    return { ok: false, reason: 'write the date as YYYY-MM-DD; day/month and month/day forms are ambiguous' };
  }
  return { ok: false, reason: options.allowDateTime ? 'expected YYYY-MM-DD or an ISO date-time with offset such as 2026-12-01T09:00:00Z' : 'expected a date as YYYY-MM-DD' };
}

function readDateTime(match: RegExpExecArray, timeZone: string): TemplateDateResult {
  const [, datePart, hh, mm, ss = '0', fraction = '', offset] = match;
  const date = parseIsoDate(datePart);
  if (date === undefined) return { ok: false, reason: `${datePart} is not a real calendar date` };
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  if (hours > 23 || minutes > 59 || seconds > 59) return { ok: false, reason: `${hh}:${mm}:${ss.padStart(2, '0')} is not a time of day` };
  if (offset === undefined) {
    return { ok: false, reason: `add the time zone offset (e.g. ${match[0]}Z) or give the date alone as ${datePart}` };
  }
  const offsetMinutes = offset.toUpperCase() === 'Z' ? 0 : offsetToMinutes(offset);
  if (offsetMinutes === undefined) return { ok: false, reason: `${offset} is not a time zone offset` };
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const epochMs = daysBetween(EPOCH, date) * 86_400_000 + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + milliseconds;
  const instant = new Date(epochMs);
  return { ok: true, date: calendarDateOf(instant, timeZone), form: 'datetime', instant };
}

function offsetToMinutes(offset: string): number | undefined {
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
