// Product families, products, price points, components of each kind, component price points, segments
// and coupons: status codes, lookups, uniqueness and 422 messages naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let catalog: Catalog;

beforeAll(async () => {
  harness = await startHarness();
  catalog = await buildCatalog(harness);
});
afterAll(() => harness.close());

describe('product families', () => {
  it('lists and reads by id and by handle', async () => {
    const list = await harness.call('GET', '/product_families.json');
    expect(list.status).toBe(200);
    expect(list.body.map((entry: { product_family: { handle: string } }) => entry.product_family.handle)).toEqual(['plans']);
    expect((await harness.call('GET', `/product_families/${catalog.familyId}.json`)).body.product_family.name).toBe('Plans');
    expect((await harness.call('GET', '/product_families/handle:plans.json')).body.product_family.id).toBe(catalog.familyId);
    expect((await harness.call('GET', '/product_families/999.json')).status).toBe(404);
  });

  it('refuses a blank name and a taken handle with 422', async () => {
    const blank = await harness.call('POST', '/product_families.json', { product_family: { name: '' } });
    expect(blank.status).toBe(422);
    expect(blank.body.errors).toContain('Name: cannot be blank.');
    const taken = await harness.call('POST', '/product_families.json', { product_family: { name: 'Other', handle: 'plans' } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatch(/^API Handle: must be unique/);
  });

  it('answers 422 naming the root key when it is missing', async () => {
    // A strict sandbox (the tests' default) refuses the unknown root key first: see request-fields.test.ts.
    const lenient = await startHarness({ strict: false, log: () => {} });
    try {
      const wrong = await lenient.call('POST', '/product_families.json', { family: { name: 'x' } }, { invalidRequest: true });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toContain("'product_family'");
    } finally {
      await lenient.close();
    }
  });
});

describe('products and price points', () => {
  it('reads a product by id and by handle, with its family and default price point', async () => {
    const byId = await harness.call('GET', `/products/${catalog.productId}.json`);
    expect(byId.body.product).toMatchObject({ handle: 'gold', price_in_cents: 10000, interval: 1, interval_unit: 'month' });
    expect(byId.body.product.product_family.id).toBe(catalog.familyId);
    const byHandle = await harness.call('GET', '/products/handle/gold.json');
    expect(byHandle.body.product.id).toBe(catalog.productId);
    expect((await harness.call('GET', '/products/handle/none.json')).status).toBe(404);
  });

  it('refuses a taken handle, a missing price and an unknown interval unit, naming each field', async () => {
    const response = await harness.call(
      'POST',
      `/product_families/${catalog.familyId}/products.json`,
      { product: { name: 'Gold 2', handle: 'gold', description: 'd', interval: 1, interval_unit: 'week' } },
      { invalidRequest: true },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      "API Handle: must be unique - 'gold' has been taken by another Product in this Site.",
      'Price in cents: cannot be blank.',
      // The spec's enum refuses the unit (with the value sent), in the same answer as the route's own refusals.
      "product.interval_unit: 'week' is not included in the list of values the API spec allows.",
    ]);
  });

  it('creates, lists and reads price points; archives a product and hides it from lists', async () => {
    const created = await harness.call('POST', `/product_families/${catalog.familyId}/products.json`, {
      product: { name: 'Silver', handle: 'silver', description: 'Silver', price_in_cents: 5000, interval: 1, interval_unit: 'month' },
    });
    const silverId = created.body.product.id as number;
    const point = await harness.call('POST', `/products/${silverId}/price_points.json`, {
      price_point: { name: 'Annual', handle: 'annual', price_in_cents: 50000, interval: 12, interval_unit: 'month' },
    });
    expect(point.status).toBe(201);
    expect(point.body.price_point).toMatchObject({ handle: 'annual', price_in_cents: 50000, product_id: silverId, type: 'catalog' });
    const duplicate = await harness.call('POST', `/products/${silverId}/price_points.json`, {
      price_point: { name: 'Annual 2', handle: 'annual', price_in_cents: 1, interval: 1, interval_unit: 'month' },
    });
    expect(duplicate.status).toBe(422);
    const list = await harness.call('GET', `/products/${silverId}/price_points.json`);
    expect(list.body.price_points.map((entry: { handle: string }) => entry.handle)).toEqual(['original', 'annual']);
    const read = await harness.call('GET', `/products/${silverId}/price_points/${point.body.price_point.id}.json`);
    expect(read.body.price_point.name).toBe('Annual');

    const archived = await harness.call('DELETE', `/products/${silverId}.json`);
    expect(archived.status).toBe(200);
    expect(archived.body.product.archived_at).not.toBeNull();
    const active = await harness.call('GET', '/products.json');
    expect(active.body.map((entry: { product: { handle: string } }) => entry.product.handle)).toEqual(['gold']);
    const all = await harness.call('GET', '/products.json?include_archived=true');
    expect(all.body).toHaveLength(2);
  });

  it('makes a public signup page when asked (auto_create_signup_page), none otherwise', async () => {
    const product = (handle: string, auto: boolean) => harness.call('POST', `/product_families/${catalog.familyId}/products.json`, {
      product: { name: handle, handle, description: handle, price_in_cents: 700, interval: 1, interval_unit: 'month', auto_create_signup_page: auto },
    });
    const withPage = await product('paged', true);
    expect(withPage.body.product.public_signup_pages).toEqual([
      { id: withPage.body.product.id, return_url: null, return_params: null, url: expect.stringMatching(/^https:\/\/sandbox\.chargifypay\.com\/subscribe\/\w+\/paged$/) },
    ]);
    expect((await harness.call('GET', '/products/handle/paged.json')).body.product.public_signup_pages).toHaveLength(1);
    const without = await product('unpaged', false);
    expect(without.body.product.public_signup_pages).toEqual([]);
    for (const created of [withPage, without]) await harness.call('DELETE', `/products/${created.body.product.id}.json`);
  });

  it('promotes a price point to default (PATCH …/default.json, as the spec), archives the former one, never the default', async () => {
    const created = await harness.call('POST', `/product_families/${catalog.familyId}/products.json`, {
      product: { name: 'Bronze', handle: 'bronze', description: 'Bronze', price_in_cents: 900, interval: 1, interval_unit: 'month' },
    });
    const product = created.body.product;
    const point = await harness.call('POST', `/products/${product.id}/price_points.json`, {
      price_point: { name: 'Monthly', handle: 'bronze-monthly', price_in_cents: 900, interval: 1, interval_unit: 'month', initial_charge_in_cents: 500 },
    });
    const promoted = await harness.call('PATCH', `/products/${product.id}/price_points/${point.body.price_point.id}/default.json`);
    expect(promoted.status).toBe(200);
    expect(promoted.body.product).toMatchObject({ default_product_price_point_id: point.body.price_point.id, product_price_point_handle: 'bronze-monthly', initial_charge_in_cents: 500 });
    const refused = await harness.call('DELETE', `/products/${product.id}/price_points/${point.body.price_point.id}.json`);
    expect([refused.status, refused.body.errors]).toEqual([422, ["Price point: the product's default price point cannot be archived."]]);
    const archived = await harness.call('DELETE', `/products/${product.id}/price_points/${product.default_product_price_point_id}.json`);
    expect(archived.status).toBe(200);
    expect(archived.body.price_point).toMatchObject({ handle: 'original', type: 'catalog', archived_at: expect.any(String) });
    const listed = await harness.call('GET', `/products/${product.id}/price_points.json`);
    expect(listed.body.price_points.map((entry: { handle: string; type: string }) => [entry.handle, entry.type])).toEqual([['bronze-monthly', 'default']]);
    const again = await harness.call('PATCH', `/products/${product.id}/price_points/${product.default_product_price_point_id}/default.json`);
    expect([again.status, again.body.errors]).toEqual([422, ['Price point: an archived price point cannot be the default for a product.']]);
    expect((await harness.call('PATCH', `/products/${product.id}/price_points/999999/default.json`)).status).toBe(404);
  });
});

describe('components', () => {
  it.each([
    ['metered', { unit_name: 'call', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.5' }] }],
    ['quantity_based', { unit_name: 'seat', pricing_scheme: 'volume', prices: [{ starting_quantity: 1, unit_price: '1' }] }],
    ['on_off', { unit_price: '9.99' }],
    [
      'prepaid_usage',
      {
        unit_name: 'credit',
        pricing_scheme: 'per_unit',
        prices: [{ starting_quantity: 1, unit_price: '1' }],
        overage_pricing: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '2' }] },
      },
    ],
    ['event_based', { unit_name: 'event', event_based_billing_metric_id: 1, pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.1' }] }],
  ])('creates a %s component with its price brackets', async (kind, attrs) => {
    const handle = `${kind.replace('_', '-')}-thing`;
    const response = await harness.call('POST', `/product_families/${catalog.familyId}/${kind}_components.json`, {
      [`${kind}_component`]: { name: `${kind} thing`, handle, ...attrs },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.component).toMatchObject({ handle, kind: `${kind}_component`, product_family_id: catalog.familyId });
    expect(response.body.component.prices[0].unit_price).toBe(kind === 'on_off' ? '9.99' : (attrs as { prices: Array<{ unit_price: string }> }).prices[0]?.unit_price);
    const found = await harness.call('GET', `/components/lookup.json?handle=${handle}`);
    expect(found.body.component.id).toBe(response.body.component.id);
  });

  it('refuses brackets with a gap or a missing pricing scheme, naming the bracket', async () => {
    const response = await harness.call('POST', `/product_families/${catalog.familyId}/quantity_based_components.json`, {
      quantity_based_component: {
        name: 'Gappy',
        unit_name: 'seat',
        pricing_scheme: 'tiered',
        prices: [
          { starting_quantity: 1, ending_quantity: 10, unit_price: '1' },
          { starting_quantity: 12, unit_price: '1' },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(['Prices[1] starting quantity: must be 11, one more than the previous ending quantity.']);
    const noScheme = await harness.call(
      'POST',
      `/product_families/${catalog.familyId}/quantity_based_components.json`,
      { quantity_based_component: { name: 'No scheme', unit_name: 'seat' } },
      { invalidRequest: true },
    );
    expect(noScheme.body.errors).toContain('Pricing scheme: cannot be blank.');
  });

  it('reads components through their family, by id and by handle', async () => {
    const inFamily = await harness.call('GET', `/product_families/${catalog.familyId}/components.json`);
    expect(inFamily.body.map((entry: { component: { handle: string } }) => entry.component.handle)).toContain('tiered-seats');
    const byId = await harness.call('GET', `/product_families/${catalog.familyId}/components/${catalog.components.tiered}.json`);
    expect(byId.body.component).toMatchObject({ pricing_scheme: 'tiered', kind: 'quantity_based_component' });
    expect(byId.body.component.prices.map((price: { unit_price: string }) => price.unit_price)).toEqual(['5.00', '4.00', '3.00']);
    const byHandle = await harness.call('GET', `/product_families/handle:plans/components/handle:tiered-seats.json`);
    expect(byHandle.body.component.id).toBe(catalog.components.tiered);
    expect((await harness.call('GET', `/product_families/${catalog.familyId}/components/99999.json`)).status).toBe(404);
  });

  it('refuses a taken component handle', async () => {
    const response = await harness.call('POST', `/product_families/${catalog.familyId}/on_off_components.json`, {
      on_off_component: { name: 'Support again', handle: 'support', unit_price: '1' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toContain("'support' has been taken by another Component");
  });

  it('creates and lists component price points, archives a component', async () => {
    const point = await harness.call('POST', `/components/${catalog.components.perUnit}/price_points.json`, {
      price_point: { name: 'Partner', handle: 'partner', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1.25' }] },
    });
    expect(point.status).toBe(200);
    expect(point.body.price_point).toMatchObject({ handle: 'partner', pricing_scheme: 'per_unit', component_id: catalog.components.perUnit });
    const list = await harness.call('GET', `/components/${catalog.components.perUnit}/price_points.json`);
    expect(list.body.price_points.map((entry: { handle: string }) => entry.handle)).toEqual(['original', 'partner']);

    const extra = await harness.call('POST', `/product_families/${catalog.familyId}/on_off_components.json`, {
      on_off_component: { name: 'Old', handle: 'old', unit_price: '1' },
    });
    const archived = await harness.call('DELETE', `/product_families/${catalog.familyId}/components/${extra.body.component.id}.json`);
    expect(archived.status).toBe(200);
    expect(archived.body.component.archived).toBe(true);
    const listed = await harness.call('GET', '/components.json');
    expect(listed.body.map((entry: { component: { handle: string } }) => entry.component.handle)).not.toContain('old');
  });
});

describe('event-based billing segments', () => {
  it('promotes a price point to default (PUT …/default.json, as the spec), archives the former one, never the default', async () => {
    const created = await harness.call('POST', `/product_families/${catalog.familyId}/metered_components.json`, {
      metered_component: { name: 'Pings', handle: 'pings', unit_name: 'ping', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.1' }] },
    });
    const component = created.body.component;
    const point = await harness.call('POST', `/components/${component.id}/price_points.json`, {
      price_point: { name: 'Pings tiered', handle: 'pings-tiered', pricing_scheme: 'tiered', prices: [{ starting_quantity: 1, ending_quantity: 10, unit_price: '0.2' }, { starting_quantity: 11, unit_price: '0.15' }] },
    });
    const promoted = await harness.call('PUT', `/components/${component.id}/price_points/${point.body.price_point.id}/default.json`);
    expect(promoted.status).toBe(200);
    expect(promoted.body.component).toMatchObject({ default_price_point_id: point.body.price_point.id, default_price_point_name: 'Pings tiered', pricing_scheme: 'tiered' });
    const refused = await harness.call('DELETE', `/components/${component.id}/price_points/${point.body.price_point.id}.json`);
    expect([refused.status, refused.body.errors]).toEqual([422, ["Price point: the component's default price point cannot be archived."]]);
    const archived = await harness.call('DELETE', `/components/${component.id}/price_points/${component.default_price_point_id}.json`);
    expect(archived.status).toBe(200);
    expect(archived.body.price_point).toMatchObject({ handle: 'original', default: false, archived_at: expect.any(String) });
    const listed = await harness.call('GET', `/components/${component.id}/price_points.json`);
    expect(listed.body.price_points.map((entry: { handle: string; default: boolean }) => [entry.handle, entry.default])).toEqual([['pings-tiered', true]]);
    const withArchived = await harness.call('GET', `/components/${component.id}/price_points.json?include_archived=true`);
    expect(withArchived.body.price_points).toHaveLength(2);
    const again = await harness.call('PUT', `/components/${component.id}/price_points/${component.default_price_point_id}/default.json`);
    expect([again.status, again.body.errors]).toEqual([422, ['Price point: an archived price point cannot be the default for a component.']]);
    expect((await harness.call('PUT', `/components/${component.id}/price_points/999999/default.json`)).status).toBe(404);
    await harness.call('DELETE', `/product_families/${catalog.familyId}/components/${component.id}.json`);
  });

  it('creates and lists segments on an event-based price point, refusing duplicates', async () => {
    const component = await harness.call('POST', `/product_families/${catalog.familyId}/event_based_components.json`, {
      event_based_component: { name: 'Events', handle: 'events', unit_name: 'event', event_based_billing_metric_id: 7, pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1' }] },
    });
    const componentId = component.body.component.id as number;
    const pointId = component.body.component.default_price_point_id as number;
    const body = { segment: { segment_property_1_value: 'EU', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.25' }] } };
    const created = await harness.call('POST', `/components/${componentId}/price_points/${pointId}/segments.json`, body);
    expect(created.status).toBe(201);
    expect(created.body.segment).toMatchObject({ component_id: componentId, price_point_id: pointId, segment_property_1_value: 'EU' });
    expect((await harness.call('POST', `/components/${componentId}/price_points/${pointId}/segments.json`, body)).status).toBe(422);
    const list = await harness.call('GET', `/components/${componentId}/price_points/${pointId}/segments.json`);
    expect(list.body.segments).toHaveLength(1);
    expect((await harness.call('GET', `/components/${componentId}/price_points/99999/segments.json`)).status).toBe(404);
  });
});

describe('coupons', () => {
  it('finds by code (any case), lists, archives', async () => {
    const found = await harness.call('GET', '/coupons/find.json?code=ten');
    expect(found.status).toBe(200);
    expect(found.body.coupon).toMatchObject({ code: 'TEN', percentage: '10', stackable: true, discount_type: 'percent' });
    const missing = await harness.call('GET', '/coupons/find.json?code=NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body.errors).toEqual(['Coupon code could not be found.']);
    const flat = await harness.call('GET', '/coupons/find.json?code=FIVE');
    expect(flat.body.coupon).toMatchObject({ amount_in_cents: 500, discount_type: 'amount' });

    const created = await harness.call('POST', `/product_families/${catalog.familyId}/coupons.json`, {
      coupon: { name: 'Gone', code: 'GONE', percentage: 5 },
    });
    const archived = await harness.call('DELETE', `/product_families/${catalog.familyId}/coupons/${created.body.coupon.id}.json`);
    expect(archived.body.coupon.archived_at).not.toBeNull();
    const list = await harness.call('GET', '/coupons.json');
    expect(list.body.map((entry: { coupon: { code: string } }) => entry.coupon.code)).toEqual(['TEN', 'FIVE', 'HALF']);
  });

  it('lists a family\'s coupons and reads one by id', async () => {
    const list = await harness.call('GET', `/product_families/${catalog.familyId}/coupons.json`);
    const ten = list.body.find((entry: { coupon: { code: string } }) => entry.coupon.code === 'TEN').coupon;
    const read = await harness.call('GET', `/product_families/${catalog.familyId}/coupons/${ten.id}.json`);
    expect(read.body.coupon).toMatchObject({ code: 'TEN', product_family_name: 'Plans' });
  });

  it('refuses a taken code and a coupon with both or neither discount', async () => {
    const taken = await harness.call('POST', `/product_families/${catalog.familyId}/coupons.json`, {
      coupon: { name: 'Ten again', code: 'ten', percentage: '10' },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual(['Code: must be unique - that value has been taken.']);
    const neither = await harness.call('POST', `/product_families/${catalog.familyId}/coupons.json`, { coupon: { name: 'X', code: 'X1' } }, { invalidRequest: true });
    expect(neither.status).toBe(422);
  });
});
