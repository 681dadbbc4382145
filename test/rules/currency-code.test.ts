import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('currency-code', 'subscriptions-standard', [
  { name: 'ISO 4217 codes', rows: [{ ...R, currency: 'EUR' }], expected: [] },
  { name: 'symbols, lower case and unknown codes', rows: [{ ...R, currency: '$' }, { ...R, currency: 'usd' }, { ...R, currency: 'ABC' }], expected: [{ row: 2, column: 'currency' }, { row: 3, column: 'currency' }, { row: 4, column: 'currency' }] },
]);
void C; void CC;
