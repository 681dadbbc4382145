// The list filters the sandbox implements: subscriptions by product, price point, coupon and date range;
// customers by search and date range (a range is read in the site's time zone, as the spec says); and a
// subscription read with include[]=coupons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes, type Catalog } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let catalog: Catalog;
/** The site's clock, moved by the tests: records are stamped with it. */
let now = new Date('2026-03-10T12:00:00Z');
const ids: Record<string, number> = {};

async function subscribe(reference: string, at: string, attrs: Record<string, unknown>): Promise<number> {
  now = new Date(at);
  const response = await harness.call('POST', '/subscriptions.json', { subscription: { customer_attributes: { ...customerAttributes(reference), organization: `${reference} Ltd` }, ...attrs } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.subscription.id as number;
}

const listed = async (path: string): Promise<number[]> => {
  const response = await harness.call('GET', path);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as Array<Record<string, { id: number }>>).map((item) => Object.values(item)[0]!.id);
};

beforeAll(async () => {
  // New York: midnight there is 05:00 UTC until the DST change on 8 March.
  harness = await startHarness({ timeZone: 'America/New_York', now: () => now });
  catalog = await buildCatalog(harness);
  const annual = await harness.call('POST', `/products/${catalog.productId}/price_points.json`, {
    price_point: { name: 'Annual', handle: 'annual', price_in_cents: 100000, interval: 12, interval_unit: 'month' },
  });
  ids.annual = annual.body.price_point.id as number;
  const coupons = (await harness.call('GET', '/coupons.json')).body as Array<{ coupon: { id: number; code: string } }>;
  ids.ten = coupons.find(({ coupon }) => coupon.code === 'TEN')!.coupon.id;
  ids.jan = await subscribe('jan', '2026-01-15T12:00:00Z', { product_id: catalog.productId });
  // 03:00 UTC on 1 March is still 28 February in New York.
  ids.lateFeb = await subscribe('late-feb', '2026-03-01T03:00:00Z', { product_id: catalog.productId, coupon_codes: ['TEN'] });
  ids.mar = await subscribe('mar', '2026-03-05T12:00:00Z', { product_id: catalog.productId, product_price_point_id: ids.annual });
});
afterAll(() => harness.close());

describe('subscription list filters', () => {
  it('filters by created_at over dates in the site time zone, the end date included', async () => {
    expect(await listed('/subscriptions.json?date_field=created_at&start_date=2001-01-01&end_date=2001-01-31')).toEqual([]);
    expect(await listed('/subscriptions.json?date_field=created_at&start_date=2026-01-15&end_date=2026-02-28')).toEqual([ids.jan, ids.lateFeb]);
    expect(await listed('/subscriptions.json?date_field=created_at&start_date=2026-03-01')).toEqual([ids.mar]);
  });

  it('takes date-times, with an offset or in the site time zone, instead of dates', async () => {
    expect(await listed('/subscriptions.json?date_field=updated_at&start_date=2001-01-01&start_datetime=2026-03-01T02:00:00Z')).toEqual([ids.lateFeb, ids.mar]);
    expect(await listed(`/subscriptions.json?date_field=created_at&end_datetime=${encodeURIComponent('2026-02-28 22:00:00')}`)).toEqual([ids.jan, ids.lateFeb]);
    expect(await listed(`/subscriptions.json?date_field=created_at&end_datetime=${encodeURIComponent('2026-02-28 21:59:59')}`)).toEqual([ids.jan]);
  });

  it('filters by product, price point and the coupon applied', async () => {
    expect(await listed(`/subscriptions.json?product=${catalog.productId}`)).toEqual([ids.jan, ids.lateFeb, ids.mar]);
    expect(await listed('/subscriptions.json?product=999999')).toEqual([]);
    expect(await listed(`/subscriptions.json?product=${catalog.productId}&product_price_point_id=${ids.annual}`)).toEqual([ids.mar]);
    expect(await listed(`/subscriptions.json?coupon=${ids.ten}`)).toEqual([ids.lateFeb]);
  });

  it('refuses a range without date_field, or on a date field it does not keep, with 501; a bad date with 422', async () => {
    expect((await harness.call('GET', '/subscriptions.json?start_date=2026-01-01')).status).toBe(501);
    expect((await harness.call('GET', '/subscriptions.json?date_field=trial_ended_at&start_date=2026-01-01')).status).toBe(501);
    expect((await harness.call('GET', '/subscriptions.json?date_field=created_at&start_date=yesterday')).status).toBe(422);
    expect((await harness.call('GET', '/subscriptions.json?sort=signup_date')).status).toBe(501);
  });
});

describe('customer list filters', () => {
  const customerIds = async (path: string) => listed(path);
  it('searches by email, reference, organization and id', async () => {
    const all = await customerIds('/customers.json');
    expect(all).toHaveLength(3);
    expect(await customerIds('/customers.json?q=late-feb%40example.com')).toEqual([all[1]]);
    expect(await customerIds('/customers.json?q=MAR')).toEqual([all[2]]);
    expect(await customerIds('/customers.json?q=jan%20ltd')).toEqual([all[0]]);
    expect(await customerIds(`/customers.json?q=${all[1]}`)).toEqual([all[1]]);
    expect(await customerIds('/customers.json?q=nobody')).toEqual([]);
  });

  it('filters by a date range', async () => {
    const all = await customerIds('/customers.json');
    expect(await customerIds('/customers.json?date_field=created_at&start_date=2026-02-01&end_date=2026-02-28')).toEqual([all[1]]);
  });
});

describe('reading a subscription with include[]=coupons', () => {
  it('adds its coupons in the spec shape, and refuses another include with 501', async () => {
    const plain = await harness.call('GET', `/subscriptions/${ids.lateFeb}.json`);
    expect(plain.body.subscription.coupons).toBeUndefined();
    const included = await harness.call('GET', `/subscriptions/${ids.lateFeb}.json?include[]=coupons`);
    expect(included.status).toBe(200);
    expect(included.body.subscription.coupons).toEqual([expect.objectContaining({ code: 'TEN', percentage: expect.stringMatching(/^10/), amount_in_cents: null })]);
    expect((await harness.call('GET', `/subscriptions/${ids.jan}.json?include[]=coupons`)).body.subscription.coupons).toEqual([]);
    expect((await harness.call('GET', `/subscriptions/${ids.jan}.json?include[]=self_service_page_token`)).status).toBe(501);
  });
});
