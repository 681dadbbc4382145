// Custom field columns (`custom_field[Name]`, `custom_field_customer[Name]`, `custom_field_subscription[Name]`):
// which of a kind's columns hold the customer's and which the subscription's custom field values.
import type { SourceRow } from '../operation.js';
import { customFields } from './cells.js';

export type CustomFieldResource = 'customers' | 'subscriptions';

/** Which column prefixes of each kind hold the custom fields of customers and of subscriptions. */
const CUSTOM_FIELD_PREFIXES: Record<string, Partial<Record<CustomFieldResource, readonly string[]>>> = {
  'customers-advanced': { customers: ['custom_field'] },
  'subscriptions-standard': { customers: ['custom_field_customer'], subscriptions: ['custom_field', 'custom_field_subscription'] },
  'subscriptions-standard-custom-pricing': { customers: ['custom_field_customer'], subscriptions: ['custom_field', 'custom_field_subscription'] },
  'subscriptions-advanced': { subscriptions: ['custom_field'] },
  'subscriptions-advanced-custom-pricing': { subscriptions: ['custom_field'] },
};

/** The prefixes of a kind's custom field columns for one resource ([] when it has none). */
export function customFieldPrefixes(kind: string, resource: CustomFieldResource): readonly string[] {
  return CUSTOM_FIELD_PREFIXES[kind]?.[resource] ?? [];
}

/** The row's non-blank custom field values for the customer or the subscription, by field name. */
export function customFieldsOf(row: SourceRow, resource: CustomFieldResource): Record<string, string> {
  return customFields(row, customFieldPrefixes(row.kind, resource));
}
