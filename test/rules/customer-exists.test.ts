import { ruleTable } from './helpers.js';

const SUB = { create_subscription: 'TRUE', import_identifier_customer_reference: 'acme', who_pays: 'self', invoice_type: 'normal', receive_invoice_emails: 'TRUE', currency: 'USD', payment_collection_method: 'automatic', next_billing_at: '2027-01-01', product_handle: 'basic' };
ruleTable('customer-exists', 'subscriptions-advanced', [
  { name: 'a known customer', rows: [SUB], options: { references: { customer: ['acme'] } }, expected: [] },
  { name: 'an unknown customer', rows: [{ ...SUB, import_identifier_customer_reference: 'acme-typo' }], options: { references: { customer: ['acme'] } }, expected: [{ row: 2, column: 'import_identifier_customer_reference' }] },
  { name: 'not checked without a customers file', rows: [{ ...SUB, import_identifier_customer_reference: 'anyone' }], expected: [] },
]);
