// Deterministic uniqueness tokens: the same site, row and payload always give the same token, so a
// create retried after a lost answer — even from a new process after a crash — gets 409, not a duplicate.
import { createHash } from 'node:crypto';
import type { Json } from '../api.js';

/** Hex characters kept from the digest: 160 bits, well inside the API's token length limits. */
const TOKEN_LENGTH = 40;

/** JSON with object keys sorted at every level, so equal payloads hash equally. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

export function deriveUniquenessToken(baseUrl: string, naturalKey: string, payload: Json): string {
  return createHash('sha256')
    .update(baseUrl)
    .update('\n')
    .update(naturalKey)
    .update('\n')
    .update(canonicalJson(payload))
    .digest('hex')
    .slice(0, TOKEN_LENGTH);
}
