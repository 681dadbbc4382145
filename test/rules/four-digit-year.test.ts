import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('four-digit-year', 'customers-advanced', [
  { name: 'four digits', rows: [{ ...C, ...CC, exp_year: '2031' }], expected: [] },
  { name: 'two digits', rows: [{ ...C, ...CC, exp_year: '31' }], expected: [{ row: 2, column: 'exp_year' }] },
]);
void R;
