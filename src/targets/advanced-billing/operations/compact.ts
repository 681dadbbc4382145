// Request bodies carry only what the row set: undefined members are dropped.
import type { JsonObject } from '../api.js';

/** Drops undefined members so payloads carry only what the row set. */
export function compact(object: Record<string, JsonObject[keyof JsonObject] | undefined>): JsonObject {
  const result: JsonObject = {};
  for (const [name, value] of Object.entries(object)) if (value !== undefined) result[name] = value;
  return result;
}
