// Small, allocation-free value tests shared by several rules (dates, numbers, blanks).

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
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
