// Catalog facts read from the site through the Target (products and price points, components and
// price points, coupons), for explanations when the catalog templates are not among compare's inputs.
import { Decimal } from '../pricing/index.js';
import type { SiteComponentPricePoint, Target } from '../targets/target.js';
import { emptyCatalog, type CatalogFacts, type CatalogComponentPricing } from './catalog.js';

export async function readSiteCatalog(target: Target, currency: string): Promise<CatalogFacts> {
  const site = await target.catalogFacts(currency);
  const catalog = emptyCatalog();
  for (const product of site.products) {
    const pricePoints = new Map(product.pricePoints.map((point) => [point.handle, new Decimal(point.price)] as const));
    catalog.products.set(product.handle, { handle: product.handle, name: product.name, pricePoints, ...(product.defaultPricePoint ? { defaultPricePoint: product.defaultPricePoint } : {}) });
  }
  for (const component of site.components) {
    const pricePoints = new Map(component.pricePoints.map((point) => [point.handle, componentPricing(point)] as const));
    catalog.components.set(component.handle, {
      handle: component.handle,
      name: component.name,
      kind: component.kind,
      pricePoints,
      ...(component.defaultPricePoint ? { defaultPricePoint: component.defaultPricePoint } : {}),
    });
  }
  for (const { code, stackable, percentage, amount } of site.coupons) {
    catalog.coupons.set(code, { code, stackable, ...(percentage !== undefined ? { percentage: new Decimal(percentage) } : { amount: new Decimal(amount!) }) });
  }
  return catalog;
}

function componentPricing(point: SiteComponentPricePoint): CatalogComponentPricing {
  if (point.unitPrice !== undefined) return { scheme: point.scheme, unitPrice: new Decimal(point.unitPrice) };
  return {
    scheme: point.scheme,
    brackets: (point.brackets ?? []).map((bracket) => ({
      startingQuantity: new Decimal(bracket.startingQuantity),
      endingQuantity: bracket.endingQuantity === null ? null : new Decimal(bracket.endingQuantity),
      unitPrice: new Decimal(bracket.unitPrice),
    })),
  };
}

/** The templates' facts win; the site fills in what they do not name. */
export function mergeCatalogs(primary: CatalogFacts, secondary: CatalogFacts): CatalogFacts {
  return {
    products: new Map([...secondary.products, ...primary.products]),
    components: new Map([...secondary.components, ...primary.components]),
    coupons: new Map([...secondary.coupons, ...primary.coupons]),
  };
}
