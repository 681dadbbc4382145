// Every Target operation through the client against the real sandbox: the catalog, customers,
// subscriptions, balances, invoices, custom fields, and the destructive calls (test sites only).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import type { RunningSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { parseAmount } from '../../../../src/targets/advanced-billing/client/amounts.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';

const API_KEY = 'operations-test-key';
const intent = (key: string) => ({ naturalKey: `ops:${key}` });

async function collect(items: AsyncIterable<JsonObject>): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('Target operations against the sandbox', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let client: ChargifyClient;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'client-ops-'));
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, apiKey: API_KEY });
    client = new ChargifyClient({ name: 'sandbox', baseUrl: sandbox.baseUrl, apiKey: API_KEY });
  });
  afterAll(async () => {
    await client.close();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('builds a catalog and finds it again by handle and code', async () => {
    const family = await client.createProductFamily({ name: 'Plans', handle: 'plans', description: 'All plans' }, intent('pf'));
    expect(await client.findProductFamilyByHandle('plans')).toMatchObject({ id: family.id });
    expect((await collect(client.listProductFamilies())).map((item) => item.handle)).toContain('plans');
    const familyId = Number(family.id);

    const product = await client.createProduct(familyId, { name: 'Gold', handle: 'gold', description: 'Gold plan', price_in_cents: 4900, interval: 1, interval_unit: 'month' }, intent('gold'));
    expect(await client.findProductByHandle('gold')).toMatchObject({ id: product.id });
    expect(await client.findProductByHandle('nothing')).toBeUndefined();
    const point = await client.createProductPricePoint(Number(product.id), { name: 'Annual', handle: 'gold-annual', price_in_cents: 49000, interval: 12, interval_unit: 'month' }, intent('gold-annual'));
    expect((await collect(client.listProductPricePoints(Number(product.id)))).map((item) => item.id)).toContain(point.id);
    expect((await collect(client.listProducts())).map((item) => item.handle)).toContain('gold');

    const seats = await client.createComponent(familyId, 'quantity_based', { name: 'Seats', unit_name: 'seat', handle: 'seats', pricing_scheme: 'per_unit', unit_price: '5.00' }, intent('seats'));
    expect(await client.findComponentByHandle('seats')).toMatchObject({ id: seats.id });
    const seatsEu = await client.createComponentPricePoint(Number(seats.id), { name: 'EU', handle: 'seats-eu', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '4.50' }] }, intent('seats-eu'));
    expect((await collect(client.listComponentPricePoints(Number(seats.id)))).map((item) => item.handle)).toContain('seats-eu');
    expect(seatsEu.handle).toBe('seats-eu');
    expect((await collect(client.listComponents())).map((item) => item.handle)).toContain('seats');

    const coupon = await client.createCoupon(familyId, { name: 'Ten off', code: 'TEN', description: '10% off', percentage: '10' }, intent('TEN'));
    expect(await client.findCouponByCode('TEN')).toMatchObject({ id: coupon.id });
    expect(await client.findCouponByCode('NOPE')).toBeUndefined();
    expect((await collect(client.listCoupons())).map((item) => item.code)).toContain('TEN');
  });

  it('creates segments on an event-based component’s price point', async () => {
    const family = await client.findProductFamilyByHandle('plans');
    const familyId = Number(family?.id);
    const events = await client.createComponent(familyId, 'event_based', { name: 'API calls', unit_name: 'call', handle: 'api-calls', pricing_scheme: 'per_unit', unit_price: '0.01', event_based_billing_metric_id: 1 }, intent('api-calls'));
    const points = await collect(client.listComponentPricePoints(Number(events.id)));
    expect(points.length).toBeGreaterThan(0);
    const pointId = Number(points[0].id);
    const segment = await client.createSegment(Number(events.id), pointId, { pricing_scheme: 'per_unit', segment_property_1_value: 'EU', prices: [{ starting_quantity: 1, unit_price: '0.02' }] }, intent('seg-eu'));
    expect((await collect(client.listSegments(Number(events.id), pointId))).map((item) => item.id)).toEqual([segment.id]);
  });

  it('signs a customer up, changes and reads back subscriptions, balances and invoices', async () => {
    const customer = await client.createCustomer({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', reference: 'ada' }, intent('ada'));
    const customerId = Number(customer.id);
    expect(await client.updateCustomer(customerId, { organization: 'Analytical Engines' })).toMatchObject({ organization: 'Analytical Engines' });
    expect(await client.readCustomer(customerId)).toMatchObject({ organization: 'Analytical Engines' });
    expect(await client.readCustomer(999_999)).toBeUndefined();

    const profile = await client.createPaymentProfile({ customer_id: customerId, vault_token: 'tok_0123456789', current_vault: 'bogus', payment_type: 'credit_card' }, intent('ada-pp'));
    expect(profile.customer_id).toBe(customerId);
    expect((await client.listPaymentProfiles(customerId)).map((item) => item.id)).toEqual([profile.id]);
    expect(await client.listPaymentProfiles(999_999)).toEqual([]);
    expect(await client.readPaymentProfile(Number(profile.id))).toMatchObject({ id: profile.id, customer_id: customerId });
    expect(await client.readPaymentProfile(999_999)).toBeUndefined();

    const subscription = await client.createSubscription(
      { product_handle: 'gold', customer_id: customerId, reference: 'ada-gold', payment_profile_id: Number(profile.id), components: [{ component_id: 'handle:seats', allocated_quantity: 3 }] },
      intent('ada-gold'),
    );
    const subscriptionId = Number(subscription.id);
    expect(await client.findSubscriptionByReference('ada-gold')).toMatchObject({ id: subscriptionId });
    expect((await client.listCustomerSubscriptions(customerId)).map((item) => item.id)).toEqual([subscriptionId]);
    expect((await collect(client.listSubscriptions())).map((item) => item.id)).toContain(subscriptionId);
    expect((await client.listSubscriptionComponents(subscriptionId)).length).toBeGreaterThan(0);
    expect(await client.updateSubscription(subscriptionId, { next_billing_at: '2027-01-15T00:00:00Z' })).toMatchObject({ id: subscriptionId });

    const preview = await client.previewRenewal(subscriptionId);
    expect(parseAmount(preview.total_in_cents)?.toNumber()).toBeGreaterThan(0);

    const credit = await client.issueServiceCredit(subscriptionId, '12.50', 'Migrated credit', intent('ada-credit'));
    expect(credit.amount_in_cents).toBe(1250);
    const prepayment = await client.createPrepayment(subscriptionId, '20.05', 'Migrated prepayment', intent('ada-prepay'));
    expect(prepayment.amount_in_cents).toBe(2005);
    expect((await client.listPrepayments(subscriptionId)).map((item) => [item.id, item.amount_in_cents, item.memo])).toEqual([[prepayment.id, 2005, 'Migrated prepayment']]);
    // An unanswered create retried under the same token: the 409 is settled by finding the first prepayment.
    const retried = await client.createPrepayment(subscriptionId, '20.05', 'Migrated prepayment', intent('ada-prepay'));
    expect(retried.id).toBe(prepayment.id);
    expect(await client.listPrepayments(subscriptionId)).toHaveLength(1);

    const invoice = await client.createInvoice(subscriptionId, { issue_date: '2026-10-01', line_items: [{ title: 'Gold, October', quantity: '1', unit_price: '49.00' }] }, intent('inv-1'));
    const uid = String(invoice.uid);
    expect(await client.readInvoice(uid)).toMatchObject({ uid });
    expect(await client.readInvoice('inv_missing')).toBeUndefined();
    expect((await collect(client.listInvoices())).map((item) => item.uid)).toContain(uid);
    await client.voidInvoice(uid, 'Migrated as void');
    expect(await client.readInvoice(uid)).toMatchObject({ status: 'voided' });
  });

  it('defines custom fields and sets, changes and lists their values', async () => {
    const customer = await client.findCustomerByReference('ada');
    const customerId = Number(customer?.id);
    await client.ensureMetafields('customers', ['Region', 'Tier']);
    await client.ensureMetafields('customers', ['Region']);
    await client.setMetadata('customers', customerId, { Region: 'EU', Tier: 'gold' });
    await client.setMetadata('customers', customerId, { Region: 'US' });
    expect(await client.listMetadata('customers', customerId)).toEqual({ Region: 'US', Tier: 'gold' });
  });

  it('defines a new custom field once when rows ask for it at the same time (no "Name: must be unique")', async () => {
    await Promise.all(Array.from({ length: 4 }, () => client.ensureMetafields('subscriptions', ['Seats', 'Plan'])));
    const names = (await collect(client.paginate('/subscriptions/metafields.json', 'metafields'))).map((field) => field.name);
    expect(names.filter((name) => name === 'Seats')).toHaveLength(1);
  });

  it('cancels, purges and deletes, and clears a test site', async () => {
    const customer = await client.createCustomer({ first_name: 'Bob', last_name: 'Babbage', email: 'bob@example.com', reference: 'bob' }, intent('bob'));
    const subscription = await client.createSubscription({ product_handle: 'gold', customer_id: Number(customer.id), reference: 'bob-gold' }, intent('bob-gold'));
    await client.cancelSubscription(Number(subscription.id));
    expect(await client.readSubscription(Number(subscription.id))).toMatchObject({ state: 'canceled' });
    await client.purgeSubscription(Number(subscription.id), ['customer']);
    expect(await client.readSubscription(Number(subscription.id))).toBeUndefined();
    expect(await client.findCustomerByReference('bob')).toBeUndefined();

    const carol = await client.createCustomer({ first_name: 'Carol', last_name: 'Shaw', email: 'carol@example.com', reference: 'carol' }, intent('carol'));
    await client.deleteCustomer(Number(carol.id));
    await client.deleteCustomer(Number(carol.id));
    expect(await client.readCustomer(Number(carol.id))).toBeUndefined();

    await client.clearSite('customers');
    expect(await collect(client.listCustomers())).toEqual([]);
    expect(await client.findProductByHandle('gold')).toBeDefined();
  });

  it('is refused purge and clear-data on a live site', async () => {
    const live = await startSandbox({ port: 0, host: '127.0.0.1', mode: 'live' });
    const liveClient = new ChargifyClient({ name: 'live', baseUrl: live.baseUrl });
    try {
      expect((await liveClient.readSite()).mode).toBe('live');
      await expect(liveClient.clearSite('all')).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
    } finally {
      await liveClient.close();
      await live.close();
    }
  });
});
