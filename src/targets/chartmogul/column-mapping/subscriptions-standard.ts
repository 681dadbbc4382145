// Where the subscriptions-standard templates' columns go on ChartMogul (`migrate templates subscriptions-standard --system chartmogul` prints it).
import type { MappingTable } from '../../column-mapping.js';
import { customAttribute, customerMapping, SUBSCRIPTION_CUSTOM_FIELD, subscriptionMapping } from './vocabulary.js';

/** A standard row makes its customer (Create a Customer) and the invoice that opens its subscription (Import Invoices). */
export function standardMapping(customPricing: boolean): MappingTable {
  return {
    ...subscriptionMapping(customPricing, "its line_items[].subscription_external_id is the toolkit's key for the row: customer_reference, or the email when blank, then /product_handle"),
    ...customerMapping('customer_reference', 'also how a re-run finds the customer; blank: its email, lower-cased'),
    'custom_field_customer[Name]': customAttribute,
    'custom_field_subscription[Name]': SUBSCRIPTION_CUSTOM_FIELD,
    'custom_field[Name]': SUBSCRIPTION_CUSTOM_FIELD,
  };
}
