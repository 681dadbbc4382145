// component operations → Create Component of its kind in its family, priced on creation (the site makes
// that price the component's own default price point); found again by handle.
import { rememberComponentKind } from './subscription-items.js';
import { COMPONENT_DEFAULT, rememberDefault } from './default-price-point.js';
import type { ComponentFields, ComponentType } from '../../../plan/map/components.js';
import { compact } from './compact.js';
import { resolveId } from './lookup.js';
import type { ComponentKind, JsonObject } from '../api.js';
import { wireComponentPricing } from './component-pricing.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';
import { wirePrices } from './prices.js';

/** The API's component kind (its create endpoint and root key) for each type. */
const COMPONENT_KINDS: Record<ComponentType, ComponentKind> = {
  quantity: 'quantity_based',
  metered: 'metered',
  on_off: 'on_off',
  event_based: 'event_based',
  prepaid_usage: 'prepaid_usage',
};

export const componentHandler: OperationHandler<ComponentFields> = {
  async create(api, operation, resolver, intent) {
    const { fields } = operation;
    const familyId = await resolveId(fields.family, resolver);
    const component = await api.createComponent(familyId, COMPONENT_KINDS[fields.componentType], componentAttributes(fields), intent(() => api.findComponentByHandle(fields.handle)));
    rememberDefault(api, COMPONENT_DEFAULT, component);
    rememberComponentKind(api, component);
    return outcomeOf(api, component, operation.applied, { type: 'component' });
  },
  async find(api, operation) {
    const component = await api.findComponentByHandle(operation.fields.handle);
    return component ? outcomeOf(api, component, operation.applied, { type: 'component' }) : undefined;
  },
};

function componentAttributes(fields: ComponentFields): JsonObject {
  const base = compact({
    name: fields.name,
    handle: fields.handle,
    description: fields.description,
    unit_name: fields.unitName,
    taxable: fields.taxable,
    tax_code: fields.taxCode,
    allow_fractional_quantities: fields.allowFractionalQuantities,
    hide_date_range_on_invoice: fields.hideDateRangeOnInvoice,
    recurring: fields.recurring,
    upgrade_charge: fields.upgradeCharge,
    downgrade_credit: fields.downgradeCredit,
    event_based_billing_metric_id: fields.metricId,
  });
  // The On/Off component schema has no pricing_scheme: its price is the one-bracket `prices`.
  if (fields.componentType === 'on_off') return { ...base, prices: wirePrices(fields.prices) };
  return { ...base, ...wireComponentPricing(fields) };
}
