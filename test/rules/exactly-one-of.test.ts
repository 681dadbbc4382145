import { ruleTable } from './helpers.js';

ruleTable('exactly-one-of', 'coupons', [
  { name: 'a percentage or a flat discount', rows: [{ name: 'a', percentage_discount: '10' }, { name: 'b', flat_discount: '5.00' }], expected: [] },
  { name: 'neither or both', rows: [{ name: 'a' }, { name: 'b', percentage_discount: '10', flat_discount: '5.00' }], expected: [{ row: 2, column: 'percentage_discount', messageId: 'none' }, { row: 3, column: 'flat_discount', messageId: 'several' }] },
]);
