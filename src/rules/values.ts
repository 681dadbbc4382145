// Small, allocation-free value tests shared by several rules (numbers, blanks, TRUE/FALSE); dates are src/dates'.

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
