// Catalog - Components rows → a component of the row's type (when the row names one) and the row's
// price point, attached to the component named by `attach_to` (or the row's own handle). Unit prices
// stay decimal strings in neutral brackets; blank cells leave a field undefined (absent once printed).
import type { FieldValue, Operation, SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { appliedCells, cell, flag, integer, intervalUnit, priceBrackets, pricingScheme, requiredCell, type IntervalUnit, type PriceBracketFields, type PricingScheme } from './cells.js';
import { childKey, idOrRef, refsOf, type IdOrRef } from './refs.js';

/** How a component is billed: by a quantity, by recorded usage, on or off, by events, or by prepaid units. */
export type ComponentType = 'quantity' | 'metered' | 'on_off' | 'event_based' | 'prepaid_usage';

/** The template's component_type values; a quantity component is recurring or one-time. */
const COMPONENT_TYPES: Record<string, { componentType: ComponentType; recurring?: boolean }> = {
  quantity_recurring: { componentType: 'quantity', recurring: true },
  quantity_onetime: { componentType: 'quantity', recurring: false },
  metered: { componentType: 'metered' },
  on_off: { componentType: 'on_off' },
  event_based: { componentType: 'event_based' },
  prepaid_usage: { componentType: 'prepaid_usage' },
};

export interface ComponentPrice {
  [name: string]: FieldValue;
  pricingScheme: PricingScheme;
  prices: PriceBracketFields[];
}

/** Prepaid usage settings: overage pricing, auto-renew, rollover and expiry. */
export interface PrepaidSettings {
  [name: string]: FieldValue;
  overage: ComponentPrice;
  autoRenew?: boolean;
  rollover?: boolean;
  expirationInterval?: number;
  expirationIntervalUnit?: IntervalUnit;
}

/** A price point's price, plus the prepaid settings of a prepaid usage component's price points. */
export interface ComponentPricing extends ComponentPrice {
  prepaid?: PrepaidSettings;
}

export interface ComponentFields extends ComponentPricing {
  name: string;
  handle: string;
  family: IdOrRef;
  componentType: ComponentType;
  /** Quantity components only: billed every period, or once. */
  recurring?: boolean;
  description?: string;
  unitName?: string;
  taxable?: boolean;
  taxCode?: string;
  allowFractionalQuantities?: boolean;
  hideDateRangeOnInvoice?: boolean;
  upgradeCharge?: string;
  downgradeCredit?: string;
  /** Event-based components: the site's ID of the billing metric they bill. */
  metricId?: number;
}

export interface ComponentPricePointFields extends ComponentPricing {
  name: string;
  handle: string;
  component: IdOrRef;
  /** The price point of the row that creates its component: it becomes that component's default. */
  isDefault: boolean;
}

export type ComponentOperation =
  | (Operation<ComponentFields> & { kind: 'component' })
  | (Operation<ComponentPricePointFields> & { kind: 'component_price_point' });

/** Columns of the component itself; the rest of a row describes its price point. */
const COMPONENT_COLUMNS = new Set(['component_name', 'component_type', 'description', 'unit_name', 'product_family_id', 'metric_id', 'taxable', 'tax_code', 'allow_fractional_quantities', 'hide_date_range_on_invoice', 'allow_billing_portal_updates', 'upgrade_charge', 'downgrade_credit', 'handle']);

export function componentOperations(row: SourceRow): ComponentOperation[] {
  const operations: ComponentOperation[] = [];
  const handle = cell(row, 'handle');
  const type = componentType(row);
  const createsComponent = cell(row, 'component_name') !== undefined;
  if (createsComponent) {
    if (handle === undefined) throw new RowError(row, 'handle', 'handle is required to create a component');
    if (type === undefined) throw new RowError(row, 'component_type', `component_type is required to create a component (one of ${Object.keys(COMPONENT_TYPES).join(', ')})`);
    operations.push(componentOperation(row, handle, type));
  }
  const pricePointHandle = cell(row, 'price_point_handle');
  if (pricePointHandle !== undefined) {
    const parent = cell(row, 'attach_to') ?? handle;
    if (parent === undefined) throw new RowError(row, 'attach_to', 'attach_to must name the component (handle or ID) this price point belongs to');
    const component = idOrRef('component', parent);
    const name = requiredCell(row, 'price_point_name');
    operations.push({
      kind: 'component_price_point',
      key: childKey(parent, pricePointHandle),
      dependsOn: refsOf([component]),
      // The price point on the row that creates the component is that component's default.
      fields: { name, handle: pricePointHandle, component, ...componentPricing(row, type?.componentType), isDefault: createsComponent && parent === handle },
      source: row,
      applied: appliedCells(row, (column) => column === 'handle' || column === 'component_type' || !COMPONENT_COLUMNS.has(column)),
    });
  }
  return operations;
}

function componentType(row: SourceRow): (typeof COMPONENT_TYPES)[string] | undefined {
  const value = cell(row, 'component_type');
  if (value === undefined) return undefined;
  const type = COMPONENT_TYPES[value];
  if (!type) throw new RowError(row, 'component_type', `component_type must be one of ${Object.keys(COMPONENT_TYPES).join(', ')}, got "${value}"`);
  return type;
}

function componentOperation(row: SourceRow, handle: string, { componentType, recurring }: (typeof COMPONENT_TYPES)[string]): ComponentOperation {
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  // Read in the order the columns were always checked, so a row with several problems reports the same one first.
  const fields: ComponentFields = {
    name: requiredCell(row, 'component_name'),
    handle,
    family,
    componentType,
    description: cell(row, 'description'),
    unitName: componentType === 'on_off' ? undefined : requiredCell(row, 'unit_name'),
    taxable: flag(row, 'taxable'),
    taxCode: cell(row, 'tax_code'),
    // Event-based components have no such setting (the template declares it not importable there).
    allowFractionalQuantities: componentType === 'event_based' ? undefined : flag(row, 'allow_fractional_quantities'),
    hideDateRangeOnInvoice: flag(row, 'hide_date_range_on_invoice'),
    recurring,
    upgradeCharge: cell(row, 'upgrade_charge'),
    downgradeCredit: cell(row, 'downgrade_credit'),
    metricId: componentType === 'event_based' ? metricId(row) : undefined,
    ...componentPricing(row, componentType),
  };
  return {
    kind: 'component',
    key: handle,
    dependsOn: refsOf([family]),
    fields,
    source: row,
    applied: appliedCells(row, (column) => COMPONENT_COLUMNS.has(column)),
  };
}

/**
 * The row's price: an on/off price point leaves pricing_scheme blank and is priced per unit. A row that
 * only attaches a price point does not say its component's type: its prepaid settings are read when it
 * gives an overage pricing scheme (a component of another kind ignores them; the run reports them).
 */
function componentPricing(row: SourceRow, type: ComponentType | undefined): ComponentPricing {
  const scheme = pricingScheme(row, 'pricing_scheme') ?? (type === 'on_off' ? 'per_unit' : undefined);
  if (scheme === undefined) throw new RowError(row, 'pricing_scheme', 'pricing_scheme is required (per_unit, volume, tiered or stairstep)');
  const prices = priceBrackets(row, scheme, 'per_unit_price');
  const prepaid = type === 'prepaid_usage' || (type === undefined && cell(row, 'overage_pricing_scheme') !== undefined);
  return { pricingScheme: scheme, prices, ...(prepaid ? { prepaid: prepaidSettings(row) } : {}) };
}

function prepaidSettings(row: SourceRow): PrepaidSettings {
  const overageScheme = pricingScheme(row, 'overage_pricing_scheme');
  if (overageScheme === undefined) throw new RowError(row, 'overage_pricing_scheme', 'overage_pricing_scheme is required for a prepaid_usage component');
  return {
    overage: { pricingScheme: overageScheme, prices: priceBrackets(row, overageScheme, 'overage_per_unit_price', 'overage_') },
    autoRenew: flag(row, 'auto_renew_units'),
    rollover: flag(row, 'allow_rollover'),
    expirationInterval: integer(row, 'expire_after'),
    expirationIntervalUnit: intervalUnit(row, 'month_or_day'),
  };
}

function metricId(row: SourceRow): number {
  const value = requiredCell(row, 'metric_id');
  if (!/^\d+$/.test(value)) {
    throw new RowError(row, 'metric_id', `metric_id must be the numeric ID of an event-based billing metric on the site, got "${value}"`, 'Metrics are not imported from templates, so they cannot be named by handle; copy the ID from the metric page.');
  }
  return Number(value);
}
