// The catalog mapping is pure: a template row becomes neutral operations (kind, key, dependsOn,
// fields) with no site involved — amounts stay decimal strings, refs stay refs, names are the
// toolkit's own; what needs the site (its currency, its ids) is left to the adapter.
import { describe, expect, it } from 'vitest';
import { componentOperations } from '../../../src/plan/map/components.js';
import { couponOperations } from '../../../src/plan/map/coupons.js';
import { segmentOperations } from '../../../src/plan/map/ebb-segments.js';
import { productOperations } from '../../../src/plan/map/products.js';
import type { Operation, SourceRow } from '../../../src/plan/operation.js';
import { RowError } from '../../../src/plan/row-error.js';
import { COMPONENTS, COUPONS, PRODUCTS, SEGMENTS } from '../../targets/advanced-billing/operations/catalog-rows.js';
import { rowsOf } from '../../targets/advanced-billing/operations/harness.js';

const family = { ref: { type: 'product_family', key: 'acme-projects' } };
const view = (operations: Operation[]) => operations.map(({ kind, key, dependsOn, fields }) => ({ kind, key, dependsOn, fields }));
const mapAll = (rows: SourceRow[], map: (row: SourceRow) => Operation[]) => rows.flatMap((row) => map(row));

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Every member name in the fields, at any depth (refs and brackets included). */
function fieldNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldNames);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, member]) => [name, ...fieldNames(member)]);
}

describe('catalog mapping', () => {
  it('maps a product row to its product and default price point, and a price point row to a price point', () => {
    const operations = mapAll(rowsOf('products', PRODUCTS), productOperations);
    const pricing = { price: '10', interval: 1, intervalUnit: 'month', trialPrice: '0', trialInterval: 14, trialIntervalUnit: 'day', trialType: 'no_obligation' };
    expect(view(operations)).toEqual([
      {
        kind: 'product',
        key: 'basic',
        dependsOn: [{ type: 'product_family', key: 'acme-projects' }],
        fields: { name: 'Basic Plan', handle: 'basic', family, description: 'Our basic plan', taxCode: 'digital', requirePaymentMethod: true, autoCreateSignupPage: false, ...pricing },
      },
      {
        kind: 'product_price_point',
        key: 'basic/basic-monthly',
        dependsOn: [{ type: 'product', key: 'basic' }],
        fields: { name: 'Basic monthly', handle: 'basic-monthly', product: { ref: { type: 'product', key: 'basic' } }, ...pricing, setupFee: '5.5', isDefault: true },
      },
      {
        kind: 'product_price_point',
        key: 'basic/basic-yearly',
        dependsOn: [{ type: 'product', key: 'basic' }],
        fields: {
          name: 'Basic yearly', handle: 'basic-yearly', product: { ref: { type: 'product', key: 'basic' } },
          price: '100', interval: 12, intervalUnit: 'month', expirationInterval: 12, expirationIntervalUnit: 'month', isDefault: false,
        },
      },
    ]);
  });

  it('maps each component type, its price brackets and prepaid settings, and a price point row', () => {
    const operations = view(mapAll(rowsOf('components', COMPONENTS), componentOperations));
    expect(operations.map(({ kind, key, dependsOn }) => [kind, key, dependsOn.map((ref) => `${ref.type}:${ref.key}`)])).toEqual([
      ['component', 'seats', ['product_family:acme-projects']],
      ['component_price_point', 'seats/seats-std', ['component:seats']],
      ['component', 'setup', ['product_family:acme-projects']],
      ['component_price_point', 'setup/setup-fee', ['component:setup']],
      ['component', 'messages', ['product_family:acme-projects']],
      ['component_price_point', 'messages/messages-vol', ['component:messages']],
      ['component', 'support', ['product_family:acme-projects']],
      ['component_price_point', 'support/support-on', ['component:support']],
      ['component', 'api-calls', ['product_family:acme-projects']],
      ['component_price_point', 'api-calls/api-default', ['component:api-calls']],
      ['component', 'credits', ['product_family:acme-projects']],
      ['component_price_point', 'credits/credits-std', ['component:credits']],
      ['component_price_point', 'seats/seats-disc', ['component:seats']],
    ]);
    const tiered = [{ startingQuantity: 1, endingQuantity: 10, unitPrice: '5' }, { startingQuantity: 11, unitPrice: '4.5' }];
    expect(operations[0]!.fields).toEqual({
      name: 'Seats', handle: 'seats', family, componentType: 'quantity', recurring: true, description: 'Licensed seats', unitName: 'seat',
      taxable: false, allowFractionalQuantities: false, hideDateRangeOnInvoice: false, upgradeCharge: 'prorated', downgradeCredit: 'none',
      pricingScheme: 'tiered', prices: tiered,
    });
    expect(operations[1]!.fields).toEqual({ name: 'Seats standard', handle: 'seats-std', component: { ref: { type: 'component', key: 'seats' } }, pricingScheme: 'tiered', prices: tiered, isDefault: true });
    // On/off: no unit name, and a blank pricing_scheme is priced per unit.
    expect(operations[6]!.fields).toMatchObject({ componentType: 'on_off', pricingScheme: 'per_unit', prices: [{ startingQuantity: 1, unitPrice: '25' }] });
    expect(operations[6]!.fields.unitName).toBeUndefined();
    expect(operations[8]!.fields).toMatchObject({ componentType: 'event_based', metricId: 77 });
    expect(operations[10]!.fields.prepaid).toEqual({
      overage: { pricingScheme: 'tiered', prices: [{ startingQuantity: 1, endingQuantity: 100, unitPrice: '1.5' }] },
      autoRenew: true, rollover: false, expirationInterval: 90, expirationIntervalUnit: 'day',
    });
    expect(operations[12]!.fields).toMatchObject({ handle: 'seats-disc', pricingScheme: 'per_unit', prices: [{ startingQuantity: 1, unitPrice: '3' }], isDefault: false });
  });

  it('maps coupons and segments with their discount, properties and refs', () => {
    expect(view(mapAll(rowsOf('coupons', COUPONS), couponOperations)).map(({ key, fields }) => [key, fields])).toEqual([
      ['TEN%OFF', { name: 'Ten percent', code: 'TEN%OFF', family, description: '10% off', stackable: true, recurring: false, percentage: '10' }],
      ['FIVE-OFF', { name: 'Five dollars EDIT', code: 'FIVE-OFF', family, stackable: false, recurring: true, amount: '5' }],
    ]);
    const [segment] = view(mapAll(rowsOf('ebb-segments', SEGMENTS), segmentOperations));
    expect(segment).toEqual({
      kind: 'segment',
      key: 'api-calls/api-default/EU/gold//',
      dependsOn: [{ type: 'component', key: 'api-calls' }, { type: 'component_price_point', key: 'api-calls/api-default' }],
      fields: {
        component: { ref: { type: 'component', key: 'api-calls' } }, pricePoint: { ref: { type: 'component_price_point', key: 'api-calls/api-default' } },
        metricId: 77, properties: ['EU', 'gold', undefined, undefined], pricingScheme: 'per_unit', prices: [{ startingQuantity: 1, unitPrice: '0.02' }],
      },
    });
  });

  it('names objects by site id when a cell holds digits, with nothing to wait for', () => {
    const [coupon] = mapAll(rowsOf('coupons', COUPONS.replace(/acme-projects/g, '42')), couponOperations);
    expect(coupon!.dependsOn).toEqual([]);
    expect(coupon!.fields.family).toEqual({ id: 42 });
  });

  it('leaves the currency to the target: an amount any currency may refuse maps as the decimal it is', () => {
    const [product] = mapAll(rowsOf('products', PRODUCTS.replace('10.00', '10.005')), productOperations);
    expect(product!.fields.price).toBe('10.005');
  });

  it('refuses a bad cell while mapping, naming its column', () => {
    const row = rowsOf('components', COMPONENTS.replace('API calls,event_based,,call,acme-projects,77', 'API calls,event_based,,call,acme-projects,my-metric'))[4]!;
    const error = thrownBy(() => componentOperations(row));
    expect(error).toBeInstanceOf(RowError);
    expect(error).toMatchObject({ location: { row: 6, column: 'metric_id' }, message: expect.stringContaining('metric_id must be the numeric ID') });
  });

  it('is pure and printable: the same row maps to the same JSON, in camelCase names only', () => {
    const catalog: Array<[SourceRow[], (row: SourceRow) => Operation[]]> = [
      [rowsOf('products', PRODUCTS), productOperations],
      [rowsOf('components', COMPONENTS), componentOperations],
      [rowsOf('coupons', COUPONS), couponOperations],
      [rowsOf('ebb-segments', SEGMENTS), segmentOperations],
    ];
    for (const [rows, map] of catalog) {
      const first = JSON.stringify(view(mapAll(rows, map)));
      expect(JSON.stringify(view(mapAll(rows, map)))).toBe(first);
      const names = fieldNames(JSON.parse(first).map((operation: Operation) => operation.fields));
      expect(names.filter((name) => !/^[a-z][a-zA-Z0-9]*$/.test(name))).toEqual([]);
    }
  });
});
