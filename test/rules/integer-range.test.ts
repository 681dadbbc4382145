import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('integer-range', 'subscriptions-standard', [
  { name: 'net terms 0 and 180, month 1 and 12', rows: [{ ...R, net_terms: '0' }, { ...R, net_terms: '180' }, { ...R, ...CC, exp_month: '01' }], expected: [] },
  { name: 'out of range or not whole', rows: [{ ...R, net_terms: '181' }, { ...R, net_terms: '30.5' }, { ...R, ...CC, exp_month: '13' }], expected: [{ row: 2, column: 'net_terms', messageId: 'outOfRange' }, { row: 3, column: 'net_terms', messageId: 'notInteger' }, { row: 4, column: 'exp_month', messageId: 'outOfRange' }] },
]);
ruleTable('integer-range', 'coupons', [
  { name: 'percentages 1 to 100', rows: [{ name: 'a', percentage_discount: '0' }, { name: 'b', percentage_discount: '100' }, { name: 'c', percentage_discount: '12.5' }], expected: [{ row: 2, column: 'percentage_discount' }, { row: 4, column: 'percentage_discount' }] },
]);
void C;
