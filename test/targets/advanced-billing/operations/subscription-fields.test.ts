// Columns that arrive where the spec says: the customer's verified and locale (through Update-Customer
// where a create schema lacks them), a bank account's holder, billing address and routing number,
// a prepaid subscription's prepaid_configuration, receives_invoice_emails and currency. Every request
// is checked against the spec with closed objects: a field the operation does not document fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../../src/dates/index.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';
import { loadRequestContract, specMissingReason } from '../../helpers/request-contract.js';
import { recordRequests } from '../../helpers/record-requests.js';
import { CATALOG } from './catalog-rows.js';
import { rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

// Billing dates computed from today, so the rows stay valid whatever the day the tests run.
const NEXT_BILLING = addDays(todayIn('UTC'), 60);
const recorder = recordRequests();
let site: SiteUnderTest;

beforeAll(async () => {
  site = await siteUnderTest({ nonPrimaryCurrencies: ['EUR'] });
  await runSteps(site.client, CATALOG.slice(0, 3).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
});

afterAll(async () => {
  recorder.stop();
  await site.close();
});

const STANDARD = {
  create_subscription: 'TRUE',
  customer_reference: 'bank-1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  verified: 'TRUE',
  locale: 'fr-CA',
  create_payment_profile: 'TRUE',
  payment_profile_type: 'bank_account',
  current_vault: 'bogus',
  vault_token: '1234567890',
  bank_account_first_name: 'Augusta',
  bank_account_last_name: 'King',
  bank_name: 'First Bank',
  bank_account_last_four: '6789',
  bank_routing_last_four: '1234',
  billing_address: '12 St James Sq',
  billing_city: 'London',
  billing_state: 'LND',
  billing_zip: 'SW1Y 4JH',
  billing_country: 'GB',
  currency: 'USD',
  payment_collection_method: 'automatic',
  next_billing_at: NEXT_BILLING,
  product_handle: 'basic',
};

function sent(method: string, pattern: RegExp): JsonObject[] {
  return recorder.requests.filter((request) => request.method === method && pattern.test(request.path)).map((request) => request.body as JsonObject);
}

describe('a standard subscription with a bank account', () => {
  it('sends the bank account under the fields its schema has, then the holder, address and locale by update', async () => {
    const outcomes = await runSteps(site.client, stepsOf([rowFrom('subscriptions-standard', STANDARD)]));
    const body = sent('POST', /^\/subscriptions\.json$/).at(-1)!.subscription as JsonObject;
    expect(body.bank_account_attributes).toEqual({
      payment_type: 'bank_account', current_vault: 'bogus', vault_token: '1234567890', bank_name: 'First Bank', bank_routing_number: '1234', bank_account_number: '6789',
    });
    expect(body.customer_attributes).toMatchObject({ verified: true });
    expect(body.customer_attributes).not.toHaveProperty('locale');

    const subscription = (await site.client.readSubscription(Number(outcomes.get('subscription:bank-1/basic')!.id)))!;
    const customer = subscription.customer as JsonObject;
    const bank = subscription.bank_account as JsonObject;
    expect(customer).toMatchObject({ locale: 'fr-CA', verified: true });
    expect(bank).toMatchObject({
      first_name: 'Augusta', last_name: 'King', bank_name: 'First Bank', masked_bank_routing_number: 'XXXX1234', masked_bank_account_number: 'XXXX6789',
      billing_address: '12 St James Sq', billing_city: 'London', billing_state: 'LND', billing_zip: 'SW1Y 4JH', billing_country: 'GB',
    });
    expect(sent('PUT', /^\/customers\/\d+\.json$/).at(-1)).toMatchObject({ customer: { locale: 'fr-CA' } });
    expect(sent('PUT', /^\/payment_profiles\/\d+\.json$/).at(-1)).toMatchObject({ payment_profile: { first_name: 'Augusta', billing_country: 'GB' } });
  });

  it('refuses gateway_handle with a bank account on a live site, naming the column, rather than dropping it', async () => {
    const live = await siteUnderTest({ mode: 'live' });
    try {
      await runSteps(live.client, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
      const row = rowFrom('subscriptions-standard', { ...STANDARD, gateway_handle: 'ach-gateway' });
      await expect(runSteps(live.client, stepsOf([row]))).rejects.toMatchObject({ location: { column: 'gateway_handle' } });
    } finally {
      await live.close();
    }
  });
});

describe('an advanced customer', () => {
  it('is created without verified (Create-Customer lacks it), then verified by Update-Customer; its bank routing digits are kept', async () => {
    const row = rowFrom('customers-advanced', {
      create_customer: 'TRUE', import_identifier_customer_reference: 'adv-1', has_parent: 'FALSE', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com',
      verified: 'TRUE', locale: 'en-US', create_payment_profile: 'TRUE', payment_profile_type: 'bank_account', current_vault: 'bogus', vault_token: 'vt-99887766',
      bank_account_first_name: 'Grace', bank_account_last_name: 'Hopper', bank_name: 'Navy Federal', bank_account_last_four: '4321', bank_routing_last_four: '0021',
    });
    await runSteps(site.client, stepsOf([row]));
    const created = sent('POST', /^\/customers\.json$/).at(-1)!.customer as JsonObject;
    expect(created).toMatchObject({ reference: 'adv-1', locale: 'en-US' });
    expect(created).not.toHaveProperty('verified');
    const customer = (await site.client.findCustomerByReference('adv-1'))!;
    expect(customer).toMatchObject({ verified: true, locale: 'en-US' });
    const [profile] = await site.client.listPaymentProfiles(Number(customer.id));
    expect(profile).toMatchObject({ masked_bank_routing_number: 'XXXX0021', masked_bank_account_number: 'XXXX4321' });
  });
});

describe('advanced subscriptions', () => {
  const ADVANCED = {
    create_subscription: 'TRUE', import_identifier_customer_reference: 'adv-1', who_pays: 'self', invoice_type: 'normal', receive_invoice_emails: 'FALSE',
    currency: 'EUR', payment_collection_method: 'remittance', next_billing_at: NEXT_BILLING, product_handle: 'basic',
  };

  it('keep receives_invoice_emails and currency on the site', async () => {
    const outcomes = await runSteps(site.client, stepsOf([rowFrom('subscriptions-advanced', { ...ADVANCED, subscription_reference: 'adv-sub-1' })]));
    const subscription = (await site.client.readSubscription(Number(outcomes.get('subscription:adv-sub-1')!.id)))!;
    expect(subscription).toMatchObject({ receives_invoice_emails: false, currency: 'EUR' });
  });

  it('send a prepaid subscription with its prepaid_configuration, and its balance as a prepayment', async () => {
    const row = rowFrom('subscriptions-advanced', { ...ADVANCED, subscription_reference: 'adv-prepaid', currency: 'USD', payment_collection_method: 'prepaid', prepayment_balance: '250.00' });
    const outcomes = await runSteps(site.client, stepsOf([row]));
    const body = sent('POST', /^\/subscriptions\.json$/).at(-1)!.subscription as JsonObject;
    expect(body).toMatchObject({ payment_collection_method: 'prepaid', prepaid_configuration: { auto_replenish: false } });
    const subscription = (await site.client.readSubscription(Number(outcomes.get('subscription:adv-prepaid')!.id)))!;
    expect(subscription).toMatchObject({ payment_collection_method: 'prepaid', prepaid_configuration: { auto_replenish: false }, prepayment_balance_in_cents: 25000 });
  });
});

/** The customer-side operations this file is about (the catalog's bodies are checked with the catalog). */
const CUSTOMER_SIDE = /^\/(customers|payment_profiles|subscriptions|invoices)(\.json|\/)/;

describe.skipIf(specMissingReason !== undefined)('every customer-side request of this file', () => {
  it('names only fields its operation documents', () => {
    const contract = loadRequestContract({ strict: true });
    const writes = recorder.requests.filter((request) => request.method !== 'GET' && CUSTOMER_SIDE.test(request.path));
    expect(writes.length).toBeGreaterThan(8);
    // uniqueness_token rides beside the root key on every write (the API's duplicate prevention), outside the schemas.
    const bodies = writes.map((request) => {
      const { uniqueness_token: _token, ...body } = (request.body ?? {}) as JsonObject;
      return { ...request, body };
    });
    expect(bodies.flatMap((request) => contract.problems(request.method, request.path, request.body))).toEqual([]);
  });
});
