// The registry of template kinds: one definition per kind, looked up by its id.
import { components } from './components.js';
import { coupons } from './coupons.js';
import { customersAdvanced } from './customers-advanced.js';
import { ebbSegments } from './ebb-segments.js';
import { invoices } from './invoices.js';
import { productFamilies } from './product-families.js';
import { products } from './products.js';
import { subscriptionsAdvancedCustomPricing } from './subscriptions-advanced-custom-pricing.js';
import { subscriptionsAdvanced } from './subscriptions-advanced.js';
import { subscriptionsStandardCustomPricing } from './subscriptions-standard-custom-pricing.js';
import { subscriptionsStandard } from './subscriptions-standard.js';
import { TEMPLATE_KINDS, type TemplateDefinition, type TemplateKind } from './types.js';

export { TEMPLATE_KINDS };
export type { TemplateDefinition, TemplateKind };

const DEFINITIONS: Record<TemplateKind, TemplateDefinition> = {
  'subscriptions-standard': subscriptionsStandard,
  'subscriptions-standard-custom-pricing': subscriptionsStandardCustomPricing,
  'customers-advanced': customersAdvanced,
  'subscriptions-advanced': subscriptionsAdvanced,
  'subscriptions-advanced-custom-pricing': subscriptionsAdvancedCustomPricing,
  products,
  components,
  coupons,
  'ebb-segments': ebbSegments,
  'product-families': productFamilies,
  invoices,
};

export function isTemplateKind(value: string): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** The definition of a kind; throws for an unknown id (callers validate user input with isTemplateKind). */
export function getTemplate(kind: TemplateKind | string): TemplateDefinition {
  if (!isTemplateKind(kind)) throw new Error(`unknown template kind "${kind}"`);
  return DEFINITIONS[kind];
}

/** All definitions, in the order of TEMPLATE_KINDS. */
export function listTemplates(): TemplateDefinition[] {
  return TEMPLATE_KINDS.map((kind) => DEFINITIONS[kind]);
}
