// The values resync can carry to a customer or a subscription already on a site, keyed by template
// column. They are the mapping's own fields (customerFieldsOf, billingFieldsOf), so resync compares
// exactly what an import would send, and a row the import would refuse (a blank required cell, a bad
// date or flag) is refused here too, with the same RowError.
import type { SourceRow } from '../operation.js';
import { customerFieldsOf } from './customers.js';
import { billingFieldsOf } from './subscriptions.js';

export type CellValue = string | boolean | undefined;

/** The customer columns as the mapping reads them: cc_emails tidied, vat_number without its country prefix, flags as booleans. */
export function customerCells(row: SourceRow): Record<string, CellValue> {
  const fields = customerFieldsOf(row, undefined);
  const address = fields.address ?? {};
  return {
    first_name: fields.firstName,
    last_name: fields.lastName,
    email: fields.email,
    cc_emails: fields.ccEmails,
    organization_name: fields.organization,
    phone: fields.phone,
    shipping_address: address.line1,
    shipping_address_2: address.line2,
    shipping_city: address.city,
    shipping_state: address.state,
    shipping_zip: address.zip,
    shipping_country: address.country,
    locale: fields.locale,
    vat_number: fields.vatNumber,
    tax_exempt: fields.taxExempt,
    verified: fields.verified,
  };
}

/** A subscription's billing columns as the mapping reads them: next_billing_at as its calendar date, net_terms as a whole number. */
export function billingCells(row: SourceRow): Record<string, CellValue> {
  const fields = billingFieldsOf(row);
  return {
    payment_collection_method: fields.collectionMethod,
    next_billing_at: fields.nextBillingDate,
    net_terms: fields.netTerms === undefined ? undefined : String(fields.netTerms),
  };
}
