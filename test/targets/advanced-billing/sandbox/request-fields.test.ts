// The guard: request body fields are checked against the operation's request schema of the vendor
// spec at run time (a warning header and a log line by default, 422 when strict), from a generated file
// that must match what the spec gives today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSpecPath, renderRequestFields, requestFieldsPath } from '../../../../scripts/generate-request-fields.js';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { specAvailable } from './contract.js';
import { startHarness } from './harness.js';

const PRODUCT = { name: 'Gold', handle: 'gold', description: '', price_in_cents: 1000, interval: 1, interval_unit: 'month' };

async function withFamily<T>(options: Parameters<typeof startHarness>[0], run: (harness: Awaited<ReturnType<typeof startHarness>>, family: number) => Promise<T>): Promise<T> {
  const harness = await startHarness(options);
  try {
    const family = await harness.call('POST', '/product_families.json', { product_family: { name: 'Acme' } });
    return await run(harness, family.body.product_family.id as number);
  } finally {
    await harness.close();
  }
}

describe('request fields from the spec', () => {
  // Skipped where ../shared/specs is absent (a user's clone), like the other contract checks.
  it.skipIf(!specAvailable)('the committed src/targets/advanced-billing/sandbox/request-fields.json is what the spec gives today (npm run generate:request-fields)', () => {
    const spec = JSON.parse(readFileSync(defaultSpecPath, 'utf8'));
    expect(readFileSync(requestFieldsPath, 'utf8')).toBe(renderRequestFields(spec));
  });

  it('tests run every sandbox strict: MIGRATE_SANDBOX_STRICT is the default', async () => {
    expect(process.env.MIGRATE_SANDBOX_STRICT).toBe('1');
    const sandbox = await startSandbox();
    const lenient = await startSandbox({ strict: false });
    try {
      expect([sandbox.strict, lenient.strict]).toEqual([true, false]);
    } finally {
      await Promise.all([sandbox.close(), lenient.close()]);
    }
  });
});

describe('a field the request schema lacks', () => {
  it('is answered with X-Sandbox-Warning and one log line per kind of request by default', async () => {
    const lines: string[] = [];
    await withFamily({ strict: false, log: (line) => lines.push(line) }, async (harness, family) => {
      const sent = { product: { ...PRODUCT, taxable: true, require_billing_address: true } };
      const created = await harness.call('POST', `/product_families/${family}/products.json`, sent, { invalidRequest: true });
      expect(created.status).toBe(201);
      expect(created.headers.get('x-sandbox-warning')).toBe('Fields not in the request schema of Create Product: product.taxable, product.require_billing_address.');
      // The sandbox does not invent what no request can set.
      expect(created.body.product).toMatchObject({ taxable: false, require_billing_address: false });
      const again = await harness.call('POST', `/product_families/${family}/products.json`, { product: { ...sent.product, handle: 'gold-2' } }, { invalidRequest: true });
      expect(again.headers.get('x-sandbox-warning')).toContain('product.taxable');
      const clean = await harness.call('POST', `/product_families/${family}/products.json`, { product: { ...PRODUCT, handle: 'gold-3' }, uniqueness_token: 'abc' });
      expect(clean.headers.get('x-sandbox-warning')).toBeNull();
    });
    expect(lines).toEqual([
      expect.stringMatching(/^sandbox: POST \/product_families\/\d+\/products\.json: Fields not in the request schema of Create Product: product\.taxable, product\.require_billing_address\. Answered anyway; --strict refuses them\.$/),
    ]);
  });

  it('is refused with 422 naming the field when strict, and nothing is created', async () => {
    await withFamily({ strict: true }, async (harness, family) => {
      const refused = await harness.call('POST', `/product_families/${family}/products.json`, { product: { ...PRODUCT, taxable: true } }, { invalidRequest: true });
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual({ errors: ['product.taxable: is not a field of Create Product in the API spec.'] });
      expect((await harness.call('GET', '/products.json')).body).toEqual([]);
    });
  });

  it('is found inside arrays and nested objects, and a body the operation does not take is refused whole', async () => {
    await withFamily({ strict: true }, async (harness, family) => {
      const component = {
        quantity_based_component: { name: 'Seats', unit_name: 'seat', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '5', colour: 'red' }] },
      };
      const refused = await harness.call('POST', `/product_families/${family}/quantity_based_components.json`, component, { invalidRequest: true });
      expect(refused.body.errors).toEqual(['quantity_based_component.prices[].colour: is not a field of Create Quantity Based Component in the API spec.']);
      const product = await harness.call('POST', `/product_families/${family}/products.json`, { product: PRODUCT });
      const promote = `/products/${product.body.product.id}/price_points/${product.body.product.default_product_price_point_id}/default.json`;
      const withBody = await harness.call('PATCH', promote, { price_point: { name: 'x' } }, { invalidRequest: true });
      expect(withBody.body.errors).toEqual(['price_point: is not a field of Promote Product Price Point to Default in the API spec.']);
    });
  });
});
