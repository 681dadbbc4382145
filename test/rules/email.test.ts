import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('email', 'subscriptions-standard', [
  { name: 'valid address', rows: [R], expected: [] },
  { name: 'invalid addresses', rows: [{ ...R, email: 'bob@' }, { ...R, email: 'bob example.com' }], expected: [{ row: 2, column: 'email' }, { row: 3, column: 'email' }] },
  { name: 'surrounding spaces are the no-surrounding-spaces rule, not this one', rows: [{ ...R, email: ' ada@example.com' }], expected: [] },
]);
void C; void CC;
