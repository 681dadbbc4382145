// Why a subscription's renewal differs from the expected amount: the renewal preview's lines set beside
// the row's template values, and the causes the evidence shows. Pure: no I/O, every case table-tested.
import { Decimal, formatMoney } from '../pricing/index.js';
import type { CatalogFacts, CouponFacts } from './catalog.js';
import { catalogTotal } from './catalog-price.js';
import type { PreviewFacts, PreviewLine } from './preview-facts.js';
import type { SubscriptionFacts } from './subscription-facts.js';

export type CauseCode =
  | 'currency-mismatch'
  | 'other-product'
  | 'component-missing'
  | 'component-quantity'
  | 'component-not-in-template'
  | 'custom-price-not-applied'
  | 'coupon-not-applied'
  | 'coupon-not-in-template'
  | 'tax-included'
  | 'taxes-uncalculated'
  | 'expected-fits-coupon'
  | 'expected-fits-without-coupon'
  | 'expected-fits-product'
  | 'expected-fits-component-quantity'
  | 'expected-fits-catalog-price'
  | 'invoice-line-items'
  | 'mrr-derived-otherwise'
  | 'unexplained';

export interface Cause {
  code: CauseCode;
  /** True when the cause accounts for the whole difference (within the tolerance). */
  fits: boolean;
  message: string;
}

export interface Explanation {
  /** Where `site`'s lines come from: the site's renewal preview, or the catalog priced locally (no site). */
  preview: 'site' | 'catalog' | null;
  /** The preview's lines, one text per line: "seats ×2 20.00". */
  site: string[];
  /** The row's template values, in the same order: "seats ×2". */
  template: string[];
  /** Causes that account for the whole difference first. */
  causes: Cause[];
}

export interface ExplainInput {
  expected: Decimal;
  actual: Decimal;
  tolerance: Decimal;
  template: SubscriptionFacts;
  catalog: CatalogFacts;
  preview?: PreviewFacts;
}

/** The largest quantity tried when looking for the one the expected amount fits (0 = the component left out). */
const MAX_QUANTITY_TRIED = 1_000_000;

export function explainMismatch(input: ExplainInput): Explanation {
  const { preview, template } = input;
  const currency = preview?.currency ?? template.currency ?? 'USD';
  const money = (amount: Decimal): string => formatMoney(amount, currency);
  const fits = (amount: Decimal | undefined): boolean => amount !== undefined && amount.minus(input.expected).abs().lessThanOrEqualTo(input.tolerance);
  const difference = input.actual.minus(input.expected);

  const causes: Cause[] = [];
  if (preview?.source === 'site') causes.push(...siteCauses(input, money, fits));
  causes.push(...expectedFitCauses(input, money, fits));
  // Only worth saying when nothing else accounts for an expected amount above the site's.
  if (preview?.source === 'site' && preview.uncalculatedTaxes && difference.isNegative() && !causes.some((cause) => cause.fits)) {
    const rate = input.actual.isZero() ? undefined : difference.negated().dividedBy(input.actual).times(100).toDecimalPlaces(2);
    causes.push({
      code: 'taxes-uncalculated',
      fits: false,
      message: `the site did not calculate taxes for this renewal; if the expected amount includes tax, that is ${money(difference.negated())}${rate ? ` (${rate.toString()}% of the renewal)` : ''}`,
    });
  }
  if (causes.length === 0) {
    causes.push({
      code: 'unexplained',
      fits: false,
      message: `no single change to the row accounts for the difference of ${money(difference)}; compare the lines above${isEmptyCatalog(input.catalog) ? ' (pass the catalog templates for more clues)' : ''}`,
    });
  }
  causes.sort((a, b) => Number(b.fits) - Number(a.fits));
  return { preview: preview?.source ?? null, site: preview ? siteLines(preview, money) : [], template: templateLines(template), causes };
}

function isEmptyCatalog(catalog: CatalogFacts): boolean {
  return catalog.products.size === 0;
}

/** Causes read off the site's preview: what the site bills that the row does not say, and the reverse. */
function siteCauses(input: ExplainInput, money: (amount: Decimal) => string, fits: (amount: Decimal | undefined) => boolean): Cause[] {
  const preview = input.preview!;
  const { template, catalog } = input;
  const causes: Cause[] = [];
  if (template.currency !== undefined && preview.currency !== template.currency) {
    causes.push({
      code: 'currency-mismatch',
      fits: true,
      message: `the site bills the subscription in ${preview.currency}, the row says ${template.currency}: amounts in different currencies cannot match`,
    });
  }
  const product = preview.lines.find((line) => line.kind === 'product');
  if (product !== undefined && template.productHandle !== undefined) {
    const otherProduct = product.handle !== template.productHandle;
    const templatePrice = catalogProductPrice(catalog, template.productHandle, template.pricePointHandle);
    // Sites name default price points their own way ("original"): a handle alone is no evidence, a price is.
    const otherPricePoint =
      !otherProduct && template.pricePointHandle !== undefined && product.pricePoint !== undefined && product.pricePoint !== template.pricePointHandle &&
      (templatePrice === undefined || !templatePrice.equals(product.amount));
    if (otherProduct || otherPricePoint) {
      causes.push({
        code: 'other-product',
        fits: templatePrice !== undefined && fits(input.actual.minus(product.amount).plus(templatePrice)),
        message: `the site bills ${describeProduct(product)} at ${money(product.amount)} where the row says ${template.productHandle}${template.pricePointHandle ? ` (${template.pricePointHandle})` : ''}${templatePrice !== undefined ? ` at ${money(templatePrice)}` : ''}`,
      });
    }
  }
  const siteComponents = preview.lines.filter((line) => line.kind === 'component');
  for (const item of template.components) {
    const line = siteComponents.find((candidate) => candidate.handle === item.handle);
    if (line === undefined || (line.quantity !== undefined && line.quantity.isZero() && !item.quantity.isZero())) {
      if (item.quantity.isZero()) continue;
      const without = catalogTotal({ ...template, components: template.components.filter((other) => other !== item) }, catalog, preview.currency);
      const expectedWithout = catalogTotal(template, catalog, preview.currency);
      const missingAmount = without !== undefined && expectedWithout !== undefined ? expectedWithout.minus(without) : undefined;
      causes.push({
        code: 'component-missing',
        fits: missingAmount !== undefined && fits(input.actual.plus(missingAmount)),
        message: `component ${item.handle} ×${item.quantity.toString()} is on the row but not on the site's renewal${missingAmount !== undefined ? ` (${money(missingAmount)} in the catalog)` : ''}`,
      });
      continue;
    }
    if (line.quantity !== undefined && !line.quantity.equals(item.quantity)) {
      const perUnit = line.quantity.isZero() ? undefined : line.amount.dividedBy(line.quantity);
      causes.push({
        code: 'component-quantity',
        fits: perUnit !== undefined && fits(input.actual.minus(line.amount).plus(perUnit.times(item.quantity))),
        message: `component ${item.handle} has quantity ${line.quantity.toString()} on the site, ${item.quantity.toString()} on the row`,
      });
      continue;
    }
    if (item.customPrice !== undefined && line.quantity !== undefined) {
      const custom = item.customPrice.times(line.quantity);
      if (!custom.minus(line.amount).abs().lessThanOrEqualTo(input.tolerance)) {
        causes.push({
          code: 'custom-price-not-applied',
          fits: fits(input.actual.minus(line.amount).plus(custom)),
          message: `component ${item.handle} is billed ${money(line.amount)} on the site, not the custom price ${item.customPrice.toString()} × ${line.quantity.toString()} = ${money(custom)}`,
        });
      }
    }
  }
  for (const line of siteComponents) {
    if (line.amount.isZero() || template.components.some((item) => item.handle === line.handle)) continue;
    causes.push({
      code: 'component-not-in-template',
      fits: fits(input.actual.minus(line.amount)),
      message: `the site bills component ${line.handle}${line.quantity ? ` ×${line.quantity.toString()}` : ''} (${money(line.amount)}), which the row does not list`,
    });
  }
  causes.push(...couponCauses(input, money, fits));
  if (preview.tax.greaterThan(0)) {
    // The expected amount equals the renewal without its tax: the difference is the tax, nothing else.
    const netOfTax = fits(input.actual.minus(preview.tax));
    causes.push({
      code: 'tax-included',
      fits: netOfTax,
      message: netOfTax
        ? `the difference is exactly the tax, ${money(preview.tax)}; YourExpectedRenewal is probably net of tax`
        : `the site's renewal includes ${money(preview.tax)} of tax`,
    });
  }
  return causes;
}

function couponCauses(input: ExplainInput, money: (amount: Decimal) => string, fits: (amount: Decimal | undefined) => boolean): Cause[] {
  const preview = input.preview!;
  const { template, catalog } = input;
  const causes: Cause[] = [];
  const subtotal = preview.lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  const applied = preview.couponCodes;
  const notApplied = applied !== undefined
    ? template.couponCodes.filter((code) => !applied.includes(code))
    : preview.discount.isZero() ? template.couponCodes : [];
  for (const code of notApplied) {
    const coupon = catalog.coupons.get(code);
    const off = coupon === undefined ? undefined : couponDiscount(coupon, subtotal.minus(preview.discount));
    causes.push({
      code: 'coupon-not-applied',
      fits: off !== undefined && fits(input.actual.minus(off)),
      message: `coupon ${code}${coupon ? ` (${describeCoupon(coupon, money)})` : ''} is on the row but the site did not apply it${off !== undefined ? `: ${money(off)} off` : ''}`,
    });
  }
  for (const code of applied ?? []) {
    if (template.couponCodes.includes(code)) continue;
    const coupon = catalog.coupons.get(code);
    causes.push({
      code: 'coupon-not-in-template',
      fits: fits(input.actual.plus(preview.discount)),
      message: `the site applied coupon ${code}${coupon ? ` (${describeCoupon(coupon, money)})` : ''}, which the row does not list`,
    });
  }
  return causes;
}

/** Causes that need no site: the expected amount is exactly what another version of the row costs. */
function expectedFitCauses(input: ExplainInput, money: (amount: Decimal) => string, fits: (amount: Decimal | undefined) => boolean): Cause[] {
  const { template, catalog } = input;
  const currency = input.preview?.currency ?? template.currency;
  const total = (facts: SubscriptionFacts): Decimal | undefined => catalogTotal(facts, catalog, currency);
  const asWritten = total(template);
  if (template.productHandle === undefined || !catalog.products.has(template.productHandle) || asWritten === undefined) return [];
  // When the row as written prices to the expected amount, the difference is on the site's side.
  if (fits(asWritten)) return [];
  const causes: Cause[] = [];
  for (const coupon of catalog.coupons.values()) {
    if (template.couponCodes.includes(coupon.code)) continue;
    if (fits(total({ ...template, couponCodes: [...template.couponCodes, coupon.code] }))) {
      causes.push({
        code: 'expected-fits-coupon',
        fits: true,
        message: `the expected amount is the renewal with coupon ${coupon.code} (${describeCoupon(coupon, money)}), which the row does not list: a missed coupon?`,
      });
    }
  }
  for (const code of template.couponCodes) {
    if (fits(total({ ...template, couponCodes: template.couponCodes.filter((other) => other !== code) }))) {
      causes.push({ code: 'expected-fits-without-coupon', fits: true, message: `the expected amount is the renewal without coupon ${code}: is the coupon meant to apply?` });
    }
  }
  for (const product of catalog.products.values()) {
    for (const pricePoint of product.pricePoints.keys()) {
      const same = product.handle === template.productHandle && pricePoint === (template.pricePointHandle ?? catalog.products.get(template.productHandle)?.defaultPricePoint);
      if (same) continue;
      if (fits(total({ ...template, productHandle: product.handle, pricePointHandle: pricePoint }))) {
        causes.push({
          code: 'expected-fits-product',
          fits: true,
          message: `the expected amount is the renewal with product ${product.handle}, price point ${pricePoint}, where the row says ${template.productHandle}${template.pricePointHandle ? ` (${template.pricePointHandle})` : ''}: the wrong product or price point?`,
        });
      }
    }
  }
  template.components.forEach((item, index) => {
    const withItem = (change: Partial<typeof item> & { drop?: boolean }): SubscriptionFacts => ({
      ...template,
      components: change.drop ? template.components.filter((_, other) => other !== index) : template.components.map((other, at) => (at === index ? { ...other, ...change } : other)),
    });
    if (item.customPrice !== undefined) {
      const { customPrice: _custom, ...catalogPriced } = item;
      if (fits(total({ ...template, components: template.components.map((other, at) => (at === index ? catalogPriced : other)) }))) {
        causes.push({ code: 'expected-fits-catalog-price', fits: true, message: `the expected amount prices component ${item.handle} at its catalog price, not the custom price ${item.customPrice.toString()}` });
        return;
      }
    }
    const totalWith = (candidate: Decimal): Decimal | undefined => total(candidate.isZero() ? withItem({ drop: true }) : withItem({ quantity: candidate }));
    const quantity = fittingQuantity(item.quantity, input.expected, (candidate) => fits(totalWith(candidate)), totalWith);
    if (quantity !== undefined) {
      causes.push({
        code: 'expected-fits-component-quantity',
        fits: true,
        message: quantity.isZero()
          ? `the expected amount leaves out component ${item.handle} (×${item.quantity.toString()} on the row)`
          : `the expected amount fits component ${item.handle} at quantity ${quantity.toString()}, the row says ${item.quantity.toString()}`,
      });
    }
  });
  return causes;
}

/**
 * The quantity (≠ the row's) at which the row prices to the expected amount. A renewal never costs less
 * for more units under the catalog's schemes and coupons, so a binary search over whole quantities finds it.
 */
function fittingQuantity(current: Decimal, expected: Decimal, fitsWith: (quantity: Decimal) => boolean, totalWith: (quantity: Decimal) => Decimal | undefined): Decimal | undefined {
  const reaches = (quantity: number): boolean => {
    const total = totalWith(new Decimal(quantity));
    return total === undefined || total.greaterThanOrEqualTo(expected);
  };
  let high = Math.max(1, current.ceil().toNumber());
  while (!reaches(high)) {
    if (high > MAX_QUANTITY_TRIED) return undefined;
    high *= 2;
  }
  let low = 0;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle + 1;
  }
  for (const quantity of [low - 1, low, low + 1]) {
    if (quantity < 0) continue;
    const candidate = new Decimal(quantity);
    if (!candidate.equals(current) && fitsWith(candidate)) return candidate;
  }
  return undefined;
}

function couponDiscount(coupon: CouponFacts, remaining: Decimal): Decimal {
  if (remaining.lessThanOrEqualTo(0)) return new Decimal(0);
  if (coupon.percentage !== undefined) return remaining.times(coupon.percentage).dividedBy(100);
  return Decimal.min(coupon.amount ?? 0, remaining);
}

function catalogProductPrice(catalog: CatalogFacts, handle: string, pricePoint: string | undefined): Decimal | undefined {
  const product = catalog.products.get(handle);
  const point = pricePoint ?? product?.defaultPricePoint;
  return point === undefined ? undefined : product?.pricePoints.get(point);
}

function describeCoupon(coupon: CouponFacts, money: (amount: Decimal) => string): string {
  return coupon.percentage !== undefined ? `${coupon.percentage.toString()}% off` : `${money(coupon.amount ?? new Decimal(0))} off`;
}

function describeProduct(line: PreviewLine): string {
  return line.pricePoint ? `${line.handle} (${line.pricePoint})` : line.handle;
}

function siteLines(preview: PreviewFacts, money: (amount: Decimal) => string): string[] {
  const lines = preview.lines.map((line) =>
    line.kind === 'product' ? `${describeProduct(line)} ${money(line.amount)}` : `${line.handle} ×${line.quantity?.toString() ?? '?'} ${money(line.amount)}`,
  );
  const coupons = preview.couponCodes && preview.couponCodes.length > 0 ? ` (${preview.couponCodes.join(', ')})` : '';
  lines.push(`discount ${money(preview.discount.negated())}${coupons}`);
  lines.push(preview.tax.greaterThan(0) ? `tax ${money(preview.tax)}` : preview.uncalculatedTaxes ? 'tax uncalculated' : `tax ${money(preview.tax)}`);
  lines.push(`total ${money(preview.total)}`);
  return lines;
}

function templateLines(template: SubscriptionFacts): string[] {
  const product = template.productHandle ? `${template.productHandle}${template.pricePointHandle ? ` (${template.pricePointHandle})` : ''}` : '(no product)';
  const components = template.components.map((item) => `${item.handle} ×${item.quantity.toString()}${item.customPrice !== undefined ? ` @ ${item.customPrice.toString()} custom` : ''}`);
  const coupons = template.couponCodes.length > 0 ? `coupons ${template.couponCodes.join(', ')}` : 'no coupon';
  return [product, ...components, coupons, ...(template.currency ? [template.currency] : [])];
}

export interface InvoiceExplainInput {
  expected: Decimal;
  actual: Decimal;
  tolerance: Decimal;
  currency: string;
  /** Σ quantity × unit_price of the template's line items. */
  lineItemsTotal?: Decimal;
}

/** An invoice's Amount against its total_amount: the site totals the line items, so the lines are the evidence. */
export function explainInvoiceMismatch(input: InvoiceExplainInput): Explanation {
  const money = (amount: Decimal): string => formatMoney(amount, input.currency);
  const lines = input.lineItemsTotal;
  const template = [`total_amount ${money(input.expected)}`, ...(lines !== undefined ? [`line items ${money(lines)}`] : [])];
  if (lines !== undefined && !lines.minus(input.expected).abs().lessThanOrEqualTo(input.tolerance)) {
    const fitsActual = lines.minus(input.actual).abs().lessThanOrEqualTo(input.tolerance);
    return {
      preview: 'site',
      site: [`total ${money(input.actual)}`],
      template,
      causes: [{
        code: 'invoice-line-items',
        fits: fitsActual,
        message: `the line items add up to ${money(lines)}, not the total_amount ${money(input.expected)}${fitsActual ? ': the site totals the line items, so one of them or total_amount is wrong' : ''}`,
      }],
    };
  }
  return {
    preview: 'site',
    site: [`total ${money(input.actual)}`],
    template,
    causes: [{ code: 'unexplained', fits: false, message: `the line items match total_amount, yet the site's invoice totals ${money(input.actual)}: open the invoice on the site to see its lines` }],
  };
}
