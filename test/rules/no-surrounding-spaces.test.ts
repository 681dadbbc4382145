import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('no-surrounding-spaces', 'subscriptions-standard', [
  { name: 'clean values', rows: [R], expected: [] },
  { name: 'leading or trailing spaces on keys, handles, codes, emails', rows: [{ ...R, customer_reference: 'cust-1 ', email: ' ada@example.com', product_handle: 'basic\t', coupon_code_1: ' TEN' }], expected: [{ row: 2, column: 'customer_reference' }, { row: 2, column: 'email' }, { row: 2, column: 'product_handle' }, { row: 2, column: 'coupon_code_1' }] },
]);
void C; void CC;
