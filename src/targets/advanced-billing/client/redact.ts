// Keeps secrets out of logs, errors and files: the API key, and payment credentials (vault tokens,
// card and bank numbers) which are shown at most as their last 4 characters.
import type { Json } from '../api.js';

/** Payment fields whose values are credentials; logs show only their last 4 characters. */
const SECRET_FIELDS = new Set([
  'vault_token',
  'customer_vault_token',
  'chargify_token',
  'full_number',
  'cvv',
  'bank_account_number',
  'bank_routing_number',
  'payment_method_nonce',
  'gateway_handle_token',
]);

/** Shorter values are not worth hiding and would mask innocent text. */
const MIN_SECRET_LENGTH = 5;

export function maskSecret(value: string): string {
  return value.length <= 4 ? '****' : `****${value.slice(-4)}`;
}

/** The credential values found anywhere in a JSON document. */
export function secretsIn(value: Json | undefined, found: string[] = []): string[] {
  if (value === null || value === undefined || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) secretsIn(item, found);
    return found;
  }
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_FIELDS.has(key) && (typeof item === 'string' || typeof item === 'number')) {
      const text = String(item);
      if (text.length >= MIN_SECRET_LENGTH) found.push(text);
    } else {
      secretsIn(item, found);
    }
  }
  return found;
}

/** A copy of the document with every credential field masked, for debug logs. */
export function maskedJson(value: Json | undefined): Json | undefined {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskedJson(item) ?? null);
  const copy: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      SECRET_FIELDS.has(key) && (typeof item === 'string' || typeof item === 'number')
        ? maskSecret(String(item))
        : (maskedJson(item) ?? null);
  }
  return copy;
}

/** Replaces every occurrence of each secret in free text (an API message may echo a token back). */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && result.includes(secret)) {
      result = result.split(secret).join(maskSecret(secret));
    }
  }
  return result;
}
