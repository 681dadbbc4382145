// Ids in the API's answers: numbers, or all-digit strings; an answer without one is a target error.
import { TargetError } from '../../../errors.js';
import type { JsonObject } from '../api.js';

/** The numeric id of an API object (ids arrive as numbers; a string id is accepted if it is all digits). */
export function objectId(object: JsonObject): number {
  const id = object.id;
  if (typeof id === 'number') return id;
  if (typeof id === 'string' && /^\d+$/.test(id)) return Number(id);
  // Only the field names: the answer may hold a payment token.
  throw new TargetError('unexpected-answer', `the site answered a create or lookup without an object id (fields: ${Object.keys(object).join(', ')})`);
}

/** The id of an object the API embeds in another's answer (a subscription's `customer`, `bank_account`). */
export function embeddedId(object: JsonObject, key: string): number {
  const embedded = object[key];
  if (typeof embedded !== 'object' || embedded === null || Array.isArray(embedded)) {
    throw new TargetError('unexpected-answer', `the site answered without the ${key} it was sent (fields: ${Object.keys(object).join(', ')})`);
  }
  return objectId(embedded);
}
