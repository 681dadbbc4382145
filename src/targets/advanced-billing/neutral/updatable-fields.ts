// The fields resync may update through the API: each attribute of Update Customer and Update Subscription
// it manages, the template column its value comes from, and where the site reports it back.
import { BILLING_HOUR, wallClockTime } from '../../../dates/zoned-time.js';
import type { SiteFields, SiteValue } from '../../records.js';
import type { UpdatableField, UpdatableResource } from '../../target.js';
import type { JsonObject } from '../api.js';
import { nested } from './json.js';

/** In the order reports list them; the attribute name is what people read there ("updated organization"). */
const UPDATABLE: Record<UpdatableResource, readonly UpdatableField[]> = {
  customer: [
    { field: 'first_name', column: 'first_name' },
    { field: 'last_name', column: 'last_name' },
    { field: 'email', column: 'email' },
    { field: 'cc_emails', column: 'cc_emails' },
    { field: 'organization', column: 'organization_name' },
    { field: 'phone', column: 'phone' },
    { field: 'address', column: 'shipping_address' },
    { field: 'address_2', column: 'shipping_address_2' },
    { field: 'city', column: 'shipping_city' },
    { field: 'state', column: 'shipping_state' },
    { field: 'zip', column: 'shipping_zip' },
    { field: 'country', column: 'shipping_country' },
    { field: 'locale', column: 'locale' },
    { field: 'vat_number', column: 'vat_number' },
    { field: 'tax_exempt', column: 'tax_exempt' },
    { field: 'verified', column: 'verified' },
  ],
  subscription: [
    { field: 'payment_collection_method', column: 'payment_collection_method' },
    { field: 'next_billing_at', column: 'next_billing_at' },
    { field: 'net_terms', column: 'net_terms' },
  ],
};

/** Where the site reports a subscription attribute it accepts under another name. */
const SUBSCRIPTION_SITE_FIELD: Record<string, string> = { next_billing_at: 'next_assessment_at' };
/** Attributes that take a date-time: the template's calendar day is sent as noon that day in the site's time zone. */
const DATE_TIMES = new Set(['next_billing_at']);

export function updatableFields(resource: UpdatableResource): readonly UpdatableField[] {
  return UPDATABLE[resource];
}

/** The object's updatable attributes as the site holds them, by attribute name. */
export function siteFieldsOf(resource: UpdatableResource, object: JsonObject): SiteFields {
  const siteField = (field: string) => (resource === 'subscription' ? SUBSCRIPTION_SITE_FIELD[field] ?? field : field);
  return Object.fromEntries(UPDATABLE[resource].map(({ field }) => [field, object[siteField(field)]]));
}

/** The customer a subscription belongs to. */
export function subscriptionCustomerId(subscription: JsonObject): number {
  const customer = nested(subscription, 'customer');
  return customer !== undefined ? Number(customer.id) : Number(subscription.customer_id);
}

/** Update attributes from values by attribute name; calendar dates become the API's date-times in `timeZone`. */
export function updateAttributes(values: Record<string, SiteValue>, timeZone: string): JsonObject {
  const attrs: JsonObject = {};
  for (const [field, value] of Object.entries(values)) {
    attrs[field] = DATE_TIMES.has(field) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? wallClockTime(value, BILLING_HOUR, timeZone) : value;
  }
  return attrs;
}
