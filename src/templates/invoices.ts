// "Invoices - Create Invoices": backdated ad-hoc invoices (create_invoice rows) and their line items
// (rows with a name), attached to an invoice by its id.
import { column, inSection, is, present, use } from './columns.js';
import type { TemplateDefinition } from './types.js';

const invoiceRow = is('create_invoice', 'TRUE');
const lineItemRow = present('name');

export const invoices: TemplateDefinition = {
  kind: 'invoices',
  title: 'Invoices - Create Invoices',
  description: 'Backdated ad-hoc invoices with line items, optionally charged on import.',
  columns: [
    column('Status', 'output', 'The import result: success, error, pending, or blank.'),
    column('Result', 'output', 'The error message, if any.'),
    column('Amount', 'output', 'The total of the imported invoice, to compare with total_amount.'),
    column('create_invoice', 'conditional', 'TRUE to create an invoice; blank on rows that only add a line item.', [use.trueFalse]),
    column('customer', 'optional', 'The customer name (help only).'),
    ...inSection('invoice', [
      column('sub_reference', 'required', 'The reference of the subscription that will have the invoice.', [use.noSpaces, use.subscriptionExists]),
      column('id', 'required', 'Your id for the invoice; line items name it in attach_to.', [use.noSpaces, use.unique]),
      column('total_amount', 'optional', 'The expected invoice total, to compare with Amount.', [use.decimal]),
      column('issue_date', 'required', 'The issue date, today or earlier (YYYY-MM-DD).', [use.pastOrToday]),
      column('due_date', 'required', 'The due date (YYYY-MM-DD).', [use.date]),
    ]),
    column('net_terms', 'output', 'due_date minus issue_date in days; computed.', [use.integer(0)], 'invoice'),
    column('attempt_charge', 'required', 'yes_attempt_a_charge or no.', [use.allowed('yes_attempt_a_charge', 'no')], 'invoice'),
    ...inSection('line-item', [
      column('name', 'required', 'The line item name; a value enables validation of line item fields.'),
      column('quantity', 'required', 'The quantity of the line item.', [use.decimal]),
      column('unit_price', 'required', 'The per-unit price (negative for a discount line).', [use.signedDecimal]),
      column('start_date', 'required', 'Start of the revenue recognition period (YYYY-MM-DD).', [use.date]),
      column('end_date', 'required', 'End of the revenue recognition period (YYYY-MM-DD).', [use.date]),
      column('attach_to', 'required', 'The id of the invoice this line item belongs to.', [use.noSpaces]),
    ]),
  ],
  groups: [],
  customFieldPrefixes: [],
  enabledWhen: [invoiceRow, lineItemRow],
  sections: [
    { id: 'invoice', description: 'Customer details and invoice data, validated when create_invoice is TRUE.', enabledWhen: [invoiceRow] },
    { id: 'line-item', description: 'Line item fields, validated when name has a value.', enabledWhen: [lineItemRow] },
  ],
  keyColumns: ['id', 'attach_to'],
  rowRules: [
    { rule: 'invoice-net-terms', section: 'invoice' },
    { rule: 'attach-to', options: { column: 'attach_to', target: 'id', targetWhen: [invoiceRow], sourceWhen: [lineItemRow] } },
  ],
  provides: [],
};
