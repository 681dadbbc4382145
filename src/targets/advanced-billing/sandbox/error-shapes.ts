// The 422 envelopes the spec declares, one per operation (read from the spec into request-fields.json by
// scripts/generate-request-fields.ts): routes collect field errors, the server answers them in the shape
// the operation declares, so no route needs to know it.

/**
 * `list` `{"errors": ["…"]}` (most operations); `single` `{"error": "…"}` (metafields, metadata);
 * `by-field` `{"errors": {"price": ["…"]}}` (product price points, invoices); `string-map`
 * `{"errors": {"card_type": "…"}}` (Update Payment Profile); `indexed` `{"errors": {"0": {"price": ["…"]}}}`
 * (segments, keyed by the item's index in the request).
 */
export type ErrorShape = 'list' | 'single' | 'by-field' | 'string-map' | 'indexed';

/** One refusal: the request field it is about (`base` when none) and the message. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of a 422 in the shape an operation declares. */
export function shapedErrors(shape: ErrorShape, entries: FieldError[]): Record<string, unknown> {
  const messages = entries.map((entry) => entry.message);
  if (shape === 'list') return { errors: messages };
  if (shape === 'single') return { error: messages.join(' ') };
  const byField: Record<string, string[]> = {};
  for (const { field, message } of entries) (byField[field] ??= []).push(message);
  if (shape === 'by-field') return { errors: byField };
  if (shape === 'indexed') return { errors: { '0': byField } };
  return { errors: Object.fromEntries(Object.entries(byField).map(([field, list]) => [field, list.join(' ')])) };
}
