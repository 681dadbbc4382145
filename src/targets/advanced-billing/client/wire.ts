// The API's wire shapes the transport reads and writes: JSON answers (unwrapped from their root key,
// lists in either of their two shapes) and Rails-style query strings.
import type { Json, JsonObject } from '../api.js';

type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;
export type Query = Record<string, QueryValue>;

export function parseJson(text: string): Json | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

export function unwrap(body: Json | undefined, rootKey: string | undefined): Json | undefined {
  if (rootKey === undefined || body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return rootKey in body ? body[rootKey] : body;
}

/** List answers come as `[{"customer": {...}}, …]` or as `{"price_points": [...]}`; both become plain objects. */
export function listItems(body: Json | undefined, key: string): JsonObject[] {
  const raw = Array.isArray(body) ? body : body !== null && typeof body === 'object' && body !== undefined ? body[key] : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const inner = item[key];
    return [inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : item];
  });
}

/** Rails-style query string: arrays as `key[]=a&key[]=b`. */
export function queryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
