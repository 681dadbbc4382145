// Where each template kind's columns go in Advanced Billing: one table per kind, keyed by column (or
// custom field pattern), which `migrate templates KIND` prints and the fidelity test checks on a site.
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

const TABLES: Readonly<Record<string, MappingTable>> = {
  'subscriptions-standard': standardMapping(false),
  'subscriptions-standard-custom-pricing': standardMapping(true),
  'customers-advanced': customersAdvancedMapping,
  'subscriptions-advanced': advancedMapping(false),
  'subscriptions-advanced-custom-pricing': advancedMapping(true),
  products: productsMapping,
  components: componentsMapping,
  coupons: couponsMapping,
  'ebb-segments': ebbSegmentsMapping,
  'product-families': productFamiliesMapping,
  invoices: invoicesMapping,
};

/** The kind's table; empty for a kind the adapter has none for. */
export function columnMapping(kind: string): MappingTable {
  return TABLES[kind] ?? {};
}
