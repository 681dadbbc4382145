import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('vat-number', 'customers-advanced', [
  { name: 'country prefix and digits', rows: [{ ...C, vat_number: 'DE123456789', shipping_country: 'DE' }], expected: [] },
  { name: 'no prefix, spaces, dots', rows: [{ ...C, vat_number: '123456789', shipping_country: 'DE' }, { ...C, vat_number: 'DE 123 456 789', shipping_country: 'DE' }, { ...C, vat_number: 'de123456789', shipping_country: 'DE' }], expected: [{ row: 2, column: 'vat_number' }, { row: 3, column: 'vat_number' }, { row: 4, column: 'vat_number' }] },
]);
void R; void CC;
