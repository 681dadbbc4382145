// Issue 22: the mapping reports every column it drops, for every component kind. For each kind, a row
// filling every components column and a row attaching a second price point to it are imported into a
// sandbox site; every filled cell is read back over HTTP where the mapping table sends it, or is in the
// run's not-importable notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notImportableNotices } from '../../../../src/importer/not-importable.js';
import type { RowResult } from '../../../../src/importer/results.js';
import { columnMapping } from '../../../../src/targets/advanced-billing/column-mapping/index.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';
import { getTemplate } from '../../../../src/templates/index.js';
import { FAMILIES } from './catalog-rows.js';
import { checkRow, misplaced, unfilled } from './column-checks.js';
import { rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

let site: SiteUnderTest;
beforeAll(async () => {
  site = await siteUnderTest();
  await runSteps(site.client, stepsOf(rowsOf('product-families', FAMILIES)));
});
afterAll(async () => site.close());

async function all(items: AsyncIterable<JsonObject>): Promise<JsonObject[]> {
  const list: JsonObject[] = [];
  for await (const item of items) list.push(item);
  return list;
}

const template = getTemplate('components');

/** Every price point column, prepaid and overage included, with distinctive values. */
const pricePoint = (n: number) => ({
  pricing_scheme: 'tiered', per_unit_price: '', starting_quantity_1: '1', ending_quantity_1: `${n}`, price_1: `${n}.25`, starting_quantity_2: `${n + 1}`, ending_quantity_2: '', price_2: `${n}.10`,
  auto_renew_units: 'TRUE', allow_rollover: 'TRUE', expire_after: `${n}`, month_or_day: 'day',
  overage_pricing_scheme: 'volume', overage_per_unit_price: '', overage_starting_quantity_1: '1', overage_ending_quantity_1: `${n * 10}`, overage_price_1: `${n}.50`,
  overage_starting_quantity_2: `${n * 10 + 1}`, overage_ending_quantity_2: '', overage_price_2: `${n}.40`,
});

/**
 * A component row of the type filling every column (TRUE where FALSE is the site's default), and a
 * price point row attaching to it. allow_billing_portal_updates is left blank on metered and event-based
 * rows: the site ignores it there (the seed's words), so it is neither sent nor reported.
 */
function rowsFor(type: string, n: number): Array<Record<string, string>> {
  const handle = `kind-${type.replace(/_/g, '-')}-${n}`;
  const ignoresPortal = type === 'metered' || type === 'event_based';
  const pricing = type === 'on_off' ? { ...pricePoint(n), pricing_scheme: '', per_unit_price: `${n}.75`, starting_quantity_1: '', ending_quantity_1: '', price_1: '', starting_quantity_2: '', price_2: '' } : pricePoint(n);
  return [
    {
      component_name: `Kind ${type} ${n}`, component_type: type, description: `${type} described`, unit_name: `unit-${n}`, product_family_id: 'acme-projects',
      metric_id: type === 'event_based' ? `${n}` : '', taxable: 'TRUE', tax_code: 'digital', allow_fractional_quantities: 'TRUE', hide_date_range_on_invoice: 'TRUE',
      allow_billing_portal_updates: ignoresPortal ? '' : 'TRUE', upgrade_charge: 'full', downgrade_credit: 'prorated', handle,
      attach_to: handle, price_point_name: `Kind ${n} first`, price_point_handle: `${handle}-first`, ...pricing,
    },
    // The row does not say its component is on/off, so it names the scheme its price is in.
    {
      attach_to: handle, price_point_name: `Kind ${n} second`, price_point_handle: `${handle}-second`, ...pricing, pricing_scheme: pricing.pricing_scheme || 'per_unit', price_1: pricing.price_1 && `${n}.30`,
      ...OVERAGE_BLANK, overage_pricing_scheme: 'per_unit', overage_per_unit_price: `${n}.60`,
    },
  ];
}

const OVERAGE_BLANK = { overage_starting_quantity_1: '', overage_ending_quantity_1: '', overage_price_1: '', overage_starting_quantity_2: '', overage_price_2: '' };

const KINDS = ['quantity_recurring', 'quantity_onetime', 'metered', 'on_off', 'event_based', 'prepaid_usage'].map((type, index) => ({ type, rows: rowsFor(type, 81 + index) }));

/** The rows as the run's results, with the key the report names them by. */
const results = (rows: Array<Record<string, string>>): RowResult[] =>
  rows.map((values, index) => {
    const row = rowFrom('components', values, index + 2);
    return { row: { ...row, key: values.handle || values.price_point_handle || '' }, status: 'success', result: '' };
  });

describe('every components column, for every component kind, reaches the site or is reported', () => {
  it('fills every column of the template', () => {
    expect(unfilled(template, KINDS.flatMap(({ rows }) => rows))).toEqual([]);
  });

  it.each(KINDS)('$type', async ({ type, rows }) => {
    const noticed = new Set(notImportableNotices(results(rows), columnMapping).flatMap((notice) => notice.rows.map((entry) => `${entry.row}|${notice.column}`)));
    const lost: Array<{ row: number; column: string; cell: string }> = [];
    for (const [index, values] of rows.entries()) {
      await runSteps(site.client, stepsOf([rowFrom('components', values, index + 2)]));
      const component = (await site.client.findComponentByHandle(values.attach_to!))!;
      const pricePoints = await all(site.client.listComponentPricePoints(Number(component.id)));
      const objects = { component: values.component_name ? component : undefined, price_point: pricePoints.find((point) => point.handle === values.price_point_handle) };
      // A price point row is judged as its component's kind, the one it was created on.
      const judged = { ...values, component_type: type };
      const placed = new Set(checkRow(template, judged, objects).map((check) => check.column));
      const wrong = new Set(misplaced(checkRow(template, judged, objects)).map((check) => check.column));
      for (const [column, cell] of Object.entries(values)) {
        if (cell === '' || template.columns.find((definition) => definition.name === column && definition.requirement === 'output')) continue;
        const mapped = columnMapping('components')[column.replace(/_\d+$/, '_N')] ?? columnMapping('components')[column];
        if (mapped && 'toolkit' in mapped) continue;
        const reached = placed.has(column) && !wrong.has(column);
        if (!reached && !noticed.has(`${index + 2}|${column}`)) lost.push({ row: index + 2, column, cell });
      }
    }
    expect(lost).toEqual([]);
  });

  it('reports the prepaid and overage cells of a non-prepaid component, on its price point rows too, and none of a prepaid one', () => {
    const columns = (type: string) => {
      const notices = notImportableNotices(results(KINDS.find((kind) => kind.type === type)!.rows), columnMapping);
      return notices.filter((notice) => /^(auto_renew|allow_rollover|expire_after|month_or_day|overage_)/.test(notice.column)).map((notice) => `${notice.column}:${notice.rows.map((entry) => entry.row).join(',')}`);
    };
    expect(columns('metered')).toEqual([
      'auto_renew_units:2,3', 'allow_rollover:2,3', 'expire_after:2,3', 'month_or_day:2,3', 'overage_pricing_scheme:2,3',
      'overage_starting_quantity_1:2', 'overage_starting_quantity_2:2', 'overage_ending_quantity_1:2', 'overage_price_1:2', 'overage_price_2:2', 'overage_per_unit_price:3',
    ]);
    expect(columns('prepaid_usage')).toEqual([]);
  });

  it('does not report a price point row whose component is not in the run (its kind is unknown)', () => {
    const [, pricePointRow] = KINDS.find((kind) => kind.type === 'metered')!.rows;
    expect(notImportableNotices(results([pricePointRow!]), columnMapping)).toEqual([]);
  });
});
