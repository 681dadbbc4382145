// Catalog - Products rows → a product operation (when the row names one) and the row's price point,
// attached to the product named by `attach_to` (or the row's own handle). Amounts stay decimal strings:
// the site's currency, and so its minor unit, is the adapter's business. Blank cells leave a field
// undefined (absent once printed).
import type { FieldValue, Operation, SourceRow } from '../operation.js';
import { appliedCells, cell, flag, integer, intervalUnit, money, requiredCell, type IntervalUnit } from './cells.js';
import { RowError } from '../row-error.js';
import { childKey, idOrRef, refsOf, type IdOrRef } from './refs.js';

/** The billing terms of a product price point; a product carries them too (they become its first price point). */
export interface ProductPricing {
  [name: string]: FieldValue;
  /** The recurring price, a decimal string in the site's currency. */
  price: string;
  interval?: number;
  intervalUnit?: IntervalUnit;
  trialPrice?: string;
  trialInterval?: number;
  trialIntervalUnit?: IntervalUnit;
  trialType?: string;
  expirationInterval?: number;
  expirationIntervalUnit?: IntervalUnit;
}

export interface ProductFields extends ProductPricing {
  name: string;
  handle: string;
  family: IdOrRef;
  description?: string;
  taxCode?: string;
  requirePaymentMethod?: boolean;
  autoCreateSignupPage?: boolean;
}

export interface ProductPricePointFields extends ProductPricing {
  name: string;
  handle: string;
  product: IdOrRef;
  /** A one-time charge on signup, a decimal string. */
  setupFee?: string;
  /** The price point of the row that creates its product: it becomes that product's default. */
  isDefault: boolean;
}

export type ProductOperation =
  | (Operation<ProductFields> & { kind: 'product' })
  | (Operation<ProductPricePointFields> & { kind: 'product_price_point' });

/** The template column each amount came from, so an adapter that refuses one for the site's currency names it. */
export const PRODUCT_AMOUNT_COLUMNS = { price: 'price', trialPrice: 'trial_price', setupFee: 'setup_fee_price' } as const;

/** Columns of the product itself; the rest of a row describes its price point. */
const PRODUCT_COLUMNS = new Set(['product_name', 'description', 'product_family_id', 'taxable', 'tax_code', 'require_payment_method', 'require_billing_address', 'require_shipping_address', 'auto_create_signup_page', 'handle']);

export function productOperations(row: SourceRow): ProductOperation[] {
  const handle = cell(row, 'handle');
  let product: ReturnType<typeof productParts> | undefined;
  if (cell(row, 'product_name') !== undefined) {
    if (handle === undefined) throw new RowError(row, 'handle', 'handle is required to create a product');
    product = productParts(row, handle);
  }
  const pricePointHandle = cell(row, 'price_point_handle');
  let pricePoint: { parent: string; handle: string; name: string } | undefined;
  if (pricePointHandle !== undefined) {
    const parent = cell(row, 'attach_to') ?? handle;
    if (parent === undefined) throw new RowError(row, 'attach_to', 'attach_to must name the product (handle or ID) this price point belongs to');
    pricePoint = { parent, handle: pricePointHandle, name: requiredCell(row, 'price_point_name') };
  }
  if (product === undefined && pricePoint === undefined) return [];
  // Read after the columns above so a row with several problems reports the same one first as before.
  const pricing = productPricing(row);
  const operations: ProductOperation[] = [];
  if (product !== undefined) {
    operations.push({
      kind: 'product',
      key: product.handle,
      dependsOn: refsOf([product.family]),
      fields: { ...product, ...pricing },
      source: row,
      applied: appliedCells(row, (column) => PRODUCT_COLUMNS.has(column)),
    });
  }
  if (pricePoint !== undefined) {
    const { parent, name } = pricePoint;
    const parentRef = idOrRef('product', parent);
    const setupFee = money(row, PRODUCT_AMOUNT_COLUMNS.setupFee)?.toString();
    operations.push({
      kind: 'product_price_point',
      key: childKey(parent, pricePoint.handle),
      dependsOn: refsOf([parentRef]),
      // The price point on the row that creates the product is that product's default.
      fields: { name, handle: pricePoint.handle, product: parentRef, ...pricing, setupFee, isDefault: product !== undefined && parent === product.handle },
      source: row,
      applied: appliedCells(row, (column) => column === 'handle' || !PRODUCT_COLUMNS.has(column)),
    });
  }
  return operations;
}

function productParts(row: SourceRow, handle: string) {
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  const name = requiredCell(row, 'product_name');
  // taxable, require_billing_address and require_shipping_address are not mapped: no request schema has
  // them; the templates declare them not importable and the run says what to set by hand.
  return {
    name,
    handle,
    family,
    description: cell(row, 'description'),
    taxCode: cell(row, 'tax_code'),
    requirePaymentMethod: flag(row, 'require_payment_method'),
    autoCreateSignupPage: flag(row, 'auto_create_signup_page'),
  };
}

function productPricing(row: SourceRow): ProductPricing {
  const price = money(row, PRODUCT_AMOUNT_COLUMNS.price);
  if (price === undefined) throw new RowError(row, 'price', 'price is required to import a product or price point');
  return {
    price: price.toString(),
    interval: integer(row, 'renew_every'),
    intervalUnit: intervalUnit(row, 'month_or_day'),
    trialPrice: money(row, PRODUCT_AMOUNT_COLUMNS.trialPrice)?.toString(),
    trialInterval: integer(row, 'trial_interval'),
    trialIntervalUnit: intervalUnit(row, 'trial_month_or_day'),
    trialType: cell(row, 'trial_type'),
    expirationInterval: integer(row, 'expiration_interval'),
    expirationIntervalUnit: intervalUnit(row, 'expiration_month_or_day'),
  };
}
