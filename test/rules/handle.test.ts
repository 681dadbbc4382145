import { ruleTable } from './helpers.js';

const PRODUCT = {
  product_name: 'Basic', product_family_id: 'fam', taxable: 'FALSE', require_payment_method: 'FALSE', require_billing_address: 'FALSE',
  require_shipping_address: 'FALSE', auto_create_signup_page: 'FALSE', handle: 'basic', attach_to: 'basic', price_point_name: 'Monthly',
  price_point_handle: 'basic-monthly', price: '10', renew_every: '1', month_or_day: 'month',
};
ruleTable('handle', 'products', [
  { name: 'handles starting with a letter', rows: [PRODUCT, { ...PRODUCT, handle: 'pro_2', attach_to: 'pro_2', price_point_handle: 'pp_10_each' }], expected: [] },
  {
    name: 'capitals, dots or other characters the API refuses',
    rows: [{ ...PRODUCT, handle: 'Basic', attach_to: 'Basic' }, { ...PRODUCT, handle: 'b2', attach_to: 'b2', price_point_handle: 'basic.monthly' }, { ...PRODUCT, handle: 'b:3', attach_to: 'b:3', price_point_handle: 'ü' }],
    expected: [{ row: 2, column: 'handle' }, { row: 3, column: 'price_point_handle' }, { row: 4, column: 'price_point_handle' }],
  },
  { name: 'starting with a digit or holding spaces', rows: [{ ...PRODUCT, handle: '10-plan', attach_to: '10-plan' }, { ...PRODUCT, handle: 'x', attach_to: 'x', price_point_handle: 'pp 10' }], expected: [{ row: 2, column: 'handle' }, { row: 3, column: 'price_point_handle' }] },
]);
ruleTable('handle', 'product-families', [
  { name: 'family handle', rows: [{ name: 'F', handle: '_f' }], expected: [{ row: 2, column: 'handle' }] },
]);
