// A small catalog built through the API, shared by the sandbox tests: one family, a product, a component
// of each pricing scheme, an on/off component and two coupons.
import { afterAll, beforeAll, expect } from 'vitest';
import { startHarness, type Harness } from './harness.js';

export interface Catalog {
  familyId: number;
  productId: number;
  components: Record<'perUnit' | 'volume' | 'tiered' | 'stairstep' | 'onOff' | 'metered', number>;
}

/**
 * A sandbox with the catalog built, shared by the tests of one file: started before them, closed after.
 * Read `site.harness` and `site.catalog` inside the tests.
 */
export function sandboxWithCatalog(): { harness: Harness; catalog: Catalog } {
  const site = {} as { harness: Harness; catalog: Catalog };
  beforeAll(async () => {
    site.harness = await startHarness();
    site.catalog = await buildCatalog(site.harness);
  });
  afterAll(() => site.harness.close());
  return site;
}

export async function buildCatalog(harness: Harness): Promise<Catalog> {
  const family = await harness.call('POST', '/product_families.json', { product_family: { name: 'Plans', handle: 'plans' } });
  expect(family.status).toBe(201);
  const familyId = family.body.product_family.id as number;
  const product = await harness.call('POST', `/product_families/${familyId}/products.json`, {
    product: { name: 'Gold', handle: 'gold', description: 'Gold plan', price_in_cents: 10000, interval: 1, interval_unit: 'month' },
  });
  expect(product.status).toBe(201);
  const quantity = async (handle: string, scheme: string, prices: unknown[]) => {
    const created = await harness.call('POST', `/product_families/${familyId}/quantity_based_components.json`, {
      quantity_based_component: { name: handle, handle, unit_name: 'seat', pricing_scheme: scheme, prices },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.component.id as number;
  };
  const brackets = [
    { starting_quantity: 1, ending_quantity: 10, unit_price: '5.00' },
    { starting_quantity: 11, ending_quantity: 20, unit_price: '4.00' },
    { starting_quantity: 21, unit_price: '3.00' },
  ];
  const components = {
    perUnit: await quantity('seats', 'per_unit', [{ starting_quantity: 1, unit_price: '2.50' }]),
    volume: await quantity('volume-seats', 'volume', brackets),
    tiered: await quantity('tiered-seats', 'tiered', brackets),
    stairstep: await quantity('stairstep-seats', 'stairstep', [
      { starting_quantity: 1, ending_quantity: 10, unit_price: '50' },
      { starting_quantity: 11, unit_price: '90' },
    ]),
    onOff: 0,
    metered: 0,
  };
  const onOff = await harness.call('POST', `/product_families/${familyId}/on_off_components.json`, {
    on_off_component: { name: 'Support', handle: 'support', unit_price: '15.00' },
  });
  expect(onOff.status, JSON.stringify(onOff.body)).toBe(201);
  components.onOff = onOff.body.component.id as number;
  const metered = await harness.call('POST', `/product_families/${familyId}/metered_components.json`, {
    metered_component: { name: 'API calls', handle: 'api-calls', unit_name: 'call', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.01' }] },
  });
  expect(metered.status, JSON.stringify(metered.body)).toBe(201);
  components.metered = metered.body.component.id as number;
  for (const coupon of [
    { name: 'Ten percent', code: 'TEN', percentage: '10', stackable: true },
    { name: 'Five off', code: 'FIVE', amount_in_cents: 500, stackable: true },
    { name: 'Half', code: 'HALF', percentage: '50', stackable: false },
  ]) {
    const created = await harness.call('POST', `/product_families/${familyId}/coupons.json`, { coupon });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  return { familyId, productId: product.body.product.id as number, components };
}

export function customerAttributes(reference: string) {
  return { first_name: 'Ada', last_name: 'Lovelace', email: `${reference}@example.com`, reference };
}
