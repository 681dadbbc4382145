// Custom field columns (`custom_field[Name]`, `custom_field_customer[Name]`,
// `custom_field_subscription[Name]`) become metafield values on the customer or subscription.
import type { Target } from '../../target/types.js';

/** Defines the fields on the site if needed, then sets the values on the object. */
export async function applyCustomFields(target: Target, resourceType: 'customers' | 'subscriptions', id: number, fields: Record<string, string>): Promise<void> {
  const names = Object.keys(fields);
  if (names.length === 0) return;
  await target.ensureMetafields(resourceType, names);
  await target.setMetadata(resourceType, id, fields);
}
