// A subscription's nested `product` is priced as the subscription is: its own price point (a catalog
// price point other than the product's default, or its custom price), not the product's default, in
// every answer that embeds it (signup, read, lookup, lists, a customer's subscriptions, update, cancel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let annualId: number;
beforeAll(async () => {
  harness = await startHarness();
  await buildCatalog(harness);
  const product = await harness.call('GET', '/products/handle/gold.json');
  const annual = await harness.call('POST', `/products/${product.body.product.id}/price_points.json`, {
    price_point: { name: 'Gold annual', handle: 'gold-annual', price_in_cents: 100000, interval: 12, interval_unit: 'month', trial_price_in_cents: 0, trial_interval: 14, trial_interval_unit: 'day', expiration_interval: 24, expiration_interval_unit: 'month' },
  });
  annualId = annual.body.price_point.id;
});
afterAll(() => harness.close());

const ANNUAL_PRODUCT = {
  handle: 'gold',
  price_in_cents: 100000,
  interval: 12,
  interval_unit: 'month',
  trial_price_in_cents: 0,
  trial_interval: 14,
  trial_interval_unit: 'day',
  expiration_interval: 24,
  expiration_interval_unit: 'month',
  product_price_point_handle: 'gold-annual',
  product_price_point_name: 'Gold annual',
};

describe("a subscription's nested product", () => {
  it('shows the subscription\'s annual price point in every answer that embeds it, and the product its default', async () => {
    const created = await harness.call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', product_price_point_handle: 'gold-annual', customer_attributes: customerAttributes('annual-1'), reference: 'annual-sub' },
    });
    expect(created.status, created.text).toBe(201);
    const expected = { ...ANNUAL_PRODUCT, product_price_point_id: annualId };
    expect(created.body.subscription.product).toMatchObject(expected);
    const id = created.body.subscription.id;
    const customerId = created.body.subscription.customer.id;
    const answers = [
      (await harness.call('GET', `/subscriptions/${id}.json`)).body.subscription,
      (await harness.call('GET', `/subscriptions/${id}.json?include[]=coupons`)).body.subscription,
      (await harness.call('GET', '/subscriptions/lookup.json?reference=annual-sub')).body.subscription,
      (await harness.call('GET', '/subscriptions.json')).body.find((entry: any) => entry.subscription.id === id).subscription,
      (await harness.call('GET', `/customers/${customerId}/subscriptions.json`)).body[0].subscription,
      (await harness.call('PUT', `/subscriptions/${id}.json`, { subscription: { reference: 'annual-sub-2' } })).body.subscription,
      (await harness.call('DELETE', `/subscriptions/${id}.json`)).body.subscription,
    ];
    for (const answer of answers) expect(answer.product).toMatchObject(expected);
    // The product itself still reads at its default price point.
    const product = (await harness.call('GET', '/products/handle/gold.json')).body.product;
    expect(product).toMatchObject({ price_in_cents: 10000, interval: 1, interval_unit: 'month', product_price_point_handle: 'original' });
  });

  it("shows a custom price as the subscription's price point", async () => {
    const created = await harness.call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', custom_price: { price_in_cents: 4200, interval: 3, interval_unit: 'month' }, customer_attributes: customerAttributes('custom-1') },
    });
    expect(created.status, created.text).toBe(201);
    const read = (await harness.call('GET', `/subscriptions/${created.body.subscription.id}.json`)).body.subscription;
    expect(read.product).toMatchObject({ handle: 'gold', price_in_cents: 4200, interval: 3, interval_unit: 'month', product_price_point_id: read.product_price_point_id, product_price_point_name: 'Custom' });
    expect(read.product_price_point_type).toBe('custom');
  });
});
