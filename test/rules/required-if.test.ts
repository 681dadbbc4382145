import { describe, expect, it } from 'vitest';
import { ruleTable, runRows, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('required-if', 'subscriptions-standard', [
  { name: 'shipping fields follow shipping_address', rows: [{ ...R, shipping_address: '1 Main St', shipping_city: 'Austin' }], expected: [{ row: 2, column: 'shipping_state' }, { row: 2, column: 'shipping_zip' }, { row: 2, column: 'shipping_country' }] },
  { name: 'vat_number needs shipping_country', rows: [{ ...R, vat_number: 'DE123456789' }], expected: [{ row: 2, column: 'shipping_country' }] },
  { name: 'credit card fields for credit_card', rows: [{ ...R, ...CC, last_four: '', card_type: '' }], expected: [{ row: 2, column: 'last_four' }, { row: 2, column: 'card_type' }] },
  { name: 'bank fields for bank_account', rows: [{ ...R, create_payment_profile: 'TRUE', payment_profile_type: 'bank_account', current_vault: 'bogus', vault_token: '1', bank_name: 'B' }], expected: [{ row: 2, column: 'bank_account_first_name' }, { row: 2, column: 'bank_account_last_name' }] },
  { name: 'customer_vault_token for authorizenet, square, adyen, gocardless', rows: [{ ...R, ...CC, current_vault: 'square' }, { ...R, ...CC, current_vault: 'stripe_connect', vault_token: 'cus_1' }], expected: [{ row: 2, column: 'customer_vault_token' }] },
  { name: 'billing fields when billing_address has a value', rows: [{ ...R, ...CC, billing_address: '2 Elm', billing_city: 'X', billing_zip: '1' }], expected: [{ row: 2, column: 'billing_state' }, { row: 2, column: 'billing_country' }] },
  { name: 'payment fields ignored when create_payment_profile is FALSE', rows: [{ ...R, payment_profile_type: 'credit_card' }], expected: [] },
  { name: 'prepayment_balance for a prepaid subscription (its opening balance)', rows: [{ ...R, payment_collection_method: 'prepaid' }, { ...R, payment_collection_method: 'prepaid', prepayment_balance: '100.00' }], expected: [{ row: 2, column: 'prepayment_balance' }] },
  { name: 'component_N when its quantity is set', rows: [{ ...R, componentQuantity_1: '2' }], expected: [{ row: 2, column: 'component_1' }] },
]);
ruleTable('required-if', 'customers-advanced', [
  { name: 'parent_reference when has_parent is TRUE', rows: [{ ...C, customer_type: 'child', has_parent: 'TRUE' }], expected: [{ row: 2, column: 'parent_reference' }] },
]);
ruleTable('required-if', 'components', [
  {
    name: 'pricing_scheme except for on_off; per_unit_price for per_unit or on_off',
    rows: [
      { component_name: 'A', component_type: 'on_off', attach_to: 'a' },
      { component_name: 'B', component_type: 'quantity_recurring', attach_to: 'b' },
      { component_name: 'C', component_type: 'quantity_recurring', attach_to: 'c', pricing_scheme: 'per_unit' },
    ],
    expected: [{ row: 2, column: 'per_unit_price' }, { row: 3, column: 'pricing_scheme' }, { row: 4, column: 'per_unit_price' }],
  },
  { name: 'metric_id for event_based, tax_code when taxable', rows: [{ component_name: 'E', component_type: 'event_based', taxable: 'TRUE', attach_to: 'e', pricing_scheme: 'per_unit', per_unit_price: '1' }], expected: [{ row: 2, column: 'metric_id' }, { row: 2, column: 'tax_code' }] },
]);

describe('rule required-if messages', () => {
  const messagesFor = (row: Record<string, string>): string[] => runRows('subscriptions-standard', [row]).filter((f) => f.rule === 'required-if' && f.column === 'shipping_country').map((f) => f.message);
  it('names only the conditions the row meets', () => {
    expect(messagesFor({ ...R, vat_number: 'DE123456789' })).toEqual(['shipping_country is required when vat_number has a value; fill it in.']);
    expect(messagesFor({ ...R, shipping_address: '1 Main St', vat_number: 'DE123456789' })).toEqual(['shipping_country is required when shipping_address has a value, and vat_number has a value; fill it in.']);
  });
});
