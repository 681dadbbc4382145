// Subscriptions as the importer creates them, plus lookup, update, components, purge, cancel, service
// credits, prepayments, invoices and subscription metafields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes, type Catalog } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let catalog: Catalog;
beforeAll(async () => {
  harness = await startHarness();
  catalog = await buildCatalog(harness);
});
afterAll(() => harness.close());

const card = { vault_token: 'tok_visa_4242', current_vault: 'bogus', last_four: '4242', card_type: 'visa', expiration_month: 1, expiration_year: 2031 };

async function subscribe(attrs: Record<string, unknown>) {
  const response = await harness.call('POST', '/subscriptions.json', { subscription: attrs });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.subscription;
}

describe('creating subscriptions', () => {
  it('creates customer and card from attributes, with components, coupons, dates, terms and reference', async () => {
    const subscription = await subscribe({
      product_handle: 'gold',
      customer_attributes: { ...customerAttributes('sub-cust-1'), metafields: { Region: 'EMEA' } },
      credit_card_attributes: card,
      components: [
        { component_id: catalog.components.perUnit, allocated_quantity: 3 },
        { component_id: 'handle:support', enabled: true },
      ],
      coupon_codes: ['TEN'],
      next_billing_at: '2099-01-15T00:00:00Z',
      previous_billing_at: '2098-12-15T00:00:00Z',
      payment_collection_method: 'remittance',
      net_terms: '30',
      reference: 'sub-1',
      metafields: { Channel: 'web' },
    });
    expect(subscription).toMatchObject({
      state: 'active',
      reference: 'sub-1',
      next_assessment_at: '2099-01-15T00:00:00Z',
      current_period_started_at: '2098-12-15T00:00:00Z',
      payment_collection_method: 'remittance',
      net_terms: 30,
      coupon_codes: ['TEN'],
      product_price_in_cents: 10000,
    });
    expect(subscription.customer.reference).toBe('sub-cust-1');
    expect(subscription.credit_card.masked_card_number).toBe('XXXX-XXXX-XXXX-4242');
    expect(JSON.stringify(subscription)).not.toContain('tok_visa');

    const components = await harness.call('GET', `/subscriptions/${subscription.id}/components.json`);
    expect(components.body.map((entry: { component: Record<string, unknown> }) => [entry.component.component_handle, entry.component.allocated_quantity ?? entry.component.enabled])).toEqual([
      ['seats', 3],
      ['support', 0],
    ]);
    expect(components.body[1].component.enabled).toBe(true);
    const customerFields = await harness.call('GET', `/customers/${subscription.customer.id}/metadata.json`);
    expect(customerFields.body.metadata[0]).toMatchObject({ name: 'Region', value: 'EMEA' });
    const subscriptionFields = await harness.call('GET', `/subscriptions/${subscription.id}/metadata.json`);
    expect(subscriptionFields.body.metadata[0]).toMatchObject({ name: 'Channel', value: 'web' });
  });

  it('finds the customer by reference or id and the price point by handle; links a payment profile by id', async () => {
    const customer = (await harness.call('POST', '/customers.json', { customer: customerAttributes('sub-cust-2') })).body.customer;
    const profile = (await harness.call('POST', '/payment_profiles.json', { payment_profile: { customer_id: customer.id, ...card } })).body.payment_profile;
    await harness.call('POST', `/products/${catalog.productId}/price_points.json`, {
      price_point: { name: 'Yearly', handle: 'yearly', price_in_cents: 100000, interval: 12, interval_unit: 'month' },
    });
    const byReference = await subscribe({ product_handle: 'gold', product_price_point_handle: 'yearly', customer_reference: 'sub-cust-2', payment_profile_id: profile.id });
    expect(byReference.customer.id).toBe(customer.id);
    expect(byReference.product_price_in_cents).toBe(100000);
    expect(byReference.credit_card.id).toBe(profile.id);
    const byId = await subscribe({ product_id: catalog.productId, customer_id: customer.id });
    expect(byId.customer.id).toBe(customer.id);
    const list = await harness.call('GET', `/customers/${customer.id}/subscriptions.json`);
    expect(list.body).toHaveLength(2);
  });

  it('groups a child under its parent for who-pays', async () => {
    const parent = (await harness.call('POST', '/customers.json', { customer: customerAttributes('payer-parent') })).body.customer;
    const child = (await harness.call('POST', '/customers.json', { customer: { ...customerAttributes('payer-child'), parent_id: parent.id } })).body.customer;
    const subscription = await subscribe({ product_handle: 'gold', customer_id: child.id, group: { target: { type: 'parent' }, billing: { accrue: true } } });
    expect(subscription.group).toMatchObject({ primary: true, primary_subscription_id: subscription.id });
    const noParent = await harness.call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', customer_id: parent.id, group: { target: { type: 'parent' } } },
    });
    expect(noParent.status).toBe(422);
  });

  it('answers 422 naming each problem, and stores nothing when it does', async () => {
    const before = (await harness.call('GET', '/customers.json?per_page=200')).body.length;
    const response = await harness.call('POST', '/subscriptions.json', {
      subscription: {
        product_handle: 'platinum',
        customer_attributes: customerAttributes('never-stored'),
        components: [{ component_id: 'handle:nope', quantity: 1 }],
        coupon_codes: ['NOPE'],
        reference: 'sub-1',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      "Product: could not be found for handle 'platinum'.",
      "Components[0] component: could not be found for id 'handle:nope'.",
      'Coupon code could not be found.',
      'Reference: must be unique - that value has been taken.',
    ]);
    const badCard = await harness.call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', customer_attributes: customerAttributes('never-stored-2'), credit_card_attributes: { first_name: 'x' } },
    });
    expect(badCard.status).toBe(422);
    expect(badCard.body.errors).toEqual(['Full number: cannot be blank.']);
    expect((await harness.call('GET', '/customers.json?per_page=200')).body.length).toBe(before);
    expect((await harness.call('GET', '/customers/lookup.json?reference=never-stored-2')).status).toBe(404);
  });

  it('refuses a subscription without a customer, a non-stackable coupon combined with another, and a fractional seat count', async () => {
    const response = await harness.call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', coupon_codes: ['HALF', 'TEN'], components: [{ component_id: catalog.components.perUnit, allocated_quantity: '1.5' }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      "Components[0] allocated quantity: must be a whole number for component 'seats'.",
      'Coupon codes: a non-stackable coupon cannot be combined with other coupons.',
      'A Customer must be specified for the subscription to be valid.',
    ]);
  });
});

describe('what the spec examples send', () => {
  it('takes a custom product price and component custom prices, an on/off one without a pricing scheme ("With Custom Pricing")', async () => {
    const subscription = await subscribe({
      product_id: catalog.productId,
      customer_attributes: customerAttributes('custom-pricing'),
      custom_price: { handle: 'custom-price', price_in_cents: 9900, interval: 1, interval_unit: 'month' },
      components: [
        { component_id: catalog.components.perUnit, allocated_quantity: 10, custom_price: { pricing_scheme: 'stairstep', prices: [{ unit_price: 5, starting_quantity: 1, ending_quantity: 15 }, { unit_price: 2, starting_quantity: 16 }] } },
        { component_id: catalog.components.onOff, enabled: true, custom_price: { prices: [{ unit_price: 1, starting_quantity: 1 }] } },
      ],
    });
    const preview = await harness.call('POST', `/subscriptions/${subscription.id}/renewals/preview.json`, {});
    // 99.00 + stairstep 10 seats in 1–15 (5.00) + on/off 1.00 = 105.00
    expect(preview.body.renewal_preview.subtotal_in_cents).toBe(10500);
  });

  it('imports a canceled subscription as canceled, with its dates, message and reason ("Import as Canceled")', async () => {
    const subscription = await subscribe({
      product_handle: 'gold',
      customer_attributes: customerAttributes('import-canceled'),
      canceled_at: '2021-02-25T12:00:00-04:00',
      activated_at: '2021-01-17T12:00:00-04:00',
      cancellation_message: 'Too expensive',
      reason_code: 'expensive',
    });
    expect(subscription).toMatchObject({
      state: 'canceled',
      canceled_at: '2021-02-25T16:00:00Z',
      activated_at: '2021-01-17T16:00:00Z',
      cancellation_message: 'Too expensive',
      reason_code: 'expensive',
    });
  });

  it('replaces the payment profile with the card an update sends; refuses (501) a product change it does not model', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('update-card'), credit_card_attributes: card });
    const updated = await harness.call('PUT', `/subscriptions/${subscription.id}.json`, {
      subscription: { credit_card_attributes: { full_number: '5555555555554444', expiration_month: '10', expiration_year: '2030' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.subscription.credit_card).toMatchObject({ masked_card_number: 'XXXX-XXXX-XXXX-4444', card_type: 'master' });
    expect(updated.body.subscription.credit_card.id).not.toBe(subscription.credit_card.id);
    const change = await harness.call('PUT', `/subscriptions/${subscription.id}.json`, { subscription: { product_id: catalog.productId } });
    expect(change.status).toBe(501);
    expect(change.body.errors).toEqual([expect.stringContaining('subscription.product_id of PUT /subscriptions/{}.json')]);
  });

  it('refuses (501) an offer, calendar billing or a trial it does not model, rather than ignoring it', async () => {
    for (const extra of [{ offer_id: 3 }, { calendar_billing: { snap_day: 1 } }, { custom_price: { price_in_cents: 100, interval: 1, interval_unit: 'month', trial_interval: 1 } }]) {
      const response = await harness.call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes(`refused-${Object.keys(extra)[0]}`), ...extra } });
      expect(response.status, JSON.stringify(extra)).toBe(501);
    }
    expect((await harness.call('GET', '/customers/lookup.json?reference=refused-offer_id')).status).toBe(404);
  });
});

describe('reading and changing subscriptions', () => {
  it('looks up by reference, updates, lists and cancels', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('life-1'), reference: 'life-sub' });
    expect((await harness.call('GET', '/subscriptions/lookup.json?reference=life-sub')).body.subscription.id).toBe(subscription.id);
    expect((await harness.call('GET', '/subscriptions/lookup.json?reference=none')).status).toBe(404);
    const updated = await harness.call('PUT', `/subscriptions/${subscription.id}.json`, { subscription: { next_billing_at: '2099-03-01T00:00:00Z', net_terms: '15' } });
    expect(updated.body.subscription).toMatchObject({ next_assessment_at: '2099-03-01T00:00:00Z', net_terms: 15 });
    const list = await harness.call('GET', '/subscriptions.json?per_page=200');
    expect(list.body.map((entry: { subscription: { id: number } }) => entry.subscription.id)).toContain(subscription.id);
    const canceled = await harness.call('DELETE', `/subscriptions/${subscription.id}.json`);
    expect(canceled.body.subscription.state).toBe('canceled');
    expect((await harness.call('GET', '/subscriptions/99999.json')).status).toBe(404);
  });

  it('issues service credits and prepayments without changing the renewal total', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('credit-1') });
    const before = (await harness.call('POST', `/subscriptions/${subscription.id}/renewals/preview.json`)).body.renewal_preview.total_in_cents;
    const credit = await harness.call('POST', `/subscriptions/${subscription.id}/service_credits.json`, { service_credit: { amount: '12.50', memo: 'Migrated credit' } });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ amount_in_cents: 1250, ending_balance_in_cents: 1250, memo: 'Migrated credit' });
    const prepayment = await harness.call('POST', `/subscriptions/${subscription.id}/prepayments.json`, {
      prepayment: { amount: 20, details: 'Migrated', memo: 'Prepaid balance', method: 'other' },
    });
    expect(prepayment.status).toBe(201);
    expect(prepayment.body.prepayment).toMatchObject({ amount_in_cents: 2000, starting_balance_in_cents: 0, ending_balance_in_cents: 2000 });
    const after = (await harness.call('POST', `/subscriptions/${subscription.id}/renewals/preview.json`)).body.renewal_preview.total_in_cents;
    expect(after).toBe(before);
    const negative = await harness.call('POST', `/subscriptions/${subscription.id}/service_credits.json`, { service_credit: { amount: '-1', memo: 'x' } });
    expect(negative.status).toBe(422);
  });

  it('lists a subscription’s prepayments in the spec’s shape, and 404 for an unknown subscription', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('prepay-list') });
    const path = `/subscriptions/${subscription.id}/prepayments.json`;
    expect((await harness.call('GET', path)).body).toEqual({ prepayments: [] });
    await harness.call('POST', path, { prepayment: { amount: 20, details: 'Migrated', memo: 'Prepaid balance', method: 'other' } });
    await harness.call('POST', path, { prepayment: { amount: 5.25, details: 'By check', memo: 'Second', method: 'check' } });
    const list = await harness.call('GET', path);
    expect(list.status).toBe(200);
    expect(list.body.prepayments).toEqual([
      expect.objectContaining({ subscription_id: subscription.id, amount_in_cents: 2000, remaining_amount_in_cents: 2000, refunded_amount_in_cents: 0, external: true, memo: 'Prepaid balance', details: 'Migrated', payment_type: 'other' }),
      expect.objectContaining({ amount_in_cents: 525, memo: 'Second', payment_type: 'check' }),
    ]);
    expect((await harness.call('GET', `${path}?page=2&per_page=1`)).body.prepayments.map((item: { memo: string }) => item.memo)).toEqual(['Second']);
    expect((await harness.call('GET', '/subscriptions/999999/prepayments.json')).status).toBe(404);
  });

  it('creates, lists, reads and voids invoices with decimal-string amounts', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('invoice-1') });
    const created = await harness.call('POST', `/subscriptions/${subscription.id}/invoices.json`, {
      invoice: {
        issue_date: '2026-10-01',
        net_terms: 30,
        line_items: [
          { title: 'October', quantity: '3', unit_price: '19.99', period_range_start: '2026-10-01', period_range_end: '2026-10-31' },
          { title: 'Setup', quantity: 1, unit_price: '0.10' },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const invoice = created.body.invoice;
    expect(invoice).toMatchObject({ status: 'open', issue_date: '2026-10-01', due_date: '2026-10-31', subtotal_amount: '60.07', total_amount: '60.07' });
    expect(invoice.line_items[0]).toMatchObject({ subtotal_amount: '59.97', period_range_start: '2026-10-01', period_range_end: '2026-10-31' });
    expect((await harness.call('GET', `/invoices/${invoice.uid}.json`)).body.uid).toBe(invoice.uid);
    const list = await harness.call('GET', `/invoices.json?subscription_id=${subscription.id}`);
    expect(list.body.invoices).toHaveLength(1);
    const voided = await harness.call('POST', `/invoices/${invoice.uid}/void.json`, { void: { reason: 'Re-import' } });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe('voided');
    expect((await harness.call('POST', `/invoices/${invoice.uid}/void.json`, { void: { reason: 'again' } })).status).toBe(422);
    expect((await harness.call('GET', '/invoices/inv_missing.json')).status).toBe(404);
    const empty = await harness.call('POST', `/subscriptions/${subscription.id}/invoices.json`, { invoice: { line_items: [] } });
    expect(empty.body.errors).toEqual({ line_items: ['Line items: cannot be blank.'] });
  });

  it('purges a subscription with its customer and payment profile (ack must be the customer id)', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('purge-1'), credit_card_attributes: card });
    const customerId = subscription.customer.id as number;
    const wrongAck = await harness.call('POST', `/subscriptions/${subscription.id}/purge.json?ack=1`);
    expect(wrongAck.status).toBe(422);
    const purged = await harness.call('POST', `/subscriptions/${subscription.id}/purge.json?ack=${customerId}&cascade[]=customer&cascade[]=payment_profile`);
    expect(purged.status).toBe(200);
    expect((await harness.call('GET', `/subscriptions/${subscription.id}.json`)).status).toBe(404);
    expect((await harness.call('GET', `/customers/${customerId}.json`)).status).toBe(404);
    expect((await harness.call('GET', `/payment_profiles/${subscription.credit_card.id}.json`)).status).toBe(404);
  });
});

describe('links', () => {
  it('serves a page at the link the importer writes', async () => {
    const subscription = await subscribe({ product_handle: 'gold', customer_attributes: customerAttributes('link-1') });
    const page = await fetch(`${harness.sandbox.baseUrl}/subscriptions/${subscription.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain(`Subscription ${subscription.id}`);
    expect((await fetch(`${harness.sandbox.baseUrl}/customers/99999`)).status).toBe(404);
  });
});
