// The cells resync can carry to a customer or a subscription already on a site, keyed by template
// column, read as the import reads them: a row the import would refuse (a blank required cell, a bad
// date or flag) is refused here too, with the same RowError.
import type { SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { cell, date, flag, integer, requiredCell } from './cells.js';

export type CellValue = string | boolean | undefined;

/** The customer columns as values: cc_emails without spaces around the commas, vat_number without its country prefix, flags as booleans. */
export function customerCells(row: SourceRow): Record<string, CellValue> {
  return {
    first_name: requiredCell(row, 'first_name'),
    last_name: requiredCell(row, 'last_name'),
    email: requiredCell(row, 'email'),
    cc_emails: cell(row, 'cc_emails')?.split(',').map((email) => email.trim()).filter((email) => email !== '').join(','),
    organization_name: cell(row, 'organization_name'),
    phone: cell(row, 'phone'),
    shipping_address: cell(row, 'shipping_address'),
    shipping_address_2: cell(row, 'shipping_address_2'),
    shipping_city: cell(row, 'shipping_city'),
    shipping_state: cell(row, 'shipping_state'),
    shipping_zip: cell(row, 'shipping_zip'),
    shipping_country: cell(row, 'shipping_country'),
    locale: cell(row, 'locale'),
    // Sites store VAT numbers without the country prefix ("DE123456789" → "123456789"), as the template document says.
    vat_number: cell(row, 'vat_number')?.replace(/^[A-Za-z]{2}(?=.)/, ''),
    tax_exempt: flag(row, 'tax_exempt'),
    verified: flag(row, 'verified'),
  };
}

const COLLECTION_METHODS: readonly string[] = ['automatic', 'remittance', 'prepaid'];

/** A subscription's billing columns as values: next_billing_at as its calendar date, net_terms as a whole number. */
export function billingCells(row: SourceRow): Record<string, CellValue> {
  const nextBilling = date(row, 'next_billing_at');
  if (nextBilling === undefined) requiredCell(row, 'next_billing_at');
  // Not updatable, but a row whose previous_billing_at the import refuses is refused here too.
  date(row, 'previous_billing_at');
  const netTerms = integer(row, 'net_terms');
  const method = requiredCell(row, 'payment_collection_method');
  if (!COLLECTION_METHODS.includes(method)) throw new RowError(row, 'payment_collection_method', `payment_collection_method must be one of ${COLLECTION_METHODS.join(', ')}, got "${method}"`);
  return { payment_collection_method: method, next_billing_at: nextBilling, net_terms: netTerms === undefined ? undefined : String(netTerms) };
}
