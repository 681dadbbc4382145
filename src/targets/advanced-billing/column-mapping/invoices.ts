// Where the invoices template's columns go in Advanced Billing (`migrate templates invoices` prints it).
import { enabler, to, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

const CREATE = 'Create Invoice';

export const invoicesMapping: MappingTable = {
  Status: toolkit('toolkit: result column (success, error, pending), written by the import'),
  Result: toolkit('toolkit: result column (the error, if any), written by the import'),
  Amount: toolkit("toolkit: written by the import from the created invoice's total_amount"),
  create_invoice: enabler('creates an invoice from this row'),
  customer: toolkit('help only: not sent (the invoice belongs to the subscription in sub_reference)'),
  sub_reference: toolkit('reference used to find the subscription (its subscription_reference or standard key); its id is the path {subscription_id} of Create Invoice'),
  id: toolkit('your invoice id, named by line items in attach_to; not sent'),
  total_amount: toolkit('compared with Amount after the import; not sent'),
  issue_date: to(CREATE, 'invoice.issue_date'),
  due_date: to(CREATE, 'invoice.net_terms', 'sent as due_date minus issue_date in days'),
  net_terms: toolkit('output: due_date minus issue_date in days, checked, then sent as invoice.net_terms'),
  attempt_charge: toolkit('no leaves the invoice open (invoice.status open); yes_attempt_a_charge is refused, not supported yet'),
  name: to(CREATE, 'invoice.line_items[].title', 'a value makes the row a line item'),
  quantity: to(CREATE, 'invoice.line_items[].quantity'),
  unit_price: to(CREATE, 'invoice.line_items[].unit_price'),
  start_date: to(CREATE, 'invoice.line_items[].period_range_start'),
  end_date: to(CREATE, 'invoice.line_items[].period_range_end'),
  attach_to: toolkit('reference to the invoice row (its id) this line item belongs to; not sent'),
};
