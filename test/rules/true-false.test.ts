import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('true-false', 'subscriptions-standard', [
  { name: 'TRUE and FALSE', rows: [{ ...R, tax_exempt: 'TRUE', verified: 'FALSE' }], expected: [] },
  { name: 'other spellings', rows: [{ ...R, tax_exempt: 'yes' }, { ...R, verified: 'false' }], expected: [{ row: 2, column: 'tax_exempt' }, { row: 3, column: 'verified' }] },
  { name: 'a lower-case true still enables the row and is reported', rows: [{ ...R, create_subscription: 'true' }], expected: [{ row: 2, column: 'create_subscription' }] },
]);
void C; void CC;
