import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C } from './helpers.js';

const blankRow = Object.fromEntries(Object.keys(R).map((name) => [name, '']));

ruleTable('row-enabled', 'subscriptions-standard', [
  { name: 'TRUE in any case enables the row: nothing to say', rows: [R, { ...R, create_subscription: 'true', customer_reference: 'c-2' }], expected: [] },
  {
    name: 'Yes, 1, Y, x and WAHR are errors naming the value',
    rows: ['Yes', '1', 'Y', 'x', 'WAHR'].map((value, i) => ({ ...R, create_subscription: value, customer_reference: `c-${i}` })),
    expected: [2, 3, 4, 5, 6].map((row) => ({ row, column: 'create_subscription', messageId: 'notTrueFalse' })),
  },
  { name: 'an invalid enabler on an empty row is still an error', rows: [{ ...blankRow, create_subscription: 'ja' }], expected: [{ row: 2, column: 'create_subscription', messageId: 'notTrueFalse' }] },
  { name: 'data with a blank enabler: a warning', rows: [{ ...R, create_subscription: '' }, { ...R, create_subscription: '  ' }], expected: [{ row: 2, column: 'create_subscription', messageId: 'notEnabled' }, { row: 3, column: 'create_subscription', messageId: 'notEnabled' }] },
  { name: 'FALSE leaves a row with data out on purpose', rows: [{ ...R, create_subscription: 'FALSE' }, { ...R, create_subscription: 'false' }], expected: [] },
  { name: 'an empty row, or one with only output columns, is not data', rows: [blankRow, { ...blankRow, Status: 'success', Result: 'x' }], expected: [] },
]);

ruleTable('row-enabled', 'customers-advanced', [
  { name: 'create_customer WAHR', rows: [{ ...C, create_customer: 'WAHR' }], expected: [{ row: 2, column: 'create_customer', messageId: 'notTrueFalse' }] },
  { name: 'create_customer blank with data', rows: [{ ...C, create_customer: '' }], expected: [{ row: 2, column: 'create_customer', messageId: 'notEnabled' }] },
]);

ruleTable('row-enabled', 'invoices', [
  { name: 'a line item (name, no create_invoice) is enabled', rows: [{ name: 'Setup', quantity: '1', unit_price: '5', start_date: '2026-01-01', end_date: '2026-01-31', attach_to: 'inv-1' }], expected: [] },
  { name: 'neither create_invoice nor name, with data', rows: [{ id: 'inv-9', sub_reference: 's-1' }], expected: [{ row: 2, column: 'create_invoice', messageId: 'notEnabled' }] },
  { name: 'create_invoice x without a name', rows: [{ create_invoice: 'x', id: 'inv-9' }], expected: [{ row: 2, column: 'create_invoice', messageId: 'notTrueFalse' }] },
]);

ruleTable('row-enabled', 'products', [
  { name: 'a price point row without product_name or attach_to', rows: [{ price_point_name: 'Monthly', price: '5' }], expected: [{ row: 2, column: 'product_name', messageId: 'notEnabled' }] },
]);
