// Catalog facts read from the site through the Target (products and price points, components and
// price points, coupons), for explanations when the catalog templates are not among compare's inputs.
import { Decimal, minorUnitDigits, type PriceBracket, type PricingScheme } from '../pricing/index.js';
import type { Json, JsonObject, Target } from '../targets/advanced-billing/api.js';
import { emptyCatalog, type CatalogFacts, type ComponentFacts, type ComponentPricing } from './catalog.js';

const SCHEMES = new Set<PricingScheme>(['per_unit', 'volume', 'tiered', 'stairstep']);

export async function readSiteCatalog(target: Target, currency: string): Promise<CatalogFacts> {
  const catalog = emptyCatalog();
  const minor = new Decimal(10).pow(minorUnitDigits(currency));
  const units = (cents: Json | undefined): Decimal | undefined => (typeof cents === 'number' || (typeof cents === 'string' && /^-?\d+$/.test(cents)) ? new Decimal(String(cents)).dividedBy(minor) : undefined);

  for await (const product of target.listProducts()) {
    const handle = stringOf(product.handle);
    if (handle === undefined || product.archived_at) continue;
    const pricePoints = new Map<string, Decimal>();
    let defaultPricePoint: string | undefined;
    for await (const point of target.listProductPricePoints(Number(product.id))) {
      const pointHandle = stringOf(point.handle);
      const price = units(point.price_in_cents);
      if (pointHandle === undefined || price === undefined || point.archived_at) continue;
      pricePoints.set(pointHandle, price);
      if (point.id === product.default_product_price_point_id) defaultPricePoint = pointHandle;
    }
    catalog.products.set(handle, { handle, name: stringOf(product.name) ?? handle, pricePoints, ...(defaultPricePoint ? { defaultPricePoint } : {}) });
  }

  for await (const component of target.listComponents()) {
    const handle = stringOf(component.handle);
    if (handle === undefined || component.archived === true) continue;
    const kind = String(component.kind ?? 'quantity_based_component').replace(/_component$/, '') as ComponentFacts['kind'];
    const facts: ComponentFacts = { handle, name: stringOf(component.name) ?? handle, kind, pricePoints: new Map() };
    for await (const point of target.listComponentPricePoints(Number(component.id))) {
      const pointHandle = stringOf(point.handle);
      const pricing = componentPricing(point, kind);
      if (pointHandle === undefined || pricing === undefined || point.archived_at) continue;
      facts.pricePoints.set(pointHandle, pricing);
      if (point.id === component.default_price_point_id) facts.defaultPricePoint = pointHandle;
    }
    catalog.components.set(handle, facts);
  }

  for await (const coupon of target.listCoupons()) {
    const code = stringOf(coupon.code);
    if (code === undefined || coupon.archived_at) continue;
    const percentage = coupon.percentage;
    const amount = units(coupon.amount_in_cents);
    const stackable = coupon.stackable === true;
    if (percentage !== null && percentage !== undefined && /^\d+(\.\d+)?$/.test(String(percentage))) {
      catalog.coupons.set(code, { code, stackable, percentage: new Decimal(String(percentage)) });
    } else if (amount !== undefined) {
      catalog.coupons.set(code, { code, stackable, amount });
    }
  }
  return catalog;
}

function componentPricing(point: JsonObject, kind: ComponentFacts['kind']): ComponentPricing | undefined {
  const written = stringOf(point.pricing_scheme) as PricingScheme | undefined;
  const scheme: PricingScheme = kind === 'on_off' || written === undefined || !SCHEMES.has(written) ? 'per_unit' : written;
  const prices = Array.isArray(point.prices) ? point.prices.filter((price): price is JsonObject => typeof price === 'object' && price !== null && !Array.isArray(price)) : [];
  const brackets: PriceBracket[] = [];
  for (const price of prices) {
    const unitPrice = decimalOf(price.unit_price);
    const start = decimalOf(price.starting_quantity);
    if (unitPrice === undefined || start === undefined) continue;
    brackets.push({ startingQuantity: start, endingQuantity: decimalOf(price.ending_quantity) ?? null, unitPrice });
  }
  if (brackets.length === 0) return undefined;
  return scheme === 'per_unit' ? { scheme, unitPrice: brackets[0]!.unitPrice } : { scheme, brackets };
}

/** The templates' facts win; the site fills in what they do not name. */
export function mergeCatalogs(primary: CatalogFacts, secondary: CatalogFacts): CatalogFacts {
  return {
    products: new Map([...secondary.products, ...primary.products]),
    components: new Map([...secondary.components, ...primary.components]),
    coupons: new Map([...secondary.coupons, ...primary.coupons]),
  };
}

function decimalOf(value: Json | undefined): Decimal | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  return undefined;
}

function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
