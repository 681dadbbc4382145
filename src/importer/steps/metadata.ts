// Custom field columns (`custom_field[Name]`, `custom_field_customer[Name]`,
// `custom_field_subscription[Name]`) become metafield values on the customer or subscription. The
// fields themselves must already exist on the site (the import checks that first, see ../custom-fields.ts).
import type { Target } from '../../targets/advanced-billing/api.js';
import type { SourceRow } from '../types.js';
import { customFields } from '../../plan/map/cells.js';

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

/** Sets the values on the object (fields the site lacks were listed, or created on request, before the run). */
export async function applyCustomFields(target: Target, resourceType: CustomFieldResource, id: number, fields: Record<string, string>): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await target.setMetadata(resourceType, id, fields);
}
