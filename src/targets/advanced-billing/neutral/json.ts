// Reading the API's JSON defensively: the site may leave fields out, send null, or send numbers as text.
import { Decimal } from '../../../pricing/index.js';
import type { Json, JsonObject } from '../api.js';

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested object member, or undefined. */
export function nested(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isObject(value) ? value : undefined;
}

/** Non-empty text, else undefined. */
export function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Text as given (empty included), else undefined. */
export function textOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite number or a decimal written as text, else undefined. */
export function decimalOf(value: Json | undefined): Decimal | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  return undefined;
}

/** An id the site gave (number or numeric text), else undefined. */
export function idOf(value: Json | undefined): number | undefined {
  return value === undefined || value === null ? undefined : Number(value);
}
