import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('iso-state', 'subscriptions-standard', [
  { name: 'capital 2-letter codes', rows: [{ ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'US', shipping_state: 'CA' }], expected: [] },
  { name: 'names and lower case', rows: [{ ...R, shipping_state: 'California' }, { ...R, ...CC, billing_state: 'ny' }], expected: [{ row: 2, column: 'shipping_state' }, { row: 3, column: 'billing_state' }] },
]);
void C;
