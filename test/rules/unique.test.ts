import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';
import { runRows } from './helpers.js';
import { expect, it } from 'vitest';

ruleTable('unique', 'subscriptions-standard', [
  { name: 'distinct references', rows: [R, { ...R, customer_reference: 'cust-2' }], expected: [] },
  { name: 'every later duplicate, never the first', rows: [R, { ...R, customer_reference: 'cust-2' }, R, R], expected: [{ row: 4, column: 'customer_reference' }, { row: 5, column: 'customer_reference' }] },
  { name: 'rows not enabled do not count', rows: [{ ...R, create_subscription: 'FALSE' }, R], expected: [] },
]);
ruleTable('unique', 'customers-advanced', [
  { name: 'customer references', rows: [C, C], expected: [{ row: 3, column: 'import_identifier_customer_reference' }] },
]);
ruleTable('unique', 'coupons', [
  { name: 'coupon codes', rows: [{ name: 'a', code: 'X' }, { name: 'b', code: 'X' }], expected: [{ row: 3, column: 'code' }] },
]);
ruleTable('unique', 'product-families', [
  { name: 'family names (the site refuses a second family with the same name)', rows: [{ name: 'Main', handle: 'main' }, { name: 'Main', handle: 'main-2' }], expected: [{ row: 3, column: 'name' }] },
]);
ruleTable('unique', 'invoices', [
  { name: 'invoice ids', rows: [{ create_invoice: 'TRUE', id: 'I1' }, { create_invoice: 'TRUE', id: 'I1' }, { name: 'line', attach_to: 'I1' }], expected: [{ row: 3, column: 'id' }] },
]);
ruleTable('unique', 'products', [
  {
    name: 'product handles, and price point handles within their product',
    rows: [
      { product_name: 'A', handle: 'a', attach_to: 'a', price_point_handle: 'monthly' },
      { product_name: 'B', handle: 'b', attach_to: 'b', price_point_handle: 'monthly' },
      { product_name: 'A again', handle: 'a', attach_to: 'a', price_point_handle: 'yearly' },
      { attach_to: 'b', price_point_handle: 'monthly' },
    ],
    expected: [{ row: 4, column: 'handle' }, { row: 5, column: 'price_point_handle' }],
  },
]);
it('names the row of the first occurrence', () => {
  const finding = runRows('subscriptions-standard', [R, R]).find((f) => f.rule === 'unique');
  expect(finding?.message).toContain('row 2');
  expect(finding?.key).toBe('cust-1');
});
void CC;
