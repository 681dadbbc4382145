// Catalog rows (product families, products, components, coupons, EBB segments) → the requests sent
// to the sandbox (their spec check is in sandbox.test.ts), and found again after creation.
import { afterEach, describe, expect, it } from 'vitest';
import type { AdvancedBillingApi } from '../../../../src/targets/advanced-billing/api.js';
import { COMPONENTS, COUPONS, FAMILIES, PRODUCTS, SEGMENTS } from './catalog-rows.js';
import { SimpleResolver, mapRows, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

const sites: SiteUnderTest[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.close();
});

async function site(options: Parameters<typeof siteUnderTest>[0] = {}): Promise<SiteUnderTest> {
  const started = await siteUnderTest(options);
  sites.push(started);
  return started;
}

async function importCatalog(target: AdvancedBillingApi) {
  const steps = [
    ...stepsOf(rowsOf('product-families', FAMILIES)),
    ...stepsOf(rowsOf('products', PRODUCTS)),
    ...stepsOf(rowsOf('components', COMPONENTS)),
    ...stepsOf(rowsOf('coupons', COUPONS)),
    ...stepsOf(rowsOf('ebb-segments', SEGMENTS)),
  ];
  const outcomes = await runSteps(target, steps);
  return { steps, outcomes };
}

describe('catalog steps', () => {
  it('keys every object by its natural key and declares what it waits for', () => {
    const steps = stepsOf(rowsOf('products', PRODUCTS));
    expect(steps.map((step) => [step.naturalKey, step.dependsOn.map((ref) => `${ref.type}:${ref.key}`)])).toEqual([
      ['product:basic', ['product_family:acme-projects']],
      ['product_price_point:basic/basic-monthly', ['product:basic']],
      ['product_price_point:basic/basic-yearly', ['product:basic']],
    ]);
    const segments = stepsOf(rowsOf('ebb-segments', SEGMENTS));
    expect(segments[0]!.naturalKey).toBe('segment:api-calls/api-default/EU/gold//');
    expect(segments[0]!.dependsOn).toEqual([
      { type: 'component', key: 'api-calls' },
      { type: 'component_price_point', key: 'api-calls/api-default' },
    ]);
  });

  it('keys a family without a handle by its name', () => {
    expect(stepsOf(rowsOf('product-families', FAMILIES)).map((step) => step.naturalKey)).toEqual(['product_family:acme-projects', 'product_family:Unnamed Family']);
  });

  it('treats an all-digit product_family_id as a site id, with nothing to wait for', () => {
    const [step] = stepsOf(rowsOf('coupons', COUPONS.replace(/acme-projects/g, '42')));
    expect(step!.dependsOn).toEqual([]);
  });

  it('sends each object with its attributes, money in the right units', async () => {
    const { client, creates } = await site();
    await importCatalog(client);
    const bodies = creates().map((call) => [call.path.replace(/\d+/g, 'N'), call.body] as const);
    const product = bodies.find(([path]) => path === '/product_families/N/products.json')![1];
    expect(product).toEqual({
      product: {
        name: 'Basic Plan', handle: 'basic', description: 'Our basic plan', tax_code: 'digital',
        require_credit_card: true, auto_create_signup_page: false,
        price_in_cents: 1000, interval: 1, interval_unit: 'month', trial_price_in_cents: 0, trial_interval: 14, trial_interval_unit: 'day', trial_type: 'no_obligation',
      },
    });
    const pricePoints = bodies.filter(([path]) => path === '/products/N/price_points.json').map(([, body]) => body);
    expect(pricePoints[0]).toMatchObject({ price_point: { name: 'Basic monthly', handle: 'basic-monthly', price_in_cents: 1000, initial_charge_in_cents: 550 } });
    expect(pricePoints[1]).toMatchObject({ price_point: { handle: 'basic-yearly', price_in_cents: 10000, interval: 12, expiration_interval: 12, expiration_interval_unit: 'month' } });

    const component = (kind: string) => bodies.find(([path]) => path === `/product_families/N/${kind}_components.json`)?.[1];
    expect(component('quantity_based')).toMatchObject({
      quantity_based_component: {
        name: 'Seats', unit_name: 'seat', recurring: true, upgrade_charge: 'prorated', downgrade_credit: 'none', pricing_scheme: 'tiered',
        prices: [{ starting_quantity: 1, ending_quantity: 10, unit_price: '5' }, { starting_quantity: 11, unit_price: '4.5' }],
      },
    });
    expect(component('metered')).toMatchObject({ metered_component: { pricing_scheme: 'volume', prices: [{ starting_quantity: 1, ending_quantity: 1000, unit_price: '0.0075' }, { starting_quantity: 1001, unit_price: '0.005' }] } });
    expect(component('on_off')).toEqual({
      on_off_component: { name: 'Support', handle: 'support', taxable: false, allow_fractional_quantities: false, hide_date_range_on_invoice: false, upgrade_charge: 'full', downgrade_credit: 'prorated', prices: [{ starting_quantity: 1, unit_price: '25' }] },
    });
    expect(component('event_based')).toMatchObject({ event_based_component: { event_based_billing_metric_id: 77, pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.01' }] } });
    expect(component('prepaid_usage')).toMatchObject({
      prepaid_usage_component: {
        renew_prepaid_allocation: true, rollover_prepaid_remainder: false, expiration_interval: 90, expiration_interval_unit: 'day',
        overage_pricing: { pricing_scheme: 'tiered', prices: [{ starting_quantity: 1, ending_quantity: 100, unit_price: '1.5' }] },
      },
    });
    const coupons = bodies.filter(([path]) => path === '/product_families/N/coupons.json').map(([, body]) => body);
    expect(coupons).toEqual([
      { coupon: { name: 'Ten percent', code: 'TEN%OFF', description: '10% off', stackable: true, recurring: false, percentage: '10', product_family_id: expect.stringMatching(/^\d+$/) } },
      { coupon: { name: 'Five dollars EDIT', code: 'FIVE-OFF', stackable: false, recurring: true, amount_in_cents: 500, product_family_id: expect.stringMatching(/^\d+$/) } },
    ]);
    expect((await client.findCouponByCode('FIVE-OFF'))!.name).toBe('Five dollars EDIT');
    const segments = bodies.filter(([path]) => path === '/components/N/price_points/N/segments.json').map(([, body]) => body);
    expect(segments).toEqual([
      { segment: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.02' }], segment_property_1_value: 'EU', segment_property_2_value: 'gold' } },
      { segment: { pricing_scheme: 'volume', prices: [{ starting_quantity: 1, ending_quantity: 100, unit_price: '0.03' }], segment_property_1_value: 'US' } },
    ]);
  });

  it('finds nothing before creation, then every created object again with the same id', async () => {
    const { client, baseUrl } = await site();
    const steps = [
      ...stepsOf(rowsOf('product-families', FAMILIES)),
      ...stepsOf(rowsOf('products', PRODUCTS)),
      ...stepsOf(rowsOf('components', COMPONENTS)),
      ...stepsOf(rowsOf('coupons', COUPONS)),
      ...stepsOf(rowsOf('ebb-segments', SEGMENTS)),
    ];
    const resolver = new SimpleResolver(client);
    for (const step of steps) expect(await step.find(client, resolver), step.naturalKey).toBeUndefined();
    const outcomes = await runSteps(client, steps);
    for (const step of steps) {
      const found = await step.find(client, resolver);
      expect(found?.id, step.naturalKey).toBe(outcomes.get(step.naturalKey)!.id);
      expect(found?.link).toBe(outcomes.get(step.naturalKey)!.link);
    }
    expect(outcomes.get('product:basic')!.link).toMatch(new RegExp(`^${baseUrl}/products/\\d+$`));
  });

  it('uses the currency minor unit of the site: JPY has none', async () => {
    const { client, creates } = await site({ currency: 'JPY' });
    await runSteps(client, [...stepsOf(rowsOf('product-families', FAMILIES)), ...stepsOf(rowsOf('products', PRODUCTS.replace('10.00', '1000').replace(',5.50', ',550')))]);
    expect(creates()[2]!.body).toMatchObject({ product: { price_in_cents: 1000 } });
  });

  it('reports a row that cannot become an object on that row and column, and maps the others', () => {
    const rows = rowsOf('components', COMPONENTS.replace('API calls,event_based,,call,acme-projects,77', 'API calls,event_based,,call,acme-projects,my-metric'));
    const mapped = mapRows(rows);
    const failed = mapped.filter((entry) => entry.error);
    expect(failed.map((entry) => [entry.row.row, entry.error!.location.column])).toEqual([[6, 'metric_id']]);
    expect(mapped.filter((entry) => !entry.error)).not.toHaveLength(0);
    expect(mapped.filter((entry) => !entry.error).every((entry) => entry.steps.length > 0)).toBe(true);
  });

  it('rejects a price with more decimals than the currency has, sending no product', async () => {
    const { client, creates } = await site();
    const steps = [...stepsOf(rowsOf('product-families', FAMILIES)), ...stepsOf(rowsOf('products', PRODUCTS.replace('10.00', '10.005')))];
    await expect(runSteps(client, steps)).rejects.toMatchObject({ location: { row: 2, column: 'price' } });
    expect(creates().filter((call) => call.path.endsWith('/products.json'))).toEqual([]);
  });
});
