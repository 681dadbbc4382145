// The adapter's side of the neutral fields: what needs the site's currency, time zone or mode is done
// here, and a balance the site's currency cannot hold fails its row naming the column.
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../../../src/plan/operation.js';
import { billingAttributes } from '../../../../src/targets/advanced-billing/operations/billing.js';
import { paymentProfileAttributes, subscriptionPayment } from '../../../../src/targets/advanced-billing/operations/customer-fields.js';
import { minorUnitsOf } from '../../../../src/targets/minor-units.js';
import type { PaymentFields } from '../../../../src/plan/map/payment.js';
import { testDate } from '../../../helpers/clock.js';

const source: SourceRow = { file: 'subs.csv', kind: 'subscriptions-standard', row: 4, line: 4, key: 'cust-1', values: {} };

describe('minorUnitsOf', () => {
  it.each([
    { amount: '12.34', currency: 'USD', cents: 1234 },
    { amount: '12.5', currency: 'USD', cents: 1250 },
    { amount: '100', currency: 'JPY', cents: 100 },
    { amount: '1.234', currency: 'BHD', cents: 1234 },
  ])('$amount $currency → $cents', ({ amount, currency, cents }) => {
    expect(minorUnitsOf(amount, currency, source, 'service_credit_balance')).toBe(cents);
  });

  it('refuses more decimals than the currency has, naming the row and column, rather than rounding', () => {
    expect(() => minorUnitsOf('1.5', 'JPY', source, 'prepayment_balance')).toThrow(expect.objectContaining({
      name: 'RowError',
      message: 'prepayment_balance 1.5 has more decimals than JPY allows',
      location: expect.objectContaining({ file: 'subs.csv', row: 4, column: 'prepayment_balance' }),
    }));
  });
});

describe('billingAttributes', () => {
  it('sends calendar dates as noon in the site time zone, net terms as text, and prepaid with its configuration', () => {
    const next = testDate(10);
    const attrs = billingAttributes({ collectionMethod: 'prepaid', nextBillingDate: next, netTerms: 15, currency: 'EUR' }, 'Asia/Kolkata');
    expect(attrs).toEqual({
      currency: 'EUR',
      payment_collection_method: 'prepaid',
      next_billing_at: `${next}T12:00:00+05:30`,
      net_terms: '15',
      prepaid_configuration: { auto_replenish: false },
    });
    expect(billingAttributes({ collectionMethod: 'automatic', nextBillingDate: next }, undefined)).toEqual({
      payment_collection_method: 'automatic',
      next_billing_at: `${next}T12:00:00+00:00`,
    });
  });
});

describe('payment attributes', () => {
  const bank: PaymentFields = { type: 'bank', vault: 'bogus', vaultToken: 'tok_5678', gatewayHandle: 'ach', firstName: 'Ada', lastName: 'L', bankName: 'First', lastFour: '6789', routingLastFour: '1234', billingAddress: { city: 'Boston' } };

  it('sends gateway_handle to live sites only', () => {
    expect(paymentProfileAttributes(bank, { mode: 'test' })).not.toHaveProperty('gateway_handle');
    expect(paymentProfileAttributes(bank, { mode: 'live' })).toMatchObject({ payment_type: 'bank_account', gateway_handle: 'ach', vault_token: 'tok_5678', bank_routing_number: '1234' });
  });

  it('splits a bank account between the subscription and the profile update, and refuses its gateway on a live site', () => {
    expect(subscriptionPayment(source, bank, { mode: 'test' })).toEqual({
      key: 'bank_account_attributes',
      attrs: { payment_type: 'bank_account', current_vault: 'bogus', vault_token: 'tok_5678', bank_name: 'First', bank_account_number: '6789', bank_routing_number: '1234' },
      update: { first_name: 'Ada', last_name: 'L', billing_city: 'Boston' },
    });
    expect(() => subscriptionPayment(source, bank, { mode: 'live' })).toThrow(/gateway_handle cannot be sent with a bank account/);
    expect(subscriptionPayment(source, { type: 'paypal', vault: 'braintree', vaultToken: 'pp_1' }, { mode: 'live' })).toEqual({
      key: 'payment_profile_attributes',
      attrs: { payment_type: 'paypal_account', current_vault: 'braintree', vault_token: 'pp_1' },
      update: {},
    });
  });
});
