// Prices a subscription row from the catalog templates with src/pricing — the same engine the sandbox's
// renewal preview uses — and the "what if" variants explanations test (another product, a coupon more…).
import { priceRenewal, type ComponentLine, type CouponLine, type RenewalBreakdown } from '../pricing/index.js';
import { Decimal } from '../pricing/index.js';
import type { CatalogFacts } from './catalog.js';
import type { PreviewFacts, PreviewLine } from './preview-facts.js';
import type { ComparedComponent, SubscriptionFacts } from './subscription-facts.js';

export type CatalogPrice = { ok: true; breakdown: RenewalBreakdown; preview: PreviewFacts } | { ok: false; reason: string };

/** The row's next renewal as the catalog prices it, or why it cannot be priced (an item the catalog lacks). */
export function priceFromCatalog(facts: SubscriptionFacts, catalog: CatalogFacts, fallbackCurrency = 'USD'): CatalogPrice {
  const currency = facts.currency ?? fallbackCurrency;
  const product = facts.productHandle === undefined ? undefined : catalog.products.get(facts.productHandle);
  if (product === undefined) return { ok: false, reason: `product ${facts.productHandle ?? '(blank)'} is not in the catalog templates` };
  const pricePoint = facts.pricePointHandle ?? product.defaultPricePoint;
  const productPrice = pricePoint === undefined ? undefined : product.pricePoints.get(pricePoint);
  if (productPrice === undefined || pricePoint === undefined) {
    return { ok: false, reason: `price point ${pricePoint ?? '(default)'} of product ${product.handle} is not in the catalog templates` };
  }
  const components: Array<{ line: ComponentLine; item: ComparedComponent; pricePoint: string }> = [];
  for (const item of facts.components) {
    const resolved = componentLineOf(item, catalog);
    if (typeof resolved === 'string') return { ok: false, reason: resolved };
    components.push({ ...resolved, item });
  }
  const coupons: CouponLine[] = [];
  for (const code of facts.couponCodes) {
    const coupon = catalog.coupons.get(code);
    if (coupon === undefined) return { ok: false, reason: `coupon ${code} is not in the catalog templates` };
    coupons.push(coupon);
  }
  let breakdown: RenewalBreakdown;
  try {
    breakdown = priceRenewal({ currency, productLabel: product.handle, productPrice, components: components.map(({ line }) => line), coupons });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const charged = breakdown.lines.filter((line) => line.kind !== 'discount');
  const lines: PreviewLine[] = charged.map((line, index) => {
    if (index === 0) return { kind: 'product', handle: product.handle, pricePoint, amount: line.amount };
    const component = components[index - 1]!;
    return { kind: 'component', handle: component.item.handle, pricePoint: component.pricePoint, quantity: component.item.quantity, amount: line.amount };
  });
  const applied = breakdown.lines.filter((line) => line.kind === 'discount').map((line) => line.label);
  return {
    ok: true,
    breakdown,
    preview: { source: 'catalog', currency, lines, couponCodes: applied, discount: breakdown.discount, tax: new Decimal(0), uncalculatedTaxes: true, total: breakdown.total },
  };
}

/** The renewal total of a variant of the row, or undefined when the catalog cannot price it. */
export function catalogTotal(facts: SubscriptionFacts, catalog: CatalogFacts, fallbackCurrency?: string): Decimal | undefined {
  const priced = priceFromCatalog(facts, catalog, fallbackCurrency);
  return priced.ok ? priced.breakdown.total : undefined;
}

function componentLineOf(item: ComparedComponent, catalog: CatalogFacts): { line: ComponentLine; pricePoint: string } | string {
  const component = catalog.components.get(item.handle);
  if (component === undefined) return `component ${item.handle} is not in the catalog templates`;
  // A numeric price point id cannot be told from the templates: the default price point stands in for it.
  const pricePoint = item.pricePoint !== undefined && component.pricePoints.has(item.pricePoint) ? item.pricePoint : component.defaultPricePoint;
  const pricing = pricePoint === undefined ? undefined : component.pricePoints.get(pricePoint);
  if (pricing === undefined || pricePoint === undefined) return `component ${item.handle} has no priced price point in the catalog templates`;
  return {
    pricePoint,
    line: {
      label: item.handle,
      kind: component.kind,
      scheme: pricing.scheme,
      quantity: item.quantity,
      ...(pricing.unitPrice !== undefined ? { unitPrice: pricing.unitPrice } : {}),
      ...(pricing.brackets !== undefined ? { brackets: pricing.brackets } : {}),
      ...(item.customPrice !== undefined ? { customUnitPrice: item.customPrice } : {}),
    },
  };
}
