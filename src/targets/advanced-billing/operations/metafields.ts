// Custom field values become metafield values on the customer or subscription. The fields themselves
// must already exist on the site (the import checks that first, see src/importer/custom-fields.ts).
import type { CustomFieldResource } from '../../../plan/map/custom-fields.js';
import type { AdvancedBillingApi } from '../api.js';

/**
 * Sets the values on the object (fields the site lacks were listed, or created on request, before the
 * run). `fresh`: the object was just created, so it holds no values and they need not be read first.
 */
export async function applyCustomFields(target: AdvancedBillingApi, resourceType: CustomFieldResource, id: number, fields: Record<string, string>, fresh = false): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await target.setMetadata(resourceType, id, fields, fresh ? {} : undefined);
}

/** A create payload's `metafields` member: only when there are values. */
export function metafieldsOf(fields: Record<string, string> | undefined): { metafields?: Record<string, string> } {
  return fields && Object.keys(fields).length > 0 ? { metafields: fields } : {};
}
