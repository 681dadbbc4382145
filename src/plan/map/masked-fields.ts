// What may be printed (--dry-run) or stored of an operation: its fields with every vault token
// masked to its last four characters, at any depth (a payment inside a subscription included).
import type { FieldValue, Fields, Operation } from '../operation.js';
import { maskToken } from './cells.js';

/** Field names that hold a vault token (see PaymentFields). */
const TOKEN_FIELDS: ReadonlySet<string> = new Set(['vaultToken', 'customerVaultToken']);

export function maskedFields<F extends Fields>(operation: Pick<Operation<F>, 'fields'>): F {
  return maskMembers(operation.fields) as F;
}

function maskMembers(object: { [name: string]: FieldValue | undefined }): { [name: string]: FieldValue | undefined } {
  return Object.fromEntries(Object.entries(object).map(([name, value]) => [name, TOKEN_FIELDS.has(name) && typeof value === 'string' ? maskToken(value) : masked(value)]));
}

function masked(value: FieldValue | undefined): FieldValue | undefined {
  if (Array.isArray(value)) return value.map((item) => masked(item));
  if (typeof value === 'object' && value !== null) return maskMembers(value as { [name: string]: FieldValue | undefined });
  return value;
}
