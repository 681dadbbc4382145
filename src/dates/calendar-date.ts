// Calendar dates as YYYY-MM-DD strings with no time and no zone: strict parsing and day arithmetic.
// Arithmetic works on day numbers (days since 1970-01-01, proleptic Gregorian), never on local-time Dates.

declare const calendarDateBrand: unique symbol;
/** A real Gregorian date written YYYY-MM-DD (years 0001–9999); sorts and compares as a string. */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

/** The date if `text` is exactly YYYY-MM-DD and names a real day (2026-02-30 and 2025-02-29 are not). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  return dateKey(text) === undefined ? undefined : (text as CalendarDate);
}

/**
 * The one check of a YYYY-MM-DD date: the number yyyymmdd (ordered like the dates) when `text` is
 * exactly YYYY-MM-DD and names a real day, else undefined. Allocation-free: the per-row date rules
 * call it on every cell, and parseIsoDate is built on it.
 */
export function dateKey(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return year * 10000 + month * 100 + day;
}

/** The dateKey of the day `days` after a YYYY-MM-DD date (before, when negative): a rule's limit around --as-of. */
export function shiftedDateKey(text: string, days: number): number {
  const date = parseIsoDate(text);
  if (date === undefined) throw new Error(`${text} is not a YYYY-MM-DD date`);
  return dateKey(addDays(date, days)) as number;
}

/** The number written by the ASCII digits text[from..to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days from a to b: positive when b is later (daysBetween('2026-01-30', '2026-02-01') === 2). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The longest billing interval, in days or months, the toolkit takes: validate's bound on renew_every,
 * trial_interval and expiration_interval, and the sandbox's on every interval and day count it adds to
 * a date. Neither the API's spec nor its guides give a limit; this is 100 years counted in days, far past
 * any real plan, and still well inside date arithmetic when counted in months (about 3,000 years).
 */
export const MAX_INTERVAL = 36_500;

/** The date `days` days later (earlier when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `months` months later, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28), as billing periods run. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths needs a whole number of months, got ${months}`);
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Builds a date from its parts, or undefined when they name no real day. */
export function calendarDateFrom(year: number, month: number, day: number): CalendarDate | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  return parseIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year (1-based month): February has 29 in leap years. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatParts(year: number, month: number, day: number): CalendarDate {
  if (year < 1 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer calendar math.
function dayNumber(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatParts(year, month, day);
}
