// Where the subscriptions-advanced templates' columns go on ChartMogul (`migrate templates subscriptions-advanced --system chartmogul` prints it).
import type { MappingTable } from '../../column-mapping.js';
import { field, IMPORT_INVOICES, NO_HIERARCHY, notApplicable, sentTo, SUBSCRIPTION_CUSTOM_FIELD, subscriptionMapping, toolkit } from './vocabulary.js';

/** The customer exists already (customers-advanced); the row imports the invoice that opens its subscription. */
export function advancedMapping(customPricing: boolean): MappingTable {
  return {
    ...subscriptionMapping(customPricing, 'its line_items[].subscription_external_id is subscription_reference'),
    organization_name: toolkit("help only: not sent (the customer's company comes from customers-advanced)"),
    import_identifier_customer_reference: toolkit('reference used to find the customer (its external_id in the data source); the invoice is imported for it, the path {customer_uuid} of Import Invoices'),
    who_pays: notApplicable(NO_HIERARCHY),
    invoice_type: notApplicable('ChartMogul has no customer hierarchy: consolidated invoicing stays in the billing system'),
    align: notApplicable('ChartMogul has no customer hierarchy: aligning billing dates in a group stays in the billing system'),
    receive_invoice_emails: notApplicable('ChartMogul sends no invoices: invoice emails stay in the billing system'),
    subscription_reference: sentTo(
      [field(IMPORT_INVOICES, 'line_items[].subscription_external_id')],
      "blank: the toolkit's key for the row (import_identifier_customer_reference/product_handle), as for standard rows",
    ),
    'custom_field[Name]': SUBSCRIPTION_CUSTOM_FIELD,
  };
}
