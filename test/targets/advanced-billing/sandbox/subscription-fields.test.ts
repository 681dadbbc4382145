// What a signup sets that the site must keep and answer as the spec's Subscription has it: billing
// dates in the site's time zone (a bare date is noon there), receives_invoice_emails, currency, and the
// prepaid_configuration a prepaid subscription cannot go without.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../../src/targets/advanced-billing/sandbox/messages.js';
import { buildCatalog, customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let customers = 0;
beforeAll(async () => {
  harness = await startHarness({ timeZone: 'America/New_York', nonPrimaryCurrencies: ['eur'] });
  await buildCatalog(harness);
});
afterAll(() => harness.close());

async function signup(attrs: Record<string, unknown>, options: { invalidRequest?: boolean } = {}) {
  customers += 1;
  return harness.call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes(`fields-${customers}`), ...attrs } }, options);
}

describe('a signup on a site in New York', () => {
  it('takes a bare next_billing_at as noon on that day in New York, and answers in New York time', async () => {
    // The spec's prose accepts a bare date (taken as noon); its schema says date-time, so the request check is off here.
    const response = await signup({ next_billing_at: '2099-03-15', previous_billing_at: '2099-02-15' }, { invalidRequest: true });
    expect(response.status, response.text).toBe(201);
    expect(response.body.subscription).toMatchObject({
      next_assessment_at: '2099-03-15T12:00:00-04:00',
      current_period_ends_at: '2099-03-15T12:00:00-04:00',
      current_period_started_at: '2099-02-15T12:00:00-05:00',
    });
  });

  it('keeps the instant of a date-time with an offset, shown at the site offset', async () => {
    const response = await signup({ next_billing_at: '2099-03-15T00:00:00Z' });
    expect(response.body.subscription.next_assessment_at).toBe('2099-03-14T20:00:00-04:00');
  });

  it('bills a month after signup at the same New York wall-clock time when no date is given', async () => {
    const response = await signup({});
    const started = String(response.body.subscription.current_period_started_at);
    const next = String(response.body.subscription.next_assessment_at);
    expect(started).toMatch(/-0[45]:00$/);
    expect(next.slice(11, 19)).toBe(started.slice(11, 19));
  });
});

describe('fields the subscription keeps', () => {
  it('stores receives_invoice_emails (default true, as the spec says) and the currency asked for', async () => {
    const quiet = await signup({ receives_invoice_emails: 'false', currency: 'EUR' });
    expect(quiet.status, quiet.text).toBe(201);
    expect(quiet.body.subscription).toMatchObject({ receives_invoice_emails: false, currency: 'EUR' });
    const read = await harness.call('GET', `/subscriptions/${quiet.body.subscription.id}.json`);
    expect(read.body.subscription).toMatchObject({ receives_invoice_emails: false, currency: 'EUR' });
    const plain = await signup({});
    expect(plain.body.subscription).toMatchObject({ receives_invoice_emails: true, currency: 'USD' });
  });

  it('refuses a currency the site does not have', async () => {
    const response = await signup({ currency: 'JPY' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([messages.currencyNotOnSite('JPY')]);
  });

  it('refuses a prepaid subscription without prepaid_configuration, and keeps the configuration given', async () => {
    const refused = await signup({ payment_collection_method: 'prepaid' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([messages.prepaidConfigurationRequired]);
    const prepaid = await signup({ payment_collection_method: 'prepaid', prepaid_configuration: { auto_replenish: false, initial_funding_amount_in_cents: 0 } });
    expect(prepaid.status, prepaid.text).toBe(201);
    expect(prepaid.body.subscription).toMatchObject({ payment_collection_method: 'prepaid', prepaid_configuration: { auto_replenish: false, initial_funding_amount_in_cents: 0 } });
  });
});
