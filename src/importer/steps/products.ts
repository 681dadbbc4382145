// Catalog - Products rows → a product (when the row names one) and the row's price point, attached to
// the product named by `attach_to` (or the row's own handle). Prices go out in the site currency's
// minor unit. The site gives a new product a default price point of its own at the product's price;
// the product row's price point (with its setup fee and handle) is promoted to default in its place,
// and the site's own is archived, so the product has no duplicate and a subscription that names no
// price point gets the template's, setup fee included.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, compact, flag, integer, intervalUnit, minorUnits, requiredCell } from '../../plan/map/cells.js';
import { makeProductDefault } from './default-price-point.js';
import { childKey, findOnSite, firstMatch, idOrRef, refsOf, resolveId, type IdOrRef } from './refs.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo, siteInfo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, objectId } from './step.js';

/** Columns of the product itself; the rest of a row describes its price point. */
const PRODUCT_COLUMNS = new Set(['product_name', 'description', 'product_family_id', 'taxable', 'tax_code', 'require_payment_method', 'require_billing_address', 'require_shipping_address', 'auto_create_signup_page', 'handle']);

export function productSteps(row: SourceRow): ImportStep[] {
  const steps: ImportStep[] = [];
  const handle = cell(row, 'handle');
  if (cell(row, 'product_name') !== undefined) {
    if (handle === undefined) throw new RowError(row, 'handle', 'handle is required to create a product');
    steps.push(productStep(row, handle));
  }
  const pricePointHandle = cell(row, 'price_point_handle');
  if (pricePointHandle !== undefined) {
    const parent = cell(row, 'attach_to') ?? handle;
    if (parent === undefined) throw new RowError(row, 'attach_to', 'attach_to must name the product (handle or ID) this price point belongs to');
    // The price point on the row that creates the product is that product's default.
    const isDefault = handle !== undefined && cell(row, 'product_name') !== undefined && parent === handle;
    steps.push(pricePointStep(row, idOrRef('product', parent), parent, pricePointHandle, isDefault));
  }
  return steps;
}

/** The row's pricing columns as price point attributes (shared by the product and its price point). */
function pricing(row: SourceRow, currency: string): JsonObject {
  return compact({
    price_in_cents: minorUnits(row, 'price', currency) ?? requiredPrice(row),
    interval: integer(row, 'renew_every'),
    interval_unit: intervalUnit(row, 'month_or_day'),
    trial_price_in_cents: minorUnits(row, 'trial_price', currency),
    trial_interval: integer(row, 'trial_interval'),
    trial_interval_unit: intervalUnit(row, 'trial_month_or_day'),
    trial_type: cell(row, 'trial_type'),
    expiration_interval: integer(row, 'expiration_interval'),
    expiration_interval_unit: intervalUnit(row, 'expiration_month_or_day'),
  });
}

function requiredPrice(row: SourceRow): never {
  throw new RowError(row, 'price', 'price is required to import a product or price point');
}

function productStep(row: SourceRow, handle: string): ImportStep {
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  const base = {
    name: requiredCell(row, 'product_name'),
    handle,
    description: cell(row, 'description') ?? '',
    // taxable, require_billing_address and require_shipping_address are not sent: no request schema has
    // them; the templates declare them not importable and the run says what to set by hand.
    tax_code: cell(row, 'tax_code'),
    require_credit_card: flag(row, 'require_payment_method'),
    auto_create_signup_page: flag(row, 'auto_create_signup_page'),
  };
  const applied = appliedCells(row, (column) => PRODUCT_COLUMNS.has(column));
  const found = (product: JsonObject, target: Target) => ({
    id: objectId(product),
    link: linkTo(target, { type: 'product', id: objectId(product) }),
    applied,
  });
  return defineStep({
    type: 'product',
    key: handle,
    source: row,
    dependsOn: refsOf([family]),
    async create(target, resolver, intent) {
      const { currency } = await siteInfo(target);
      const familyId = await resolveId(family, resolver);
      const attrs = { ...compact(base), ...pricing(row, currency) };
      const product = await target.createProduct(familyId, attrs, intent(() => target.findProductByHandle(handle)));
      return found(product, target);
    },
    async find(target) {
      const product = await target.findProductByHandle(handle);
      return product ? found(product, target) : undefined;
    },
  });
}

function pricePointStep(row: SourceRow, product: IdOrRef, parent: string, handle: string, isDefault: boolean): ImportStep {
  const name = requiredCell(row, 'price_point_name');
  const applied = appliedCells(row, (column) => column === 'handle' || !PRODUCT_COLUMNS.has(column));
  const lookup = async (target: Target, productId: number) =>
    firstMatch(target.listProductPricePoints(productId), (pp) => pp.handle === handle);
  return defineStep({
    type: 'product_price_point',
    key: childKey(parent, handle),
    source: row,
    dependsOn: refsOf([product]),
    async create(target, resolver, intent) {
      const { currency } = await siteInfo(target);
      const productId = await resolveId(product, resolver);
      const attrs = compact({ name, handle, ...pricing(row, currency), initial_charge_in_cents: minorUnits(row, 'setup_fee_price', currency) });
      const pricePoint = await target.createProductPricePoint(productId, attrs, intent(() => lookup(target, productId)));
      return { id: objectId(pricePoint), link: linkTo(target, { type: 'product', id: productId }), applied };
    },
    async finish(target, resolver, { id }) {
      if (isDefault) await makeProductDefault(target, parent, await resolveId(product, resolver), Number(id));
    },
    async find(target) {
      const productObject = 'id' in product ? { id: product.id } : await findOnSite(target, product.ref);
      if (!productObject) return undefined;
      const productId = objectId(productObject);
      const pricePoint = await lookup(target, productId);
      return pricePoint ? { id: objectId(pricePoint), link: linkTo(target, { type: 'product', id: productId }), applied } : undefined;
    },
  });
}
