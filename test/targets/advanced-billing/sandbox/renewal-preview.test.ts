// Renewal preview amounts: product price plus each pricing scheme, custom prices, on/off and metered
// components, and coupons (percentage, flat, stacked), in integer cents as the API gives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, customerAttributes, type Catalog } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let catalog: Catalog;
let counter = 0;
beforeAll(async () => {
  harness = await startHarness();
  catalog = await buildCatalog(harness);
});
afterAll(() => harness.close());

type ComponentsOf = (components: Catalog['components']) => Array<Record<string, unknown>>;

async function preview(components: ComponentsOf, couponCodes: string[] = []) {
  counter += 1;
  const created = await harness.call('POST', '/subscriptions.json', {
    subscription: {
      product_handle: 'gold',
      customer_attributes: customerAttributes(`renewal-${counter}`),
      components: components(catalog.components),
      ...(couponCodes.length > 0 ? { coupon_codes: couponCodes } : {}),
      next_billing_at: '2099-02-01T00:00:00Z',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const response = await harness.call('POST', `/subscriptions/${created.body.subscription.id}/renewals/preview.json`);
  expect(response.status).toBe(200);
  return response.body.renewal_preview;
}

describe('renewal preview', () => {
  it.each<[string, ComponentsOf, number]>([
    ['product only', () => [], 10000],
    ['per_unit: 3 × 2.50', (c) => [{ component_id: c.perUnit, allocated_quantity: 3 }], 10750],
    ['volume: 15 at the 11–20 price of 4.00', (c) => [{ component_id: c.volume, allocated_quantity: 15 }], 16000],
    ['tiered: 10 × 5.00 + 5 × 4.00', (c) => [{ component_id: c.tiered, allocated_quantity: 15 }], 17000],
    ['stairstep: 15 falls in the 11+ step of 90', (c) => [{ component_id: c.stairstep, allocated_quantity: 15 }], 19000],
    ['on/off enabled: 15.00', (c) => [{ component_id: c.onOff, enabled: true }], 11500],
    ['on/off disabled: nothing', (c) => [{ component_id: c.onOff, enabled: false }], 10000],
    ['metered: 250 × 0.01', (c) => [{ component_id: c.metered, unit_balance: 250 }], 10250],
    [
      'custom price replaces the tiered brackets: 15 × 1.10',
      (c) => [{ component_id: c.tiered, allocated_quantity: 15, custom_price: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1.10' }] } }],
      11650,
    ],
    [
      'custom tiered price',
      (c) => [
        {
          component_id: c.perUnit,
          allocated_quantity: 4,
          custom_price: {
            pricing_scheme: 'tiered',
            prices: [
              { starting_quantity: 1, ending_quantity: 2, unit_price: '10' },
              { starting_quantity: 3, unit_price: '1' },
            ],
          },
        },
      ],
      12200,
    ],
  ])('%s', async (_name, components, totalInCents) => {
    const result = await preview(components);
    expect(result.total_in_cents).toBe(totalInCents);
    expect(result.subtotal_in_cents).toBe(totalInCents);
    expect(result.total_discount_in_cents).toBe(0);
    expect(result.uncalculated_taxes).toBe(true);
    expect(result.total_tax_in_cents).toBe(0);
    expect(result.next_assessment_at).toBe('2099-02-01T00:00:00Z');
  });

  it('lists the product and each component as line items', async () => {
    const result = await preview((c) => [
      { component_id: c.perUnit, allocated_quantity: 2 },
      { component_id: c.onOff, enabled: true },
    ]);
    expect(result.line_items.map((item: Record<string, unknown>) => [item.kind, item.amount_in_cents, item.component_handle ?? item.product_handle])).toEqual([
      ['baseline', 10000, 'gold'],
      ['quantity_based_component', 500, 'seats'],
      ['on_off_component', 1500, 'support'],
    ]);
  });

  it.each<[string, string[], number, number]>([
    ['a percentage coupon', ['TEN'], 1000, 9000],
    ['a flat coupon', ['FIVE'], 500, 9500],
    ['stacked: 10% then 5.00 off the rest', ['TEN', 'FIVE'], 1500, 8500],
    ['a non-stackable coupon alone', ['HALF'], 5000, 5000],
  ])('applies %s', async (_name, codes, discount, total) => {
    const result = await preview(() => [], codes);
    expect(result.subtotal_in_cents).toBe(10000);
    expect(result.total_discount_in_cents).toBe(discount);
    expect(result.total_in_cents).toBe(total);
    const lineDiscounts = result.line_items.reduce((sum: number, item: { discount_amount_in_cents: number }) => sum + item.discount_amount_in_cents, 0);
    expect(lineDiscounts).toBe(discount);
  });

  it('rounds once at the end, half away from zero', async () => {
    // 100.00 + 0.005 = 100.005, less 10% = 90.0045: rounded once at the end to 90.00, not per step.
    const result = await preview(
      (c) => [{ component_id: c.perUnit, allocated_quantity: 1, custom_price: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '0.005' }] } }],
      ['TEN'],
    );
    expect(result.total_in_cents).toBe(9000);
  });

  it('answers 404 for an unknown subscription', async () => {
    expect((await harness.call('POST', '/subscriptions/99999/renewals/preview.json')).status).toBe(404);
  });
});
