import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('coupon-code', 'coupons', [
  { name: 'letters, numbers and %@+-_.', rows: [{ name: 'a', code: 'SAVE10%@+-_.x' }], expected: [] },
  { name: 'other characters', rows: [{ name: 'a', code: 'SAVE 10' }, { name: 'b', code: 'SAVE#10' }], expected: [{ row: 2, column: 'code' }, { row: 3, column: 'code' }] },
]);
ruleTable('coupon-code', 'subscriptions-standard', [
  { name: 'coupon_code_N on subscriptions', rows: [{ ...R, coupon_code_1: 'OK', coupon_code_2: 'NOT OK!' }], expected: [{ row: 2, column: 'coupon_code_2' }] },
]);
void C; void CC;
