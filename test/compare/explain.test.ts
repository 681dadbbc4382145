// Every explanation cause, table-driven: template values, the sample catalog and a preview go in; the
// causes that account for the whole difference come out.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCatalog, type CatalogFacts } from '../../src/compare/catalog.js';
import { priceFromCatalog } from '../../src/compare/catalog-price.js';
import { explainInvoiceMismatch, explainMismatch, type CauseCode } from '../../src/compare/explain.js';
import type { PreviewFacts } from '../../src/compare/preview-facts.js';
import type { SubscriptionFacts } from '../../src/compare/subscription-facts.js';
import { Decimal } from '../../src/pricing/index.js';

const sample = (name: string): string => fileURLToPath(new URL(`../../fixtures/sample/${name}`, import.meta.url));
let catalog: CatalogFacts;
beforeAll(async () => {
  catalog = await readCatalog([sample('products.csv'), sample('components.csv'), sample('coupons.csv')]);
});

const d = (value: string | number): Decimal => new Decimal(value);

function facts(productHandle: string, extra: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return { productHandle, couponCodes: [], components: [], currency: 'USD', ...extra };
}

function component(handle: string, quantity: number, customPrice?: string): SubscriptionFacts['components'][number] {
  return { handle, quantity: d(quantity), ...(customPrice ? { customPrice: d(customPrice) } : {}) };
}

/** A site preview: the product line, component lines [handle, amount, quantity], coupons, tax. */
function site(product: [string, string], components: Array<[string, string, number]> = [], options: { coupons?: string[]; discount?: string; tax?: string; uncalculated?: boolean; currency?: string } = {}): PreviewFacts {
  const lines = [
    { kind: 'product' as const, handle: product[0], amount: d(product[1]) },
    ...components.map(([handle, amount, quantity]) => ({ kind: 'component' as const, handle, amount: d(amount), quantity: d(quantity) })),
  ];
  const subtotal = lines.reduce((sum, line) => sum.plus(line.amount), d(0));
  const discount = d(options.discount ?? 0);
  const tax = d(options.tax ?? 0);
  return {
    source: 'site',
    currency: options.currency ?? 'USD',
    lines,
    couponCodes: options.coupons ?? [],
    discount,
    tax,
    uncalculatedTaxes: options.uncalculated ?? false,
    total: subtotal.minus(discount).plus(tax),
  };
}

interface Case {
  name: string;
  template: SubscriptionFacts;
  expected: string;
  /** A site preview; without one, the catalog's own pricing of the row stands in (as offline). */
  preview?: PreviewFacts;
  tolerance?: string;
  fits: CauseCode[];
  notes?: CauseCode[];
}

const cases: Case[] = [
  { name: 'a coupon on the row that the site did not apply', template: facts('pro', { couponCodes: ['TENOFF'] }), expected: '89.10', preview: site(['pro', '99']), fits: ['coupon-not-applied'] },
  { name: 'a coupon applied on the site that the row does not list', template: facts('pro'), expected: '99.00', preview: site(['pro', '99'], [], { coupons: ['FIVEFLAT'], discount: '5' }), fits: ['coupon-not-in-template'] },
  { name: 'the expected amount includes a coupon the row misses', template: facts('pro', { components: [component('seats', 2), component('storage', 5)] }), expected: '129.60', fits: ['expected-fits-coupon'] },
  { name: 'the expected amount leaves out a coupon the row lists', template: facts('basic', { couponCodes: ['TENOFF'] }), expected: '29.00', fits: ['expected-fits-without-coupon'] },
  { name: 'a component on the row missing on the site', template: facts('pro', { components: [component('seats', 3)] }), expected: '129.00', preview: site(['pro', '99']), fits: ['component-missing'] },
  { name: 'a component with another quantity on the site', template: facts('pro', { components: [component('seats', 5)] }), expected: '149.00', preview: site(['pro', '99'], [['seats', '30', 3]]), fits: ['component-quantity'] },
  { name: 'a component on the site the row does not list', template: facts('basic'), expected: '29.00', preview: site(['basic', '29'], [['priority-support', '49', 1]]), fits: ['component-not-in-template'] },
  { name: 'a custom price the site did not apply', template: facts('pro', { components: [component('seats', 10, '8.50')] }), expected: '184.00', preview: site(['pro', '99'], [['seats', '100', 10]]), fits: ['custom-price-not-applied'] },
  { name: 'another product on the site', template: facts('pro'), expected: '99.00', preview: site(['basic', '29']), fits: ['other-product'] },
  { name: 'the expected amount fits another product or price point', template: facts('basic'), expected: '990.00', fits: ['expected-fits-product'] },
  { name: 'the expected amount fits another component quantity', template: facts('pro', { components: [component('seats', 2)] }), expected: '149.00', fits: ['expected-fits-component-quantity'] },
  { name: 'the expected amount leaves a component out', template: facts('pro', { components: [component('seats', 2)] }), expected: '99.00', fits: ['expected-fits-component-quantity'] },
  { name: 'the expected amount uses the catalog price, not the custom price', template: facts('pro', { components: [component('seats', 10, '8.50')] }), expected: '199.00', fits: ['expected-fits-catalog-price'] },
  { name: 'tax on the site that the expected amount leaves out', template: facts('pro'), expected: '99.00', preview: site(['pro', '99'], [], { tax: '8.17' }), fits: ['tax-included'] },
  { name: 'taxes the site did not calculate', template: facts('pro'), expected: '107.17', preview: site(['pro', '99'], [], { uncalculated: true }), fits: [], notes: ['taxes-uncalculated'] },
  { name: 'a currency mismatch', template: facts('pro', { currency: 'EUR' }), expected: '99.00', preview: site(['pro', '120'], [], { currency: 'USD' }), fits: ['currency-mismatch'] },
  { name: 'nothing that fits', template: facts('pro'), expected: '123.45', preview: site(['pro', '99']), fits: [], notes: ['unexplained'] },
  { name: 'a coupon not applied, within the tolerance', template: facts('pro', { couponCodes: ['TENOFF'] }), expected: '89.11', preview: site(['pro', '99']), tolerance: '0.01', fits: ['coupon-not-applied'] },
];

describe('explainMismatch', () => {
  it.each(cases)('$name', ({ template, expected, preview, tolerance, fits, notes }) => {
    const priced = priceFromCatalog(template, catalog);
    const effective = preview ?? (priced.ok ? priced.preview : undefined);
    expect(effective).toBeDefined();
    const explanation = explainMismatch({ expected: d(expected), actual: effective!.total, tolerance: d(tolerance ?? 0), template, catalog, preview: effective! });
    expect(explanation.causes.filter((cause) => cause.fits).map((cause) => cause.code).sort()).toEqual([...fits].sort());
    for (const note of notes ?? []) expect(explanation.causes.map((cause) => cause.code)).toContain(note);
    expect(explanation.causes.length).toBeGreaterThan(0);
    for (const cause of explanation.causes) expect(cause.message).not.toMatch(/undefined|NaN|\{\{/);
  });

  it('names the tax when the difference is exactly the tax, and only mentions it otherwise', () => {
    const exact = explainMismatch({ expected: d('99.00'), actual: d('106.92'), tolerance: d(0), template: facts('pro'), catalog, preview: site(['pro', '99'], [], { tax: '7.92' }) });
    expect(exact.causes[0]).toEqual({ code: 'tax-included', fits: true, message: 'the difference is exactly the tax, 7.92; YourExpectedRenewal is probably net of tax' });
    const other = explainMismatch({ expected: d('100.00'), actual: d('106.92'), tolerance: d(0), template: facts('pro'), catalog, preview: site(['pro', '99'], [], { tax: '7.92' }) });
    expect(other.causes.find((cause) => cause.code === 'tax-included')).toEqual({ code: 'tax-included', fits: false, message: "the site's renewal includes 7.92 of tax" });
  });

  it('sets the site lines beside the template values', () => {
    const template = facts('pro', { components: [component('seats', 2)], couponCodes: ['TENOFF'] });
    const explanation = explainMismatch({ expected: d('89.10'), actual: d('119'), tolerance: d(0), template, catalog, preview: site(['pro', '99'], [['seats', '20', 2]], { uncalculated: true }) });
    expect(explanation.site).toEqual(['pro 99.00', 'seats ×2 20.00', 'discount 0.00', 'tax uncalculated', 'total 119.00']);
    expect(explanation.template).toEqual(['pro', 'seats ×2', 'coupons TENOFF', 'USD']);
  });

  it('explains with the catalog alone when there is no preview at all', () => {
    const explanation = explainMismatch({ expected: d('129.60'), actual: d('144'), tolerance: d(0), template: facts('pro', { components: [component('seats', 2), component('storage', 5)] }), catalog });
    expect(explanation.site).toEqual([]);
    expect(explanation.causes[0]).toMatchObject({ code: 'expected-fits-coupon', fits: true });
    expect(explanation.causes[0]!.message).toContain('TENOFF');
  });
});

describe('explainInvoiceMismatch', () => {
  it.each([
    { name: 'line items that do not add up to total_amount', expected: '160', actual: '150', lines: '150', code: 'invoice-line-items', fits: true },
    { name: 'line items that match total_amount, site total differs', expected: '150', actual: '140', lines: '150', code: 'unexplained', fits: false },
  ])('$name', ({ expected, actual, lines, code, fits }) => {
    const explanation = explainInvoiceMismatch({ expected: d(expected), actual: d(actual), tolerance: d(0), currency: 'USD', lineItemsTotal: d(lines) });
    expect(explanation.causes).toEqual([expect.objectContaining({ code, fits })]);
  });
});
