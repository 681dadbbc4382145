// Where the components template's columns go in Advanced Billing (`migrate templates components` prints it).
import { BOOLEAN, bracketMapping, sent, statusMapping, to, toMany, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

/** The spec's create operation of each component kind, its wire root, and the component_type values it makes. */
const COMPONENT_CREATES = [
  { operation: 'Create Quantity Based Component', root: 'quantity_based_component', types: ['quantity_recurring', 'quantity_onetime'] },
  { operation: 'Create Metered Component', root: 'metered_component', types: ['metered'] },
  { operation: 'Create On/Off Component', root: 'on_off_component', types: ['on_off'] },
  { operation: 'Create Prepaid Usage Component', root: 'prepaid_usage_component', types: ['prepaid_usage'] },
  { operation: 'Create Event Based Component', root: 'event_based_component', types: ['event_based'] },
];
type Which = { only?: readonly string[]; except?: readonly string[] };
/** The creates of the component types a field goes to (`only` those, or all but `except`). */
const createsFor = ({ only, except = [] }: Which = {}) =>
  COMPONENT_CREATES.filter(({ types }) => types.some((type) => (only ?? types).includes(type) && !except.includes(type)));
/** The field in each of those creates, sent when the row's component_type is that create's. */
const created = (field: string, which: Which = {}) =>
  createsFor(which).map(({ operation, root, types }) => sent(operation, `${root}.${field}`, `component_type ${types.join(' or ')}`));
const createdTo = (field: string, note?: string, which?: Which) => toMany(created(field, which), note);
const PRICE_POINT = 'Create Component Price Point';
/**
 * Pricing goes to both: the component's own (its first price point) and the row's named price point.
 * The On/Off create has no pricing_scheme: its price is the one-bracket `prices`.
 */
const priced = (field: string, note?: string, except: readonly string[] = []) =>
  toMany([...created(field, { except }), sent(PRICE_POINT, `price_point.${field}`)], note);
const PREPAID = 'component_type prepaid_usage';
const prepaidSetting = (field: string) => toMany([...created(field, { only: ['prepaid_usage'] }), sent(PRICE_POINT, `price_point.${field}`, PREPAID)]);
/** The bracket columns at `path`: in the creates that take brackets (all but On/Off, priced per unit) and in the price point. */
const brackets = (path: string, prefix = '', which: Which = { except: ['on_off'] }) => {
  const roots = new Map(createsFor(which).map(({ operation, root }) => [operation, root]));
  return bracketMapping([...roots.keys(), PRICE_POINT], (operation) => `${roots.get(operation) ?? 'price_point'}.${path}`, prefix);
};

export const componentsMapping: MappingTable = {
  ...statusMapping,
  component_name: createdTo('name', 'a value makes the row a component'),
  component_type: toolkit('chooses the create operation (the component_type each field below names): quantity_recurring / quantity_onetime → Create Quantity Based Component (quantity_based_component.recurring true / false)'),
  description: createdTo('description'),
  unit_name: createdTo('unit_name', 'not sent for on_off (its schema has no unit name)', { except: ['on_off'] }),
  product_family_id: toolkit('reference: the family (ID or handle) resolved to its id, the path {product_family_id} of the create'),
  metric_id: createdTo('event_based_billing_metric_id', undefined, { only: ['event_based'] }),
  taxable: createdTo('taxable', BOOLEAN),
  tax_code: createdTo('tax_code'),
  allow_fractional_quantities: createdTo('allow_fractional_quantities', `${BOOLEAN}; not for event_based (declared not importable there)`, { except: ['event_based'] }),
  hide_date_range_on_invoice: createdTo('hide_date_range_on_invoice', BOOLEAN),
  upgrade_charge: createdTo('upgrade_charge'),
  downgrade_credit: createdTo('downgrade_credit'),
  handle: createdTo('handle'),
  attach_to: toolkit('reference: the component (handle or ID) the price point is created on, the path {component_id} of Create Component Price Point'),
  price_point_name: to(PRICE_POINT, 'price_point.name'),
  price_point_handle: to(PRICE_POINT, 'price_point.handle'),
  pricing_scheme: priced('pricing_scheme', 'blank for on/off: per_unit (On/Off component: prices only)', ['on_off']),
  per_unit_price: priced('prices[0].unit_price', 'per_unit: one bracket from 1'),
  ...brackets('prices'),
  auto_renew_units: prepaidSetting('renew_prepaid_allocation'),
  allow_rollover: prepaidSetting('rollover_prepaid_remainder'),
  expire_after: prepaidSetting('expiration_interval'),
  month_or_day: prepaidSetting('expiration_interval_unit'),
  overage_pricing_scheme: prepaidSetting('overage_pricing.pricing_scheme'),
  overage_per_unit_price: prepaidSetting('overage_pricing.prices[0].unit_price'),
  ...brackets('overage_pricing.prices', 'overage_', { only: ['prepaid_usage'] }),
};
