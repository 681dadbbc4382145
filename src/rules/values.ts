// Small, allocation-free value tests shared by several rules (dates, numbers, blanks).

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** What a TRUE/FALSE cell says: `invalid` for anything but TRUE or FALSE. */
export type TrueFalse = 'true' | 'false' | 'blank' | 'invalid';

/**
 * The one reading of a TRUE/FALSE cell, used by the true-false rule, the enabling columns and the
 * importer alike: TRUE or FALSE in any letter case (spreadsheets and hand edits write `true` too),
 * surrounding spaces ignored. `Yes`, `1`, `x`, `WAHR` are not guessed at: they are `invalid`.
 */
export function readTrueFalse(value: string | undefined): TrueFalse {
  if (value === undefined) return 'blank';
  const trimmed = value.trim();
  if (trimmed === '') return 'blank';
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return 'true';
  if (upper === 'FALSE') return 'false';
  return 'invalid';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date written YYYY-MM-DD, else undefined. */
export function dayNumber(value: string): number | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return time / 86_400_000;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date written YYYY-MM-DD as the number yyyymmdd (ordered like the dates), else
 * undefined. Allocation-free: the per-row date rules call it on every row.
 */
export function dateKey(value: string): number | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  return year * 10000 + month * 100 + day;
}

/** The yyyymmdd key of the day before / after a YYYY-MM-DD date. */
export function shiftedDateKey(value: string, days: number): number {
  const day = dayNumber(value);
  if (day === undefined) throw new Error(`${value} is not a YYYY-MM-DD date`);
  const iso = new Date((day + days) * 86_400_000).toISOString().slice(0, 10);
  return dateKey(iso) as number;
}

/** Plain decimal number: digits, optional fraction, optional leading minus; no symbols or commas. */
export const DECIMAL = /^-?\d+(\.\d+)?$/;
export const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
export const INTEGER = /^\d+$/;

/** Number of digits after the decimal point of a DECIMAL string. */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** True when every character of a non-blank trimmed value is a digit (a site id rather than a handle). */
export function isNumericId(value: string): boolean {
  return INTEGER.test(value);
}
