import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('last-four', 'subscriptions-standard', [
  { name: 'four digits', rows: [{ ...R, ...CC, last_four: '0000' }], expected: [] },
  { name: 'other lengths and characters', rows: [{ ...R, ...CC, last_four: '123' }, { ...R, ...CC, last_four: '12a4' }, { ...R, ...CC, bank_account_last_four: '12345' }], expected: [{ row: 2, column: 'last_four' }, { row: 3, column: 'last_four' }, { row: 4, column: 'bank_account_last_four' }] },
]);
void C;
