// Where each template kind's columns go on ChartMogul: one table per kind, keyed by column (or custom
// field pattern), which `migrate templates KIND --system chartmogul` prints; a column ChartMogul has no
// place for says what that means, and the import reports it once per run where it holds data.
import type { TemplateKind } from '../../../templates/index.js';
import type { MappingTable } from '../../column-mapping.js';
import { componentsMapping } from './components.js';
import { couponsMapping } from './coupons.js';
import { customersAdvancedMapping } from './customers-advanced.js';
import { ebbSegmentsMapping } from './ebb-segments.js';
import { invoicesMapping } from './invoices.js';
import { productFamiliesMapping } from './product-families.js';
import { productsMapping } from './products.js';
import { advancedMapping } from './subscriptions-advanced.js';
import { standardMapping } from './subscriptions-standard.js';

/** Keyed by every kind, so a template kind added without its ChartMogul table does not compile. */
const TABLES: Readonly<Record<TemplateKind, MappingTable>> = {
  // What ChartMogul takes: customers, plans, the subscriptions' opening invoices, invoices.
  'customers-advanced': customersAdvancedMapping,
  products: productsMapping,
  'subscriptions-standard': standardMapping(false),
  'subscriptions-standard-custom-pricing': standardMapping(true),
  'subscriptions-advanced': advancedMapping(false),
  'subscriptions-advanced-custom-pricing': advancedMapping(true),
  invoices: invoicesMapping,
  // Only their pricing matters: it prices the subscriptions' opening invoices.
  components: componentsMapping,
  coupons: couponsMapping,
  // Nothing of them reaches ChartMogul.
  'product-families': productFamiliesMapping,
  'ebb-segments': ebbSegmentsMapping,
};

/** The kind's table; empty for a kind without one. */
export function chartMogulColumnMapping(kind: string): MappingTable {
  return TABLES[kind as TemplateKind] ?? {};
}
