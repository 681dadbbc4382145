import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('iso-country', 'customers-advanced', [
  { name: 'ISO 3166-1 alpha-2', rows: [{ ...C, shipping_country: 'FR' }], expected: [] },
  { name: 'names, alpha-3, lower case and unassigned codes', rows: [{ ...C, shipping_country: 'France' }, { ...C, shipping_country: 'USA' }, { ...C, shipping_country: 'us' }, { ...C, shipping_country: 'XX' }], expected: [{ row: 2, column: 'shipping_country' }, { row: 3, column: 'shipping_country' }, { row: 4, column: 'shipping_country' }, { row: 5, column: 'shipping_country' }] },
]);
void R; void CC;
