import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('vault-token', 'subscriptions-standard', [
  {
    name: 'formats that fit their gateway',
    rows: [
      { ...R, ...CC, current_vault: 'stripe_connect', vault_token: 'cus_ABC123' },
      { ...R, ...CC, current_vault: 'braintree_blue', vault_token: '123456' },
      { ...R, ...CC, current_vault: 'bogus', vault_token: 'tok-1' },
    ],
    expected: [],
  },
  {
    name: 'formats that do not',
    rows: [
      { ...R, ...CC, current_vault: 'stripe_connect', vault_token: 'card_123' },
      { ...R, ...CC, current_vault: 'braintree_blue', vault_token: 'abc123' },
      { ...R, ...CC, current_vault: 'bogus', vault_token: 'tok 1' },
    ],
    expected: [
      { row: 2, column: 'vault_token', messageId: 'stripe' },
      { row: 3, column: 'vault_token', messageId: 'digits' },
      { row: 4, column: 'vault_token', messageId: 'spaces' },
    ],
  },
  { name: 'not checked when create_payment_profile is FALSE', rows: [{ ...R, vault_token: 'tok 1' }], expected: [] },
]);
void C;
