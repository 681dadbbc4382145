// The Advanced Billing mapping tables' vocabulary and the blocks several templates share (status,
// customer, payment profile, subscription): where each column's value goes on the site, as the spec
// names operations and fields. The adapter's code sends them; these tables say the same in data, and
// the fidelity test (test/targets/advanced-billing/operations/column-fidelity.test.ts) holds the two together on a sandbox site.
import type { ApiField, ColumnMapping, MappingTable } from '../../column-mapping.js';

export const sent = (operation: string, field: string, when?: string): ApiField =>
  when === undefined ? { operation, field } : { operation, field, when };
/** One operation's field, with a note when the value is transformed on the way. */
export const to = (operation: string, field: string, note?: string): ColumnMapping =>
  note === undefined ? { sentAs: [sent(operation, field)] } : { sentAs: [sent(operation, field)], note };
export const toMany = (fields: ApiField[], note?: string): ColumnMapping => (note === undefined ? { sentAs: fields } : { sentAs: fields, note });
/** A column the toolkit itself uses (output, row enabler, a reference to another object, help text). */
export const toolkit = (what: string): ColumnMapping => ({ toolkit: what });

export const BOOLEAN = 'TRUE/FALSE sent as a boolean';
export const MONEY = "in the site currency's minor unit (10.50 → 1050)";
const DATE = "sent as noon of that day in the site's time zone";

export const enabler = (what: string): ColumnMapping => toolkit(`row enabler: TRUE ${what}; not sent`);

export const statusMapping: MappingTable = {
  Status: toolkit('toolkit: result column (success, error, pending), written by the import'),
  Result: toolkit("toolkit: result column (a link to the created object, or the error), written by the import"),
};

export const renewalMapping: MappingTable = {
  ChargifyNextRenewal: toolkit("toolkit: written by the import from Preview Renewal's total_in_cents"),
  YourExpectedRenewal: toolkit('toolkit: compared with ChargifyNextRenewal after the import (compare); not sent'),
};

const CUSTOMER_FIELDS: Record<string, { field: string; note?: string }> = {
  organization_name: { field: 'organization' },
  first_name: { field: 'first_name' },
  last_name: { field: 'last_name' },
  email: { field: 'email' },
  cc_emails: { field: 'cc_emails', note: 'spaces around the commas removed' },
  phone: { field: 'phone' },
  shipping_address: { field: 'address' },
  shipping_address_2: { field: 'address_2' },
  shipping_city: { field: 'city' },
  shipping_state: { field: 'state' },
  shipping_zip: { field: 'zip' },
  shipping_country: { field: 'country' },
  tax_exempt: { field: 'tax_exempt', note: BOOLEAN },
  vat_number: { field: 'vat_number', note: 'the country prefix removed (DE123456789 → 123456789), as the site stores it' },
  verified: { field: 'verified', note: BOOLEAN },
  locale: { field: 'locale' },
};

/**
 * The customer columns: `create` is the operation and wire prefix that creates the customer;
 * `later` the columns that create cannot carry, which Update Customer sets right after it.
 */
export function customerMapping(create: { operation: string; prefix: string }, later: readonly string[]): MappingTable {
  return Object.fromEntries(
    Object.entries(CUSTOMER_FIELDS).map(([column, { field, note }]) => {
      const [operation, path] = later.includes(column) ? ['Update Customer', `customer.${field}`] : [create.operation, `${create.prefix}${field}`];
      return [column, to(operation, path, note)];
    }),
  );
}

const CARD = 'payment_profile_type credit_card';
const BANK = 'payment_profile_type bank_account';
const PAYPAL = 'payment_profile_type paypal_account';
const COMMON_PROFILE: Record<string, string> = {
  payment_profile_type: 'payment_type',
  current_vault: 'current_vault',
  vault_token: 'vault_token',
  customer_vault_token: 'customer_vault_token',
};
const BILLING = ['billing_address', 'billing_address_2', 'billing_city', 'billing_state', 'billing_country', 'billing_zip'];
const CARD_ONLY: Record<string, string> = {
  credit_card_first_name: 'first_name',
  credit_card_last_name: 'last_name',
  last_four: 'last_four',
  card_type: 'card_type',
  exp_month: 'expiration_month',
  exp_year: 'expiration_year',
};
const BANK_ONLY: Record<string, string> = {
  bank_account_first_name: 'first_name',
  bank_account_last_name: 'last_name',
  bank_name: 'bank_name',
  bank_account_last_four: 'last_four',
  bank_routing_last_four: 'bank_routing_number',
};
const MASKED = 'the site shows it masked (XXXX1234)';
const GATEWAY = 'live sites only: a test site routes every profile to its own gateway';
const PROFILE_ENABLER = enabler('creates the payment profile and enables its columns');

/** Customers-advanced: the profile is its own Create Payment Profile, after the customer. */
export function paymentProfileMapping(): MappingTable {
  const op = 'Create Payment Profile';
  const table: Record<string, ColumnMapping> = { create_payment_profile: PROFILE_ENABLER };
  for (const [column, field] of Object.entries(COMMON_PROFILE)) table[column] = to(op, `payment_profile.${field}`);
  for (const column of BILLING) table[column] = to(op, `payment_profile.${column}`);
  table.gateway_handle = to(op, 'payment_profile.gateway_handle', GATEWAY);
  for (const [column, field] of Object.entries(CARD_ONLY)) table[column] = toMany([sent(op, `payment_profile.${field}`, CARD)]);
  for (const [column, field] of Object.entries(BANK_ONLY)) table[column] = toMany([sent(op, `payment_profile.${field}`, BANK)]);
  table.last_four = toMany([sent(op, 'payment_profile.last_four', CARD)], MASKED);
  table.bank_account_last_four = toMany([sent(op, 'payment_profile.last_four', BANK)], MASKED);
  table.bank_routing_last_four = toMany([sent(op, 'payment_profile.bank_routing_number', BANK)], MASKED);
  return table;
}

/**
 * Standard subscriptions: the profile rides in Create Subscription. A card goes whole in
 * credit_card_attributes, PayPal in payment_profile_attributes; a bank account's holder and billing
 * address are not in Bank-Account-Attributes, so Update Payment Profile sets them right after.
 */
export function subscriptionPaymentMapping(): MappingTable {
  const op = 'Create Subscription';
  const update = 'Update Payment Profile';
  const card = (field: string) => sent(op, `subscription.credit_card_attributes.${field}`, CARD);
  const bank = (field: string) => sent(op, `subscription.bank_account_attributes.${field}`, BANK);
  const paypal = (field: string) => sent(op, `subscription.payment_profile_attributes.${field}`, PAYPAL);
  const table: Record<string, ColumnMapping> = { create_payment_profile: PROFILE_ENABLER };
  for (const [column, field] of Object.entries(COMMON_PROFILE)) table[column] = toMany([card(field), bank(field), paypal(field)]);
  for (const column of BILLING) table[column] = toMany([card(column), sent(update, `payment_profile.${column}`, BANK), paypal(column)]);
  table.gateway_handle = toMany([card('gateway_handle'), paypal('gateway_handle')], `${GATEWAY}; refused with a bank account (Bank-Account-Attributes has no such field)`);
  for (const [column, field] of Object.entries(CARD_ONLY)) table[column] = toMany([card(field)]);
  table.last_four = toMany([card('last_four')], MASKED);
  table.bank_account_first_name = toMany([sent(update, 'payment_profile.first_name', BANK)]);
  table.bank_account_last_name = toMany([sent(update, 'payment_profile.last_name', BANK)]);
  table.bank_name = toMany([bank('bank_name')]);
  table.bank_account_last_four = toMany([bank('bank_account_number')], `the account's last four as its number; ${MASKED}`);
  table.bank_routing_last_four = toMany([bank('bank_routing_number')], `the routing number's last four as the number; ${MASKED}`);
  return table;
}

/** currency … coupon_code_N and the component group, shared by the four subscription kinds. */
export function subscriptionMapping(customPricing: boolean): MappingTable {
  const op = 'Create Subscription';
  const table: Record<string, ColumnMapping> = {
    currency: to(op, 'subscription.currency', 'upper-cased'),
    payment_collection_method: to(op, 'subscription.payment_collection_method', 'prepaid also sends subscription.prepaid_configuration (auto_replenish false)'),
    previous_billing_at: to(op, 'subscription.previous_billing_at', DATE),
    next_billing_at: to(op, 'subscription.next_billing_at', DATE),
    net_terms: to(op, 'subscription.net_terms'),
    service_credit_balance: to('Issue Service Credit', 'service_credit.amount', 'after the subscription is created'),
    prepayment_balance: to('Create Prepayment', 'prepayment.amount', 'after the subscription is created; the prepaid opening balance'),
    product_handle: to(op, 'subscription.product_handle'),
    product_price_point_handle: to(op, 'subscription.product_price_point_handle'),
    coupon_code_N: to(op, 'subscription.coupon_codes[N]'),
    component_N: to(op, 'subscription.components[N].component_id', 'the handle resolved to the component id'),
    componentPricepoint_N: to(op, 'subscription.components[N].price_point_id', 'the handle resolved to the price point id'),
    componentQuantity_N: toMany(
      [
        sent(op, 'subscription.components[N].allocated_quantity', 'quantity-based or prepaid component'),
        sent(op, 'subscription.components[N].unit_balance', 'metered or event-based component'),
        sent(op, 'subscription.components[N].enabled', 'on/off component (0 = false)'),
      ],
      'blank: the component is not assigned',
    ),
  };
  if (customPricing) {
    table.componentCustomPrice_N = to(op, 'subscription.components[N].custom_price.prices[0].unit_price', 'a per_unit custom price, replacing the price point');
  }
  return table;
}

/** Standard and advanced subscriptions share the toolkit columns at the head of the row. */
export const subscriptionHeadMapping: MappingTable = {
  ...statusMapping,
  ...renewalMapping,
  create_subscription: enabler('creates the subscription'),
};

/** Prices of a bracket group at `path` (`price_point.prices`, `price_point.overage_pricing.prices`…). */
export function bracketMapping(operations: readonly string[], path: (operation: string) => string, prefix = ''): MappingTable {
  const fields = (field: string) => operations.map((operation) => sent(operation, `${path(operation)}[N].${field}`));
  return {
    [`${prefix}starting_quantity_N`]: toMany(fields('starting_quantity')),
    [`${prefix}ending_quantity_N`]: toMany(fields('ending_quantity'), 'blank for the last, open bracket'),
    [`${prefix}price_N`]: toMany(fields('unit_price')),
  };
}
