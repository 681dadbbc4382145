import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('required', 'subscriptions-standard', [
  { name: 'a complete row', rows: [R], expected: [] },
  { name: 'blank and space-only values are missing', rows: [{ ...R, first_name: '', email: '  ' }], expected: [{ row: 2, column: 'first_name' }, { row: 2, column: 'email' }] },
  { name: 'payment profile fields only when create_payment_profile is TRUE', rows: [{ ...R, payment_profile_type: '' }, { ...R, ...CC, current_vault: '' }], expected: [{ row: 3, column: 'current_vault' }] },
  { name: 'a row not enabled gets no errors', rows: [{ create_subscription: 'FALSE' }, { first_name: 'x' }], expected: [] },
]);
ruleTable('required', 'subscriptions-standard-custom-pricing', [
  { name: 'component_1 is required in custom pricing templates', rows: [{ ...R, component_1: '' }], expected: [{ row: 2, column: 'component_1' }] },
]);
ruleTable('required', 'subscriptions-standard', [
  {
    name: 'a required column absent from the header is missing on every enabled row',
    rows: [R, R],
    options: { header: Object.keys(R).filter((name) => name !== 'last_name') },
    expected: [{ row: 2, column: 'last_name' }, { row: 3, column: 'last_name' }],
  },
]);
void C;
