// compare's catalog facts from the API: active products with their price points, components with their
// pricing, and coupons, with amounts read from the API's minor units into currency units.
import { Decimal, minorUnitDigits, type PricingScheme } from '../../../pricing/index.js';
import type { SiteCatalog, SiteComponent, SiteComponentPricePoint, SitePriceBracket } from '../../facts.js';
import type { AdvancedBillingApi, Json, JsonObject } from '../api.js';
import { decimalOf, isObject, stringOf } from './json.js';

const SCHEMES = new Set<PricingScheme>(['per_unit', 'volume', 'tiered', 'stairstep']);

export async function catalogFacts(api: AdvancedBillingApi, currency: string): Promise<SiteCatalog> {
  const catalog: SiteCatalog = { products: [], components: [], coupons: [] };
  const minor = new Decimal(10).pow(minorUnitDigits(currency));
  const units = (cents: Json | undefined): string | undefined => (typeof cents === 'number' || (typeof cents === 'string' && /^-?\d+$/.test(cents)) ? new Decimal(String(cents)).dividedBy(minor).toString() : undefined);

  for await (const product of api.listProducts()) {
    const handle = stringOf(product.handle);
    if (handle === undefined || product.archived_at) continue;
    const pricePoints: SiteCatalog['products'][number]['pricePoints'] = [];
    let defaultPricePoint: string | undefined;
    for await (const point of api.listProductPricePoints(Number(product.id))) {
      const pointHandle = stringOf(point.handle);
      const price = units(point.price_in_cents);
      if (pointHandle === undefined || price === undefined || point.archived_at) continue;
      pricePoints.push({ handle: pointHandle, price });
      if (point.id === product.default_product_price_point_id) defaultPricePoint = pointHandle;
    }
    catalog.products.push({ handle, name: stringOf(product.name) ?? handle, pricePoints, ...(defaultPricePoint ? { defaultPricePoint } : {}) });
  }

  for await (const component of api.listComponents()) {
    const handle = stringOf(component.handle);
    if (handle === undefined || component.archived === true) continue;
    const kind = String(component.kind ?? 'quantity_based_component').replace(/_component$/, '') as SiteComponent['kind'];
    const facts: SiteComponent = { handle, name: stringOf(component.name) ?? handle, kind, pricePoints: [] };
    for await (const point of api.listComponentPricePoints(Number(component.id))) {
      const pointHandle = stringOf(point.handle);
      const pricing = componentPricing(point, kind);
      if (pointHandle === undefined || pricing === undefined || point.archived_at) continue;
      facts.pricePoints.push({ handle: pointHandle, ...pricing });
      if (point.id === component.default_price_point_id) facts.defaultPricePoint = pointHandle;
    }
    catalog.components.push(facts);
  }

  for await (const coupon of api.listCoupons()) {
    const code = stringOf(coupon.code);
    if (code === undefined || coupon.archived_at) continue;
    const percentage = coupon.percentage;
    const amount = units(coupon.amount_in_cents);
    const stackable = coupon.stackable === true;
    if (percentage !== null && percentage !== undefined && /^\d+(\.\d+)?$/.test(String(percentage))) {
      catalog.coupons.push({ code, stackable, percentage: new Decimal(String(percentage)).toString() });
    } else if (amount !== undefined) {
      catalog.coupons.push({ code, stackable, amount });
    }
  }
  return catalog;
}

function componentPricing(point: JsonObject, kind: SiteComponent['kind']): Omit<SiteComponentPricePoint, 'handle'> | undefined {
  const written = stringOf(point.pricing_scheme) as PricingScheme | undefined;
  const scheme: PricingScheme = kind === 'on_off' || written === undefined || !SCHEMES.has(written) ? 'per_unit' : written;
  const prices = Array.isArray(point.prices) ? point.prices.filter(isObject) : [];
  const brackets: SitePriceBracket[] = [];
  for (const price of prices) {
    const unitPrice = decimalOf(price.unit_price);
    const start = decimalOf(price.starting_quantity);
    if (unitPrice === undefined || start === undefined) continue;
    brackets.push({ startingQuantity: start.toString(), endingQuantity: decimalOf(price.ending_quantity)?.toString() ?? null, unitPrice: unitPrice.toString() });
  }
  if (brackets.length === 0) return undefined;
  return scheme === 'per_unit' ? { scheme, unitPrice: brackets[0]!.unitPrice } : { scheme, brackets };
}
