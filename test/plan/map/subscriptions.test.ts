// The mapping is pure: a template row becomes neutral operations (kind, key, dependsOn, fields) with no
// site, no vendor field names and no minor units; bad cells fail at mapping time with the row error the
// import reports; tokens are masked for printing.
import { describe, expect, it } from 'vitest';
import { customersAdvancedOperations } from '../../../src/plan/map/customers.js';
import { invoiceFileOperations } from '../../../src/plan/map/invoices.js';
import { maskedFields } from '../../../src/plan/map/masked-fields.js';
import { advancedSubscriptionOperations, standardSubscriptionOperations } from '../../../src/plan/map/subscriptions.js';
import type { SourceRow } from '../../../src/plan/operation.js';
import { testDate } from '../../helpers/clock.js';

function rowFrom(kind: string, values: Record<string, string>, row = 2): SourceRow {
  return { file: `${kind}.csv`, kind, row, line: row, key: '', values };
}

const NEXT_BILLING = testDate(30);

const CUSTOMER_ROW = {
  create_customer: 'TRUE',
  import_identifier_customer_reference: 'cust-1',
  has_parent: 'TRUE',
  parent_reference: 'parent-1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  cc_emails: 'a@example.com, b@example.com',
  organization_name: 'Acme Co',
  shipping_address: '1 Main St',
  shipping_city: 'Boston',
  shipping_country: 'US',
  vat_number: 'DE123456789',
  verified: 'TRUE',
  'custom_field[Region]': 'East',
  create_payment_profile: 'TRUE',
  payment_profile_type: 'credit_card',
  current_vault: 'bogus',
  gateway_handle: 'main-gateway',
  vault_token: 'tok_1234567890',
  credit_card_first_name: 'Ada',
  credit_card_last_name: 'Lovelace',
  last_four: '1111',
  card_type: 'visa',
  exp_month: '12',
  exp_year: '2030',
  billing_zip: '02101',
};

const STANDARD_ROW = {
  create_subscription: 'TRUE',
  customer_reference: 'cust-2',
  first_name: 'Grace',
  last_name: 'Hopper',
  email: 'grace@example.com',
  locale: 'en-US',
  'custom_field_customer[Region]': 'West',
  'custom_field_subscription[Plan]': 'Gold',
  create_payment_profile: 'TRUE',
  payment_profile_type: 'bank_account',
  current_vault: 'bogus',
  vault_token: 'bank_tok_9876',
  bank_account_first_name: 'Grace',
  bank_account_last_name: 'Hopper',
  bank_name: 'First Bank',
  bank_account_last_four: '6789',
  product_handle: 'basic',
  product_price_point_handle: 'annual',
  coupon_code_1: 'WELCOME',
  component_1: 'seats',
  componentPricepoint_1: 'tiered',
  componentQuantity_1: '5',
  componentCustomPrice_1: '2.50',
  component_2: '4242',
  componentQuantity_2: '1',
  currency: 'eur',
  payment_collection_method: 'remittance',
  next_billing_at: NEXT_BILLING,
  net_terms: '30',
  service_credit_balance: '12.5',
  prepayment_balance: '',
};

describe('the mapping of customer and subscription rows', () => {
  it('maps a customers-advanced row to a customer and its payment profile, with no site', () => {
    const operations = customersAdvancedOperations(rowFrom('customers-advanced', CUSTOMER_ROW));
    expect(operations.map(({ kind, key, dependsOn, fields }) => ({ kind, key, dependsOn, fields }))).toEqual([
      {
        kind: 'customer',
        key: 'cust-1',
        dependsOn: [{ type: 'customer', key: 'parent-1' }],
        fields: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          ccEmails: 'a@example.com,b@example.com',
          organization: 'Acme Co',
          reference: 'cust-1',
          address: { line1: '1 Main St', city: 'Boston', country: 'US' },
          vatNumber: '123456789',
          verified: true,
          customFields: { Region: 'East' },
          parent: { type: 'customer', key: 'parent-1' },
        },
      },
      {
        kind: 'payment_profile',
        key: 'cust-1',
        dependsOn: [{ type: 'customer', key: 'cust-1' }],
        fields: {
          customer: { type: 'customer', key: 'cust-1' },
          payment: {
            type: 'card',
            vault: 'bogus',
            vaultToken: 'tok_1234567890',
            // Kept whatever the site: whether a test site ignores it is the target's business.
            gatewayHandle: 'main-gateway',
            billingAddress: { zip: '02101' },
            firstName: 'Ada',
            lastName: 'Lovelace',
            lastFour: '1111',
            cardType: 'visa',
            expirationMonth: 12,
            expirationYear: 2030,
          },
        },
      },
    ]);
    // Each operation applies its own columns; the profile's token only masked.
    expect(operations[0]!.applied).not.toHaveProperty('vault_token');
    expect(operations[0]!.applied).toMatchObject({ first_name: 'Ada', 'custom_field[Region]': 'East' });
    expect(operations[1]!.applied).toMatchObject({ vault_token: '****7890', import_identifier_customer_reference: 'cust-1' });
    expect(operations[1]!.applied).not.toHaveProperty('first_name');
  });

  it('maps a subscriptions-standard row to one subscription carrying its customer and payment, and its balance', () => {
    const operations = standardSubscriptionOperations(rowFrom('subscriptions-standard-custom-pricing', STANDARD_ROW), true);
    expect(operations.map(({ kind, key, dependsOn, fields }) => ({ kind, key, dependsOn, fields }))).toEqual([
      {
        kind: 'subscription',
        key: 'cust-2/basic',
        dependsOn: [
          { type: 'product', key: 'basic' },
          { type: 'product_price_point', key: 'basic/annual' },
          { type: 'coupon', key: 'WELCOME' },
          { type: 'component', key: 'seats' },
          { type: 'component_price_point', key: 'seats/tiered' },
        ],
        fields: {
          newCustomer: {
            firstName: 'Grace',
            lastName: 'Hopper',
            email: 'grace@example.com',
            reference: 'cust-2',
            locale: 'en-US',
            customFields: { Region: 'West' },
          },
          payment: {
            type: 'bank',
            vault: 'bogus',
            vaultToken: 'bank_tok_9876',
            firstName: 'Grace',
            lastName: 'Hopper',
            bankName: 'First Bank',
            lastFour: '6789',
          },
          product: { type: 'product', key: 'basic' },
          pricePoint: { type: 'product_price_point', key: 'basic/annual' },
          coupons: [{ type: 'coupon', key: 'WELCOME' }],
          components: [
            { index: 1, component: { ref: { type: 'component', key: 'seats' } }, pricePoint: { ref: { type: 'component_price_point', key: 'seats/tiered' } }, quantity: '5', customPrice: '2.5' },
            // A component named by site ID needs no ordering: it exists already.
            { index: 2, component: { id: 4242 }, quantity: '1' },
          ],
          currency: 'EUR',
          collectionMethod: 'remittance',
          nextBillingDate: NEXT_BILLING,
          netTerms: 30,
          customFields: { Plan: 'Gold' },
          occurrence: 1,
        },
      },
      {
        kind: 'service_credit',
        key: 'cust-2/basic',
        dependsOn: [{ type: 'subscription', key: 'cust-2/basic' }],
        fields: { subscription: { type: 'subscription', key: 'cust-2/basic' }, amount: '12.5', memo: 'Service credit balance migrated from the previous billing system' },
      },
    ]);
    expect(operations[0]!.applied).not.toHaveProperty('service_credit_balance');
    expect(operations[1]!.applied).toEqual({ service_credit_balance: '12.5' });
  });

  it('is the same whenever it runs: no site, clock or state between two mappings of a row', () => {
    const row = rowFrom('subscriptions-standard', STANDARD_ROW);
    expect(standardSubscriptionOperations(row, false)).toEqual(standardSubscriptionOperations(row, false));
    // The 2nd identical row of a file gets its own key and occurrence.
    const second = standardSubscriptionOperations(row, false, 2)[0]!;
    expect(second.key).toBe('cust-2/basic/2');
    expect(second.fields).toMatchObject({ occurrence: 2 });
  });

  it('names no vendor field, minor unit or date-time in any operation', () => {
    const advanced = rowFrom('subscriptions-advanced', {
      create_subscription: 'TRUE', import_identifier_customer_reference: 'cust-1', subscription_reference: 'sub-1', who_pays: 'parent',
      invoice_type: 'consolidated', product_handle: 'basic', payment_collection_method: 'prepaid', next_billing_at: NEXT_BILLING, prepayment_balance: '40',
    });
    const operations = [
      ...customersAdvancedOperations(rowFrom('customers-advanced', CUSTOMER_ROW)),
      ...standardSubscriptionOperations(rowFrom('subscriptions-standard', STANDARD_ROW), false),
      ...advancedSubscriptionOperations(advanced, false),
    ];
    const text = JSON.stringify(operations.map(({ fields }) => fields));
    expect(text).not.toMatch(/_attributes|_in_cents|metafields|uniqueness_token|payment_collection_method|price_point_id|T12:00/);
    expect(operations.at(-2)!.fields).toMatchObject({ customer: { type: 'customer', key: 'cust-1' }, group: { payer: 'parent', consolidated: true, alignDate: true } });
    expect(operations.at(-2)!.dependsOn).toEqual([{ type: 'customer', key: 'cust-1' }, { type: 'product', key: 'basic' }]);
    expect(operations.at(-1)).toMatchObject({ kind: 'prepayment', key: 'sub-1', fields: { amount: '40' } });
  });

  it.each([
    { values: { ...STANDARD_ROW, next_billing_at: '2026-02-30' }, column: 'next_billing_at', message: 'next_billing_at must be a date in YYYY-MM-DD format, got "2026-02-30"' },
    { values: { ...STANDARD_ROW, payment_collection_method: 'cash' }, column: 'payment_collection_method', message: 'payment_collection_method must be one of automatic, remittance, prepaid, got "cash"' },
    { values: { ...STANDARD_ROW, payment_profile_type: 'cheque' }, column: 'payment_profile_type', message: 'payment_profile_type must be one of credit_card, bank_account, paypal_account, got "cheque"' },
    { values: { ...STANDARD_ROW, bank_name: '' }, column: 'bank_name', message: 'bank_name is required to import this row' },
  ])('fails a bad $column cell while mapping, naming the column', ({ values, column, message }) => {
    expect(() => standardSubscriptionOperations(rowFrom('subscriptions-standard', values), false)).toThrow(expect.objectContaining({
      name: 'RowError',
      message,
      location: expect.objectContaining({ file: 'subscriptions-standard.csv', row: 2, column }),
    }));
  });
});

describe('maskedFields', () => {
  it('masks every vault token at any depth and leaves the operation as it was', () => {
    const [customer, profile] = customersAdvancedOperations(rowFrom('customers-advanced', { ...CUSTOMER_ROW, customer_vault_token: 'cus_abcdefgh' }));
    expect(maskedFields(profile!)).toMatchObject({ payment: { vaultToken: '****7890', customerVaultToken: '****efgh', lastFour: '1111' } });
    expect(profile!.fields.payment.vaultToken).toBe('tok_1234567890');
    expect(maskedFields(customer!)).toEqual(customer!.fields);
    const [subscription] = standardSubscriptionOperations(rowFrom('subscriptions-standard', STANDARD_ROW), false);
    const printed = JSON.stringify(maskedFields(subscription!));
    expect(printed).not.toContain('bank_tok_9876');
    expect(printed).toContain('****9876');
  });
});

describe('the mapping of invoice rows', () => {
  it('maps an invoice and its line-item rows to one shared operation with computed net terms', () => {
    const issue = testDate(-10);
    const due = testDate(20);
    const rows = [
      rowFrom('invoices', { create_invoice: 'TRUE', id: 'inv-1', sub_reference: 'sub-1', issue_date: issue, due_date: due, attempt_charge: 'no', name: 'Setup', quantity: '1', unit_price: '99.90' }, 2),
      rowFrom('invoices', { create_invoice: 'FALSE', attach_to: 'inv-1', name: 'Hours', quantity: '2.5', unit_price: '40' }, 3),
    ];
    const [first, second] = invoiceFileOperations(rows);
    expect(first!.error).toBeUndefined();
    expect(second!.operations[0]).toBe(first!.operations[0]);
    const { kind, key, dependsOn, fields } = first!.operations[0]!;
    expect({ kind, key, dependsOn, fields }).toEqual({
      kind: 'invoice',
      key: 'inv-1',
      dependsOn: [{ type: 'subscription', key: 'sub-1' }],
      fields: {
        subscription: { type: 'subscription', key: 'sub-1' },
        issueDate: issue,
        dueDate: due,
        netTerms: 30,
        lineItems: [{ title: 'Setup', quantity: '1', unitPrice: '99.9' }, { title: 'Hours', quantity: '2.5', unitPrice: '40' }],
        occurrence: 1,
      },
    });
  });
});
