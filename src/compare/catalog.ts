// Catalog facts for pricing and explanations: products with their price points, components with
// their pricing, and coupons, read from the catalog templates (products, components, coupons).
import { openInput } from '../workbook/sources.js';
import { cell, groupIndices } from '../plan/map/cells.js';
import type { SourceRow } from '../plan/operation.js';
import type { Decimal, PriceBracket, PricingScheme } from '../pricing/index.js';
import type { ComponentLine } from '../pricing/index.js';
import { detectTemplate } from '../templates/detect.js';
import { amountOf } from './subscription-facts.js';

export interface ProductFacts {
  handle: string;
  name: string;
  /** The first price point the template gives the product: what a subscription without one gets. */
  defaultPricePoint?: string;
  /** Price point handle → price. */
  pricePoints: Map<string, Decimal>;
}

export interface CatalogComponentPricing {
  scheme: PricingScheme;
  unitPrice?: Decimal;
  brackets?: PriceBracket[];
}

export interface ComponentFacts {
  handle: string;
  name: string;
  kind: ComponentLine['kind'];
  defaultPricePoint?: string;
  pricePoints: Map<string, CatalogComponentPricing>;
}

export interface CouponFacts {
  code: string;
  percentage?: Decimal;
  amount?: Decimal;
  stackable: boolean;
}

export interface CatalogFacts {
  products: Map<string, ProductFacts>;
  components: Map<string, ComponentFacts>;
  coupons: Map<string, CouponFacts>;
}

const CATALOG_KINDS = new Set(['products', 'components', 'coupons']);

const COMPONENT_KINDS: Record<string, ComponentLine['kind']> = {
  quantity_recurring: 'quantity_based',
  quantity_onetime: 'quantity_based',
  metered: 'metered',
  on_off: 'on_off',
  event_based: 'event_based',
  prepaid_usage: 'prepaid_usage',
};

export function emptyCatalog(): CatalogFacts {
  return { products: new Map(), components: new Map(), coupons: new Map() };
}

export function isCatalogEmpty(catalog: CatalogFacts): boolean {
  return catalog.products.size === 0 && catalog.components.size === 0 && catalog.coupons.size === 0;
}

/**
 * Reads the catalog templates among `paths` (other kinds are ignored). Rows that validation would
 * reject (an unreadable price) are left out: pricing then says the catalog does not know the item.
 */
export async function readCatalog(paths: readonly string[]): Promise<CatalogFacts> {
  const catalog = emptyCatalog();
  for (const path of paths) for (const source of (await openInput(path)).sources) {
    const kind = source.kind ?? detectTemplate(source.header, path).kind;
    if (!CATALOG_KINDS.has(kind)) continue;
    for await (const record of source.records) {
      const values: Record<string, string> = {};
      source.header.forEach((name, index) => (values[name] = record.cells[index] ?? ''));
      addCatalogRow(catalog, { file: path, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), kind, row: record.row, line: record.line, key: '', values });
    }
  }
  return catalog;
}

/** The catalog of rows already read (an import's validated rows): the catalog kinds' rows count, others are ignored. */
export function catalogOfRows(rows: Iterable<SourceRow>): CatalogFacts {
  const catalog = emptyCatalog();
  for (const row of rows) if (CATALOG_KINDS.has(row.kind)) addCatalogRow(catalog, row);
  return catalog;
}

function addCatalogRow(catalog: CatalogFacts, row: SourceRow): void {
  if (row.kind === 'products') addProductRow(catalog, row);
  else if (row.kind === 'components') addComponentRow(catalog, row);
  else addCouponRow(catalog, row);
}

function addProductRow(catalog: CatalogFacts, row: SourceRow): void {
  const handle = cell(row, 'handle');
  const name = cell(row, 'product_name');
  if (handle !== undefined && name !== undefined && !catalog.products.has(handle)) {
    catalog.products.set(handle, { handle, name, pricePoints: new Map() });
  }
  const parent = catalog.products.get(cell(row, 'attach_to') ?? handle ?? '');
  const pricePoint = cell(row, 'price_point_handle');
  const price = amountOf(row, 'price');
  if (parent === undefined || pricePoint === undefined || price === undefined) return;
  parent.pricePoints.set(pricePoint, price);
  parent.defaultPricePoint ??= pricePoint;
}

function addComponentRow(catalog: CatalogFacts, row: SourceRow): void {
  const handle = cell(row, 'handle');
  const name = cell(row, 'component_name');
  const kind = COMPONENT_KINDS[cell(row, 'component_type') ?? ''];
  if (handle !== undefined && name !== undefined && kind !== undefined && !catalog.components.has(handle)) {
    catalog.components.set(handle, { handle, name, kind, pricePoints: new Map() });
  }
  const parent = catalog.components.get(cell(row, 'attach_to') ?? handle ?? '');
  const pricePoint = cell(row, 'price_point_handle');
  if (parent === undefined || pricePoint === undefined) return;
  const pricing = componentPricing(row, parent.kind);
  if (pricing === undefined) return;
  parent.pricePoints.set(pricePoint, pricing);
  parent.defaultPricePoint ??= pricePoint;
}

function componentPricing(row: SourceRow, kind: ComponentLine['kind']): CatalogComponentPricing | undefined {
  const written = cell(row, 'pricing_scheme') as PricingScheme | undefined;
  // The source document: an on/off price point leaves pricing_scheme blank and is priced per unit.
  const scheme: PricingScheme = kind === 'on_off' ? 'per_unit' : written ?? 'per_unit';
  if (scheme === 'per_unit') {
    const unitPrice = amountOf(row, 'per_unit_price');
    return unitPrice === undefined ? undefined : { scheme, unitPrice };
  }
  const brackets: PriceBracket[] = [];
  for (const n of groupIndices(row, 'price_')) {
    const unitPrice = amountOf(row, `price_${n}`);
    const start = amountOf(row, `starting_quantity_${n}`);
    if (unitPrice === undefined || start === undefined) continue;
    brackets.push({ startingQuantity: start, endingQuantity: amountOf(row, `ending_quantity_${n}`) ?? null, unitPrice });
  }
  return brackets.length === 0 ? undefined : { scheme, brackets };
}

function addCouponRow(catalog: CatalogFacts, row: SourceRow): void {
  const code = cell(row, 'code');
  if (code === undefined) return;
  const percentage = amountOf(row, 'percentage_discount');
  const amount = amountOf(row, 'flat_discount');
  if ((percentage === undefined) === (amount === undefined)) return;
  catalog.coupons.set(code, {
    code,
    stackable: cell(row, 'stackable')?.toUpperCase() === 'TRUE',
    ...(percentage !== undefined ? { percentage } : { amount: amount! }),
  });
}
