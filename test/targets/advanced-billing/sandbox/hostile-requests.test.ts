// Requests a site must survive: bad percent-encoding in a path, numbers out of any sane range, bodies
// nested millions deep or holding hundreds of thousands of fields, a long crafted email. Each is answered
// 4xx in the API's envelope, quickly, never 500.
import { describe, expect, it } from 'vitest';
import { customerAttributes, sandboxWithCatalog } from './catalog-fixture.js';
import { startHarness } from './harness.js';

const site = sandboxWithCatalog();

/** Sends a body as raw text (it may be no JSON the harness could build), unchecked against the spec. */
async function sendRaw(method: string, path: string, text: string, baseUrl = site.harness.sandbox.baseUrl) {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: text });
  const body = await response.text();
  return { status: response.status, headers: response.headers, body: body === '' ? undefined : JSON.parse(body) };
}

const call = (method: string, path: string, body?: unknown) => site.harness.call(method, path, body, { invalidRequest: true });

describe('bad percent-encoding in a path', () => {
  it.each([
    ['GET', '/customers/%ZZ.json', 404],
    ['PUT', '/customers/%ZZ.json', 404],
    ['GET', '/products/handle/%zz.json', 404],
    ['GET', '/customers/%FF.json', 400],
    ['GET', '/subscriptions/%E0%A4%A.json', 400],
    ['DELETE', '/product_families/1/coupons/%C0%AF.json', 400],
    ['GET', '/customers/%', 404],
  ])('%s %s is answered %d in the envelope', async (method, path, status) => {
    const response = await call(method, path, method === 'PUT' ? { customer: { organization: 'x' } } : undefined);
    expect(response.status).toBe(status);
    expect(response.body.errors).toEqual([expect.any(String)]);
  });
});

describe('numbers out of range on create', () => {
  const tooLong = 100_000_000;

  it('refuses a product interval of 1e8 (which a signup could not add to a date) with 422', async () => {
    const created = await call('POST', `/product_families/${site.catalog.familyId}/products.json`, {
      product: { name: 'Forever', handle: 'forever', price_in_cents: 100, interval: tooLong, interval_unit: 'month' },
    });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual(['Interval: must be less than or equal to 36500.']);
    expect((await call('GET', '/products/handle/forever.json')).status).toBe(404);
  });

  it.each([
    ['trial_interval', 'Trial interval'],
    ['expiration_interval', 'Expiration interval'],
  ])('refuses a product %s of 1e8 and of 0', async (field, label) => {
    for (const [value, message] of [
      [tooLong, `${label}: must be less than or equal to 36500.`],
      [0, `${label}: must be greater than or equal to 1.`],
    ] as const) {
      const created = await call('POST', `/product_families/${site.catalog.familyId}/products.json`, {
        product: { name: 'Odd', handle: `odd-${field}-${value}`, price_in_cents: 100, interval: 1, interval_unit: 'month', [field]: value, [`${field}_unit`]: 'day' },
      });
      expect(created.status).toBe(422);
      expect(created.body.errors).toEqual([message]);
    }
  });

  it('refuses a price point interval of 1e8, keyed by field as that operation answers', async () => {
    const created = await call('POST', `/products/${site.catalog.productId}/price_points.json`, {
      price_point: { name: 'Forever', handle: 'forever', price_in_cents: 100, interval: tooLong, interval_unit: 'day' },
    });
    expect(created.status).toBe(422);
    expect(created.body.errors).toEqual({ interval: ['Interval: must be less than or equal to 36500.'] });
  });

  it('refuses a signup custom price interval of 1e8 with 422, storing nothing', async () => {
    const signup = await call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', customer_attributes: customerAttributes('forever-1'), custom_price: { price_in_cents: 100, interval: tooLong, interval_unit: 'month' } },
    });
    expect(signup.status).toBe(422);
    expect(signup.body.errors).toEqual(['Custom price interval: must be less than or equal to 36500.']);
    expect((await call('GET', '/customers/lookup.json?reference=forever-1')).status).toBe(404);
  });

  it('refuses a component price point interval and a prepaid expiration interval of 1e8', async () => {
    const point = await call('POST', `/components/${site.catalog.components.perUnit}/price_points.json`, {
      price_point: { name: 'Forever', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1' }], interval: tooLong, interval_unit: 'day' },
    });
    expect(point.status).toBe(422);
    expect(JSON.stringify(point.body.errors)).toContain('Interval: must be less than or equal to 36500.');
    const prepaid = await call('POST', `/product_families/${site.catalog.familyId}/prepaid_usage_components.json`, {
      prepaid_usage_component: {
        name: 'Credits',
        unit_name: 'credit',
        pricing_scheme: 'per_unit',
        prices: [{ starting_quantity: 1, unit_price: '1' }],
        overage_pricing: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1' }] },
        rollover_prepaid_remainder: true,
        expiration_interval: tooLong,
        expiration_interval_unit: 'day',
      },
    });
    expect(prepaid.status).toBe(422);
    expect(prepaid.body.errors).toEqual(['Expiration interval: must be less than or equal to 36500.']);
  });

  it('refuses invoice net terms of 1e8 and an issue date that is no calendar date, instead of failing on the due date', async () => {
    const signup = await call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes('invoiced-1') } });
    expect(signup.status).toBe(201);
    const id = signup.body.subscription.id;
    const lineItems = [{ title: 'Setup', quantity: '1', unit_price: '10.00' }];
    const farTerms = await call('POST', `/subscriptions/${id}/invoices.json`, { invoice: { line_items: lineItems, net_terms: tooLong } });
    expect(farTerms.status).toBe(422);
    expect(farTerms.body.errors).toEqual({ net_terms: ['Net terms: must be less than or equal to 36500.'] });
    const noSuchDay = await call('POST', `/subscriptions/${id}/invoices.json`, { invoice: { line_items: lineItems, issue_date: '2026-13-45' } });
    expect(noSuchDay.status).toBe(422);
    expect(noSuchDay.body.errors).toEqual({ issue_date: ['Issue date: is not a valid date.'] });
  });
});

describe('amounts and quantities past a trillion', () => {
  it('refuses a service credit, a prepayment and a component quantity of 400 digits with 422, instead of storing Infinity', async () => {
    const signup = await call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes('huge-1') } });
    const id = signup.body.subscription.id;
    const huge = '9'.repeat(400);
    const credit = await call('POST', `/subscriptions/${id}/service_credits.json`, { service_credit: { amount: huge, memo: 'Huge' } });
    expect([credit.status, credit.body.errors]).toEqual([422, ['Amount: is too large.']]);
    const prepayment = await call('POST', `/subscriptions/${id}/prepayments.json`, { prepayment: { amount: huge, memo: 'Huge', details: 'Huge', method: 'cash' } });
    expect([prepayment.status, prepayment.body.errors]).toEqual([422, ['Amount: is too large.']]);
    const quantity = await call('POST', '/subscriptions.json', {
      subscription: { product_handle: 'gold', customer_attributes: customerAttributes('huge-2'), components: [{ component_id: site.catalog.components.tiered, allocated_quantity: huge }] },
    });
    expect([quantity.status, quantity.body.errors]).toEqual([422, ['Components[0] allocated quantity: is too large.']]);
    expect((await call('GET', `/subscriptions/${id}.json`)).body.subscription.credit_balance_in_cents).toBe(0);
  });
});

describe('bodies built to exhaust the sandbox', () => {
  it('refuses a body nested a million deep with 400 before parsing it', async () => {
    const depth = 1_000_000;
    const response = await sendRaw('POST', '/customers.json', `{"customer":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(['The request body is nested deeper than 100 levels.']);
  });

  it('refuses a body of 300,000 fields with 400, not with a multi-megabyte warning header', async () => {
    const lenient = await startHarness({ strict: false });
    try {
      const fields = Array.from({ length: 300_000 }, (_, index) => `"k${index}":1`).join(',');
      const response = await sendRaw('POST', '/customers.json', `{"customer":{${fields}}}`, lenient.sandbox.baseUrl);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(['The request body has more than 10000 fields and array items.']);
    } finally {
      await lenient.close();
    }
  });

  it('names the first ten unknown fields in the warning header and counts the rest', async () => {
    const lines: string[] = [];
    const lenient = await startHarness({ strict: false, log: (line) => lines.push(line) });
    try {
      const extra = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 1]));
      const response = await lenient.call('POST', '/customers.json', { customer: { ...customerAttributes('many-fields'), ...extra } }, { invalidRequest: true });
      expect(response.status).toBe(200);
      const names = Array.from({ length: 10 }, (_, index) => `customer.k${index}`).join(', ');
      expect(response.headers.get('x-sandbox-warning')).toBe(`Fields not in the request schema of Create Customer: ${names} and 40 more.`);
      expect(lines).toEqual([expect.stringContaining(`${names} and 40 more.`)]);
    } finally {
      await lenient.close();
    }
  });

  it('checks a 100,000-character crafted email in linear time (no regular-expression backtracking)', { timeout: 20_000 }, async () => {
    const response = await call('POST', '/customers.json', { customer: { ...customerAttributes('crafted'), email: `a@${'.'.repeat(100_000)}@` } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(['Email address: is invalid.']);
  });
});
