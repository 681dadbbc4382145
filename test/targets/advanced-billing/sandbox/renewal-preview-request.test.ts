// Renewal previews driven by the request: the spec's own request example (its components and
// quantities replace the subscription's), each line's period, and the site's flat tax rates. The harness
// checks every request and answer against the spec's schemas.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes, type Catalog } from './catalog-fixture.js';
import { specAvailable, specPath } from './contract.js';
import { startHarness, type Harness } from './harness.js';

let counter = 0;

async function subscribe(harness: Harness, extra: Record<string, unknown> = {}, customer: Record<string, unknown> = {}): Promise<number> {
  counter += 1;
  const created = await harness.call('POST', '/subscriptions.json', {
    subscription: { product_handle: 'gold', customer_attributes: { ...customerAttributes(`preview-${counter}`), ...customer }, next_billing_at: '2099-02-01T00:00:00Z', ...extra },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.subscription.id as number;
}

async function preview(harness: Harness, id: number, body?: unknown) {
  const response = await harness.call('POST', `/subscriptions/${id}/renewals/preview.json`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.renewal_preview;
}

describe('renewal preview: the request\'s components', () => {
  let harness: Harness;
  let catalog: Catalog;
  const ids = { small: 0, large: 0, smallPoint: 0 };
  beforeAll(async () => {
    harness = await startHarness();
    catalog = await buildCatalog(harness);
    const family = catalog.familyId;
    const small = await harness.call('POST', `/product_families/${family}/metered_components.json`, {
      metered_component: { name: 'Small instance hours', handle: 'small-instance-hours', unit_name: 'hour', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.01' }] },
    });
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    ids.small = small.body.component.id;
    ids.smallPoint = small.body.component.default_price_point_id;
    const large = await harness.call('POST', `/product_families/${family}/quantity_based_components.json`, {
      quantity_based_component: { name: 'Large instance hours', handle: 'large-instance-hours', unit_name: 'hour', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1.00' }] },
    });
    expect(large.status, JSON.stringify(large.body)).toBe(201);
    ids.large = large.body.component.id;
    const startup = await harness.call('POST', `/components/${ids.large}/price_points.json`, {
      price_point: { name: 'Startup pricing', handle: 'startup-pricing', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.50' }] },
    });
    expect(startup.status, JSON.stringify(startup.body)).toBe(200);
  });
  afterAll(() => harness.close());

  it.skipIf(!specAvailable)('prices the spec\'s request example: only its components, at its quantities and price points', async () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    const example = spec.paths['/subscriptions/{subscription_id}/renewals/preview.json'].post.requestBody.content['application/json'].examples.Example.value;
    // The example's ids name objects of the vendor's own site: 10708 is read as our per-unit seats, 8712
    // as small-instance-hours' default price point; its handles are created above as they are.
    const body = JSON.parse(JSON.stringify(example).replace('10708', String(catalog.components.perUnit)).replace('8712', String(ids.smallPoint)));
    // The subscription's own components (volume seats ×15) are left out: the request's replace them.
    const id = await subscribe(harness, { components: [{ component_id: catalog.components.volume, allocated_quantity: 15 }, { component_id: catalog.components.perUnit, allocated_quantity: 3 }] });
    const result = await preview(harness, id, body);
    expect(result.line_items.map((item: Record<string, unknown>) => [item.kind, item.component_handle ?? item.product_handle, item.amount_in_cents])).toEqual([
      ['baseline', 'gold', 10000],
      ['quantity_based_component', 'seats', 2500000], // 10000 × 2.50
      ['metered_component', 'small-instance-hours', 10000], // 10000 × 0.01
      ['quantity_based_component', 'large-instance-hours', 5000], // 100 × 0.50 (startup-pricing)
    ]);
    expect(result.total_in_cents).toBe(10000 + 2500000 + 10000 + 5000);
  });

  it('keeps the subscription\'s components without a components list, and an on/off quantity enables', async () => {
    const id = await subscribe(harness, { components: [{ component_id: catalog.components.perUnit, allocated_quantity: 3 }] });
    expect((await preview(harness, id)).total_in_cents).toBe(10750);
    expect((await preview(harness, id, { components: [] })).total_in_cents).toBe(10750);
    expect((await preview(harness, id, { components: [{ component_id: catalog.components.perUnit, quantity: 5 }] })).total_in_cents).toBe(11250);
    const withSupport = await preview(harness, id, { components: [{ component_id: 'handle:support', quantity: 1 }] });
    expect(withSupport.total_in_cents).toBe(11500);
    expect((await preview(harness, id, { components: [{ component_id: 'handle:support', quantity: 0 }] })).total_in_cents).toBe(10000);
  });

  it('refuses a component or price point the site does not have, 422', async () => {
    const id = await subscribe(harness);
    const unknown = await harness.call('POST', `/subscriptions/${id}/renewals/preview.json`, { components: [{ component_id: 'handle:nope', quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.join(' ')).toContain("'handle:nope'");
    const point = await harness.call('POST', `/subscriptions/${id}/renewals/preview.json`, { components: [{ component_id: catalog.components.perUnit, quantity: 1, price_point_id: 'handle:startup-pricing' }] });
    expect(point.status).toBe(422);
  });

  it('runs each line from the current period\'s start to the next billing date', async () => {
    const id = await subscribe(harness, { previous_billing_at: '2099-01-01T00:00:00Z', components: [{ component_id: catalog.components.perUnit, allocated_quantity: 1 }] });
    const result = await preview(harness, id);
    for (const item of result.line_items) expect([item.period_range_start, item.period_range_end]).toEqual(['2099-01-01', '2099-02-01']);
  });

  it('leaves taxes uncalculated on a site without a tax rate', async () => {
    const result = await preview(harness, await subscribe(harness));
    expect([result.uncalculated_taxes, result.total_tax_in_cents, result.line_items[0].taxable_amount_in_cents]).toEqual([true, 0, 0]);
  });
});

describe('renewal preview: a site with tax rates', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ taxRate: '8%', taxRates: { CA: '0.0725', NV: '5%' } });
    const catalog = await buildCatalog(harness);
    const taxed = await harness.call('POST', `/product_families/${catalog.familyId}/quantity_based_components.json`, {
      quantity_based_component: { name: 'Taxed seats', handle: 'taxed-seats', unit_name: 'seat', taxable: true, pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.10' }] },
    });
    expect(taxed.status, JSON.stringify(taxed.body)).toBe(201);
    const dime = await harness.call('POST', `/product_families/${catalog.familyId}/products.json`, {
      product: { name: 'Dime', handle: 'dime', description: 'Ten cents', price_in_cents: 10, interval: 1, interval_unit: 'month' },
    });
    expect(dime.status, JSON.stringify(dime.body)).toBe(201);
  });
  afterAll(() => harness.close());

  it('taxes the product at the site rate', async () => {
    const result = await preview(harness, await subscribe(harness));
    expect(result.uncalculated_taxes).toBe(false);
    expect(result.total_tax_in_cents).toBe(800);
    expect(result.total_in_cents).toBe(10800);
    expect(result.total_amount_due_in_cents).toBe(10800);
    expect(result.line_items[0].taxable_amount_in_cents).toBe(10000);
  });

  it('taxes what is left after the discount, at the customer state\'s rate', async () => {
    const result = await preview(harness, await subscribe(harness, { coupon_codes: ['TEN'] }, { state: 'CA', country: 'US' }));
    expect(result.line_items[0].taxable_amount_in_cents).toBe(9000);
    expect(result.total_tax_in_cents).toBe(653); // 90.00 × 7.25% = 6.525, half up
    expect(result.total_in_cents).toBe(9000 + 653);
  });

  it('taxes only taxable components, each line rounded half up on its own', async () => {
    // 0.10 × 5% = 0.005 on each line: 0.01 each, 0.02 in all (rounding the sum would give 0.01).
    const id = await subscribe(
      harness,
      { product_handle: 'dime', components: [{ component_id: 'handle:taxed-seats', allocated_quantity: 1 }, { component_id: 'handle:seats', allocated_quantity: 1 }] },
      { state: 'NV', country: 'US' },
    );
    const result = await preview(harness, id);
    expect(result.line_items.map((item: Record<string, unknown>) => [item.component_handle ?? item.product_handle, item.taxable_amount_in_cents])).toEqual([
      ['dime', 10],
      ['taxed-seats', 10],
      ['seats', 0],
    ]);
    expect(result.total_tax_in_cents).toBe(2);
    expect(result.total_in_cents).toBe(10 + 10 + 250 + 2);
  });

  it('refuses a rate that is neither a percentage nor a fraction up to 100%', async () => {
    const { startSandbox } = await import('../../../../src/targets/advanced-billing/sandbox/index.js');
    await expect(startSandbox({ taxRate: '8' })).rejects.toThrow(/taxRate must be a percentage/);
  });
});
