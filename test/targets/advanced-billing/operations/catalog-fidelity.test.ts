// What the catalog rows leave on the site, read back over HTTP (issue 10): the product row's price point
// is the product's default (setup fee included, no duplicate), so is a component row's, products carry no field the API cannot
// set, components keep every setting they were sent, and a segment naming another metric is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { notImportableNotices } from '../../../../src/importer/not-importable.js';
import type { RowResult } from '../../../../src/importer/results.js';
import type { JsonObject, AdvancedBillingApi } from '../../../../src/targets/advanced-billing/api.js';
import { columnMapping } from '../../../../src/targets/advanced-billing/column-mapping/index.js';
import { recordRequests } from '../../helpers/record-requests.js';
import { COMPONENTS, FAMILIES, PRODUCTS, SEGMENTS } from './catalog-rows.js';
import { rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

const sites: SiteUnderTest[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) await site.close();
});

async function site(): Promise<SiteUnderTest> {
  const started = await siteUnderTest();
  sites.push(started);
  return started;
}

async function all(items: AsyncIterable<JsonObject>): Promise<JsonObject[]> {
  const list: JsonObject[] = [];
  for await (const item of items) list.push(item);
  return list;
}

async function importRows(target: AdvancedBillingApi, files: Array<[string, string]>) {
  return runSteps(target, files.flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
}

describe('products on the site', () => {
  it("makes the product row's price point the default, setup fee included, with no duplicate price point", async () => {
    const { client } = await site();
    const recorder = recordRequests();
    try {
      await importRows(client, [['product-families', FAMILIES], ['products', PRODUCTS]]);
      expect(recorder.requests.some((request) => request.method === 'PATCH' && /^\/products\/\d+\/price_points\/\d+\/default\.json$/.test(request.path))).toBe(true);
    } finally {
      recorder.stop();
    }
    const product = (await client.findProductByHandle('basic'))!;
    const points = await all(client.listProductPricePoints(Number(product.id)));
    expect(points.map((point) => point.handle)).toEqual(['basic-monthly', 'basic-yearly']);
    const monthly = points.find((point) => point.handle === 'basic-monthly')!;
    // What a subscription that names no price point gets: the template's, with its setup fee.
    expect(product).toMatchObject({
      default_product_price_point_id: monthly.id,
      product_price_point_handle: 'basic-monthly',
      price_in_cents: 1000,
      initial_charge_in_cents: 550,
      tax_code: 'digital',
      // The row says TRUE: no request can set it, so the run's notice asks for it by hand (below).
      taxable: false,
    });
  });
});

describe('components on the site', () => {
  it("makes the component row's price point the default, with no duplicate price point", async () => {
    const { client } = await site();
    const recorder = recordRequests();
    try {
      await importRows(client, [['product-families', FAMILIES], ['components', COMPONENTS]]);
      expect(recorder.requests.filter((request) => request.method === 'PUT' && /^\/components\/\d+\/price_points\/\d+\/default\.json$/.test(request.path))).toHaveLength(6);
    } finally {
      recorder.stop();
    }
    const seats = (await client.findComponentByHandle('seats'))!;
    const points = await all(client.listComponentPricePoints(Number(seats.id)));
    expect(points.map((point) => [point.handle, point.default])).toEqual([['seats-std', true], ['seats-disc', false]]);
    // What a subscription that names no price point gets: the template's, by its name and brackets.
    expect(seats).toMatchObject({ default_price_point_id: points[0]!.id, default_price_point_name: 'Seats standard', pricing_scheme: 'tiered' });
    for (const handle of ['setup', 'messages', 'support', 'api-calls', 'credits']) {
      const component = (await client.findComponentByHandle(handle))!;
      const handles = (await all(client.listComponentPricePoints(Number(component.id)))).map((point) => point.handle);
      expect(handles, handle).not.toContain('original');
      expect(handles, handle).toHaveLength(1);
    }
  });

  it('keeps every setting the create sent: tax code, upgrade/downgrade, date range, fractional quantities, prepaid settings', async () => {
    const { client } = await site();
    const taxed = COMPONENTS.replace('Seats,quantity_recurring,Licensed seats,seat,acme-projects,,FALSE,,FALSE,FALSE', 'Seats,quantity_recurring,Licensed seats,seat,acme-projects,,TRUE,D0000000,TRUE,TRUE');
    await importRows(client, [['product-families', FAMILIES], ['components', taxed]]);
    const seats = (await client.findComponentByHandle('seats'))!;
    expect(seats).toMatchObject({ taxable: true, tax_code: 'D0000000', upgrade_charge: 'prorated', downgrade_credit: 'none', hide_date_range_on_invoice: true, allow_fractional_quantities: true, recurring: true });
    expect(await client.findComponentByHandle('support')).toMatchObject({ upgrade_charge: 'full', downgrade_credit: 'prorated' });
    expect(await client.findComponentByHandle('messages')).toMatchObject({ hide_date_range_on_invoice: true, upgrade_charge: null });
    const credits = (await client.findComponentByHandle('credits'))!;
    expect(credits.overage_prices).toEqual([expect.objectContaining({ starting_quantity: 1, ending_quantity: 100, unit_price: '1.5' })]);
    const [prepaid] = await all(client.listComponentPricePoints(Number(credits.id)));
    expect(prepaid).toMatchObject({ renew_prepaid_allocation: true, rollover_prepaid_remainder: false, expiration_interval: 90, expiration_interval_unit: 'day' });
  });
});

describe('EBB segments', () => {
  it("refuses a segment whose metric_id is not its event-based component's, sending no segment", async () => {
    const { client, creates } = await site();
    await importRows(client, [['product-families', FAMILIES], ['components', COMPONENTS]]);
    const wrong = stepsOf(rowsOf('ebb-segments', SEGMENTS.replace('API calls,77,api-calls,api-default,US', 'API calls,78,api-calls,api-default,US')));
    await expect(runSteps(client, wrong.slice(0, 1))).resolves.toBeDefined();
    await expect(runSteps(client, wrong.slice(1))).rejects.toMatchObject({ location: { row: 3, column: 'metric_id' }, message: expect.stringContaining('metric_id 78 is not the metric of event-based component api-calls (its metric_id is 77)') });
    expect(creates().filter((call) => call.path.endsWith('/segments.json'))).toHaveLength(1);
  });
});

describe('columns the API has no place for', () => {
  const result = (kind: string, csv: string, status: RowResult['status'] = 'success'): RowResult[] =>
    rowsOf(kind, csv).map((row) => ({ row: { ...row, key: row.values.handle ?? '' }, status, result: '' }));

  it('become one notice per column, naming what to set by hand and the rows that need it', () => {
    const notices = notImportableNotices([...result('products', PRODUCTS), ...result('components', COMPONENTS)]);
    expect(notices.map(({ template, column, rows }) => ({ template, column, rows: rows.map((entry) => `${entry.row}:${entry.value}`) }))).toEqual([
      // FALSE is what a new product has: nothing to do by hand for those rows.
      { template: 'products', column: 'taxable', rows: ['2:TRUE'] },
      // Not for metered (row 4) or event-based (row 6) components, which ignore it.
      { template: 'components', column: 'allow_billing_portal_updates', rows: ['2:TRUE', '3:FALSE', '5:FALSE', '7:FALSE'] },
    ]);
    expect(notices[1]).toMatchObject({ why: expect.stringContaining('no API operation sets it'), byHand: expect.stringContaining('Billing Portal') });
  });

  it('are noticed for the component kinds whose create has no such field, though the mapping places the column for the others', () => {
    const rows = COMPONENTS.replace('Support,on_off,,,', 'Support,on_off,,hour,').replace('API calls,event_based,,call,acme-projects,77,FALSE,,FALSE', 'API calls,event_based,,call,acme-projects,77,FALSE,,TRUE');
    const notices = notImportableNotices(result('components', rows), columnMapping);
    expect(notices.filter((notice) => notice.column !== 'allow_billing_portal_updates').map(({ column, rows: noticed }) => ({ column, rows: noticed.map((entry) => `${entry.row}:${entry.value}`) }))).toEqual([
      { column: 'unit_name', rows: ['5:hour'] },
      { column: 'allow_fractional_quantities', rows: ['6:TRUE'] },
    ]);
  });

  it('are not noticed for rows that were not imported', () => {
    expect(notImportableNotices(result('products', PRODUCTS, 'error'))).toEqual([]);
  });
});
