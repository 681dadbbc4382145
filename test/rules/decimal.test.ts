import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('decimal', 'subscriptions-standard', [
  { name: 'plain numbers', rows: [{ ...R, YourExpectedRenewal: '10.50', component_1: 'c', componentQuantity_1: '3' }], expected: [] },
  { name: 'symbols, thousands separators, decimal commas, negatives', rows: [{ ...R, YourExpectedRenewal: '$10' }, { ...R, YourExpectedRenewal: '1,000.00' }, { ...R, YourExpectedRenewal: '10,5' }, { ...R, component_1: 'c', componentQuantity_1: '-1' }], expected: [{ row: 2, column: 'YourExpectedRenewal', messageId: 'notNumber' }, { row: 3, column: 'YourExpectedRenewal', messageId: 'notNumber' }, { row: 4, column: 'YourExpectedRenewal', messageId: 'notNumber' }, { row: 5, column: 'componentQuantity_1', messageId: 'negative' }] },
]);
ruleTable('decimal', 'invoices', [
  { name: 'a negative unit price is a discount line', rows: [{ name: 'Discount', quantity: '1', unit_price: '-20.00', start_date: '2026-01-01', end_date: '2026-01-31', attach_to: 'x' }], expected: [] },
]);
void C; void CC;
