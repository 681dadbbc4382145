import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

const P = { ...R, component_1: 'seats', componentQuantity_1: '2' };
ruleTable('custom-price', 'subscriptions-standard-custom-pricing', [
  { name: '5, 5.00, 5.55, 0.00375 and 8 decimals', rows: ['5', '5.00', '5.55', '0.00375', '1.12345678'].map((price) => ({ ...P, componentCustomPrice_1: price })), expected: [] },
  {
    name: 'symbols, decimal commas, 9 decimals, words',
    rows: ['$5.00', '5,55', '1.123456789', 'five'].map((price) => ({ ...P, componentCustomPrice_1: price })),
    expected: [
      { row: 2, column: 'componentCustomPrice_1', messageId: 'currencySymbol' },
      { row: 3, column: 'componentCustomPrice_1', messageId: 'decimalComma' },
      { row: 4, column: 'componentCustomPrice_1', messageId: 'tooManyDecimals' },
      { row: 5, column: 'componentCustomPrice_1', messageId: 'notNumber' },
    ],
  },
  { name: 'a price whose quantity is blank (a warning: the component is not assigned)', rows: [{ ...P, componentQuantity_1: '', componentCustomPrice_1: '1.50' }], expected: [{ row: 2, column: 'componentCustomPrice_1', messageId: 'quantityBlank' }] },
  { name: 'second group member', rows: [{ ...P, component_2: 'x', componentQuantity_2: '1', componentCustomPrice_2: '€3' }], expected: [{ row: 2, column: 'componentCustomPrice_2', messageId: 'currencySymbol' }] },
]);
void C; void CC;
