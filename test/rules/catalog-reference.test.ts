import { STANDARD_ROW as R, ruleTable } from './helpers.js';

const references = {
  product: ['basic', 'pro'],
  'product-price-point': ['pro/pro-monthly'],
  component: ['seats'],
  'component-price-point': ['seats/seats-standard'],
  coupon: ['TENOFF'],
};
ruleTable('catalog-reference', 'subscriptions-standard', [
  { name: 'everything in the catalog', rows: [{ ...R, product_handle: 'pro', product_price_point_handle: 'pro-monthly', coupon_code_1: 'TENOFF', component_1: 'seats', componentPricepoint_1: 'seats-standard', componentQuantity_1: '1' }], options: { references }, expected: [] },
  {
    name: 'unknown product, price point of another product, component, component price point, coupon',
    rows: [{ ...R, product_handle: 'gold', coupon_code_1: 'NOPE', component_1: 'disk', componentQuantity_1: '1' }, { ...R, product_price_point_handle: 'pro-monthly', component_1: 'seats', componentPricepoint_1: 'seats-gold', componentQuantity_1: '1' }],
    options: { references },
    expected: [
      { row: 2, column: 'product_handle' },
      { row: 2, column: 'coupon_code_1' },
      { row: 2, column: 'component_1' },
      { row: 3, column: 'product_price_point_handle' },
      { row: 3, column: 'componentPricepoint_1' },
    ],
  },
  { name: 'numeric values are site ids, not checked', rows: [{ ...R, product_handle: '12345', component_1: '77', componentQuantity_1: '1' }], options: { references }, expected: [] },
  { name: 'not checked without catalog files', rows: [{ ...R, product_handle: 'gold' }], expected: [] },
]);
