import { ruleTable } from './helpers.js';

const SUB = { create_subscription: 'TRUE', import_identifier_customer_reference: 'kid', who_pays: 'parent', invoice_type: 'consolidated', receive_invoice_emails: 'TRUE', currency: 'USD', payment_collection_method: 'automatic', next_billing_at: '2027-01-01', product_handle: 'basic' };
const references = { customer: ['kid', 'solo'], 'customer-with-parent': ['kid'] };
ruleTable('payer-has-parent', 'subscriptions-advanced', [
  { name: 'a child paid by its parent or eldest ancestor', rows: [SUB, { ...SUB, who_pays: 'eldest' }, { ...SUB, who_pays: 'self', import_identifier_customer_reference: 'solo' }], options: { references }, expected: [] },
  { name: 'a customer without a parent', rows: [{ ...SUB, import_identifier_customer_reference: 'solo' }, { ...SUB, who_pays: 'eldest', import_identifier_customer_reference: 'solo' }], options: { references }, expected: [{ row: 2, column: 'who_pays' }, { row: 3, column: 'who_pays' }] },
  { name: 'unknown customers are left to customer-exists', rows: [{ ...SUB, import_identifier_customer_reference: 'ghost' }], options: { references }, expected: [] },
  { name: 'not checked without a customers file', rows: [{ ...SUB, import_identifier_customer_reference: 'solo' }], expected: [] },
]);
