import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('allowed-values', 'subscriptions-standard', [
  { name: 'documented values', rows: [{ ...R, payment_collection_method: 'prepaid' }], expected: [] },
  { name: 'other values and other case', rows: [{ ...R, payment_collection_method: 'Automatic' }, { ...R, ...CC, card_type: 'amex' }], expected: [{ row: 2, column: 'payment_collection_method' }, { row: 3, column: 'card_type' }] },
]);
ruleTable('allowed-values', 'customers-advanced', [
  { name: 'customer_type', rows: [{ ...C, customer_type: 'sibling' }], expected: [{ row: 2, column: 'customer_type' }] },
]);
