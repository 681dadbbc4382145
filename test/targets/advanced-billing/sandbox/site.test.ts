// The site as a whole: GET /site.json, clearing data, unknown paths, authentication, live mode.
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('site', () => {
  it('describes itself, in test mode by default', async () => {
    harness = await startHarness({ subdomain: 'acme-test' });
    const site = await harness.call('GET', '/site.json');
    expect(site.status).toBe(200);
    expect(site.body.site).toMatchObject({ subdomain: 'acme-test', currency: 'USD', test: true });
  });

  it('answers 404 for an unknown record and 501 for a path or method it does not serve, in the errors envelope', async () => {
    harness = await startHarness();
    for (const [method, path, status] of [
      ['GET', '/nothing.json', 501],
      ['GET', '/customers/abc.json', 404],
      ['PATCH', '/customers.json', 501],
      // Not a link page's coupon "validate.json": Validate Coupon is not served.
      ['GET', '/coupons/validate.json?code=X', 501],
    ] as const) {
      const response = await harness.call(method, path);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.body.errors).toEqual([expect.any(String)]);
    }
  });

  it('answers 400 to a body that is not JSON', async () => {
    harness = await startHarness();
    const response = await fetch(`${harness.sandbox.baseUrl}/customers.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"customer":' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: string[] }).errors).toEqual(['The request body is not valid JSON.']);
  });

  it('answers a JSON body that is no object (`[]`) as one without the root key: the 422 the spec declares, not 400', async () => {
    harness = await startHarness();
    for (const body of ['[]', '"customer"', 'null']) {
      const response = await fetch(`${harness.sandbox.baseUrl}/customers.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status, body).toBe(422);
      expect(((await response.json()) as { errors: string[] }).errors).toEqual(["The request body must be a JSON object with the root key 'customer'."]);
    }
  });

  it('answers 413 to a body over 10 MB', async () => {
    harness = await startHarness();
    const body = JSON.stringify({ customer: { notes: 'x'.repeat(11 * 1024 * 1024) } });
    const response = await fetch(`${harness.sandbox.baseUrl}/customers.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: string[] }).errors).toEqual(['The request body is larger than 10 MB.']);
  });

  it('clears customers only, or everything', async () => {
    harness = await startHarness();
    await buildCatalog(harness);
    const created = await harness.call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes('clear-1') } });
    expect(created.status).toBe(201);
    expect((await harness.call('POST', '/sites/clear_data.json?cleanup_scope=customers')).status).toBe(200);
    expect((await harness.call('GET', '/customers.json')).body).toEqual([]);
    expect((await harness.call('GET', '/subscriptions.json')).body).toEqual([]);
    expect((await harness.call('GET', '/products.json')).body).toHaveLength(1);
    expect((await harness.call('POST', '/sites/clear_data.json')).status).toBe(200);
    expect((await harness.call('GET', '/products.json')).body).toEqual([]);
    expect((await harness.call('GET', '/coupons.json')).body).toEqual([]);
  });
});

describe('authentication', () => {
  it('answers 401 without the key or with a wrong one, 200 with it', async () => {
    harness = await startHarness({ apiKey: 'key-123' });
    const missing = await harness.call('GET', '/site.json');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Basic');
    expect((await harness.call('GET', '/site.json', undefined, { apiKey: 'wrong' })).status).toBe(401);
    expect((await harness.call('GET', '/site.json', undefined, { apiKey: 'key-123' })).status).toBe(200);
  });
});

describe('live mode', () => {
  it('refuses purge and clear-data with 403', async () => {
    harness = await startHarness({ mode: 'live' });
    await buildCatalog(harness);
    const created = await harness.call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes('live-1') } });
    const subscription = created.body.subscription;
    expect((await harness.call('GET', '/site.json')).body.site.test).toBe(false);
    const clear = await harness.call('POST', '/sites/clear_data.json');
    expect(clear.status).toBe(403);
    const purge = await harness.call('POST', `/subscriptions/${subscription.id}/purge.json?ack=${subscription.customer.id}`);
    expect(purge.status).toBe(403);
    expect(purge.body.errors).toEqual(['This action is only allowed on sites in test mode.']);
    expect((await harness.call('GET', `/subscriptions/${subscription.id}.json`)).status).toBe(200);
  });
});
