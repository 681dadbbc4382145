// Where the invoices template's columns go on ChartMogul (`migrate templates invoices --system chartmogul` prints it):
// each invoice row is imported with one-time line items for the customer of its subscription.
import type { MappingTable } from '../../column-mapping.js';
import { enabler, field, IMPORT_INVOICES, MINOR_UNIT, notApplicable, sentTo, statusMapping, toolkit } from './vocabulary.js';

const line = (path: string) => field(IMPORT_INVOICES, `line_items[].${path}`);

export const invoicesMapping: MappingTable = {
  ...statusMapping,
  Amount: toolkit("toolkit: written by the import: the imported invoice's total (the sum of its line items' amount_in_cents)"),
  create_invoice: enabler('imports an invoice from this row'),
  customer: toolkit('help only: not sent (the invoice is imported for the customer of the subscription in sub_reference)'),
  sub_reference: toolkit("reference used to find the subscription (its subscription_reference or standard key): the invoice is imported for that subscription's customer, the path {customer_uuid} of Import Invoices"),
  id: sentTo([field(IMPORT_INVOICES, 'external_id')], 'unique in the data source; also named by line items in attach_to'),
  total_amount: toolkit('compared with Amount after the import; not sent'),
  issue_date: sentTo([field(IMPORT_INVOICES, 'date')]),
  due_date: sentTo([field(IMPORT_INVOICES, 'due_date')]),
  net_terms: notApplicable('ChartMogul takes the due date, not payment terms: nothing is lost, due_date carries them'),
  attempt_charge: notApplicable('ChartMogul never charges anyone: collecting the invoice stays with the billing system'),
  name: sentTo([line('description')], 'a value makes the row a line item (line_items[].type one_time)'),
  quantity: sentTo([line('quantity')]),
  unit_price: sentTo([line('amount_in_cents')], `quantity × unit_price, ${MINOR_UNIT}`),
  start_date: notApplicable("ChartMogul's one-time line items carry no service period: the line's dates stay in the billing system"),
  end_date: notApplicable("ChartMogul's one-time line items carry no service period: the line's dates stay in the billing system"),
  attach_to: toolkit('reference to the invoice row (its id) this line item belongs to; not sent'),
};
