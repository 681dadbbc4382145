// Catalog - Components rows → a component of the row's type (when the row names one) and the row's
// price point, attached to the component named by `attach_to` (or the row's own handle). The site
// requires pricing on creation and makes it the component's own default price point; the component
// row's price point is promoted to default in its place and the site's own archived (as for products),
// so the component has no duplicate price point.
import { wirePrices } from '../../targets/advanced-billing/operations/prices.js';
import type { ComponentKind, JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, compact, flag, integer, intervalUnit, priceBrackets, pricingScheme, requiredCell, type PricingScheme } from '../../plan/map/cells.js';
import { makeComponentDefault } from './default-price-point.js';
import { childKey, findOnSite, firstMatch, idOrRef, refsOf, resolveId, type IdOrRef } from './refs.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, objectId } from './step.js';

const COMPONENT_TYPES: Record<string, { kind: ComponentKind; recurring?: boolean }> = {
  quantity_recurring: { kind: 'quantity_based', recurring: true },
  quantity_onetime: { kind: 'quantity_based', recurring: false },
  metered: { kind: 'metered' },
  on_off: { kind: 'on_off' },
  event_based: { kind: 'event_based' },
  prepaid_usage: { kind: 'prepaid_usage' },
};

/** Columns of the component itself; the rest of a row describes its price point. */
const COMPONENT_COLUMNS = new Set(['component_name', 'component_type', 'description', 'unit_name', 'product_family_id', 'metric_id', 'taxable', 'tax_code', 'allow_fractional_quantities', 'hide_date_range_on_invoice', 'allow_billing_portal_updates', 'upgrade_charge', 'downgrade_credit', 'handle']);

export function componentSteps(row: SourceRow): ImportStep[] {
  const steps: ImportStep[] = [];
  const handle = cell(row, 'handle');
  const type = componentType(row);
  if (cell(row, 'component_name') !== undefined) {
    if (handle === undefined) throw new RowError(row, 'handle', 'handle is required to create a component');
    if (type === undefined) throw new RowError(row, 'component_type', `component_type is required to create a component (one of ${Object.keys(COMPONENT_TYPES).join(', ')})`);
    steps.push(componentStep(row, handle, type));
  }
  const pricePointHandle = cell(row, 'price_point_handle');
  if (pricePointHandle !== undefined) {
    const parent = cell(row, 'attach_to') ?? handle;
    if (parent === undefined) throw new RowError(row, 'attach_to', 'attach_to must name the component (handle or ID) this price point belongs to');
    // The price point on the row that creates the component is that component's default.
    const isDefault = handle !== undefined && cell(row, 'component_name') !== undefined && parent === handle;
    steps.push(pricePointStep(row, idOrRef('component', parent), parent, pricePointHandle, type?.kind, isDefault));
  }
  return steps;
}

function componentType(row: SourceRow): (typeof COMPONENT_TYPES)[string] | undefined {
  const value = cell(row, 'component_type');
  if (value === undefined) return undefined;
  const type = COMPONENT_TYPES[value];
  if (!type) throw new RowError(row, 'component_type', `component_type must be one of ${Object.keys(COMPONENT_TYPES).join(', ')}, got "${value}"`);
  return type;
}

/** The row's price: an on/off price point leaves pricing_scheme blank and is priced per unit. */
function rowPricing(row: SourceRow, kind: ComponentKind | undefined): { pricing_scheme: PricingScheme; prices: JsonObject[] } {
  const scheme = pricingScheme(row, 'pricing_scheme') ?? (kind === 'on_off' ? 'per_unit' : undefined);
  if (scheme === undefined) throw new RowError(row, 'pricing_scheme', 'pricing_scheme is required (per_unit, volume, tiered or stairstep)');
  return { pricing_scheme: scheme, prices: wirePrices(priceBrackets(row, scheme, 'per_unit_price')) };
}

/** Prepaid usage settings: overage pricing, auto-renew, rollover and expiry. */
function prepaidSettings(row: SourceRow): JsonObject {
  const overageScheme = pricingScheme(row, 'overage_pricing_scheme');
  if (overageScheme === undefined) throw new RowError(row, 'overage_pricing_scheme', 'overage_pricing_scheme is required for a prepaid_usage component');
  return compact({
    overage_pricing: { pricing_scheme: overageScheme, prices: wirePrices(priceBrackets(row, overageScheme, 'overage_per_unit_price', 'overage_')) },
    renew_prepaid_allocation: flag(row, 'auto_renew_units'),
    rollover_prepaid_remainder: flag(row, 'allow_rollover'),
    expiration_interval: integer(row, 'expire_after'),
    expiration_interval_unit: intervalUnit(row, 'month_or_day'),
  });
}

function metricId(row: SourceRow): number {
  const value = requiredCell(row, 'metric_id');
  if (!/^\d+$/.test(value)) {
    throw new RowError(row, 'metric_id', `metric_id must be the numeric ID of an event-based billing metric on the site, got "${value}"`, 'Metrics are not imported from templates, so they cannot be named by handle; copy the ID from the metric page.');
  }
  return Number(value);
}

function componentStep(row: SourceRow, handle: string, type: (typeof COMPONENT_TYPES)[string]): ImportStep {
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  const { kind } = type;
  const base = compact({
    name: requiredCell(row, 'component_name'),
    handle,
    description: cell(row, 'description'),
    unit_name: kind === 'on_off' ? undefined : requiredCell(row, 'unit_name'),
    taxable: flag(row, 'taxable'),
    tax_code: cell(row, 'tax_code'),
    // The event-based create schema has no such field (the template declares it not importable there).
    allow_fractional_quantities: kind === 'event_based' ? undefined : flag(row, 'allow_fractional_quantities'),
    hide_date_range_on_invoice: flag(row, 'hide_date_range_on_invoice'),
    recurring: type.recurring,
    upgrade_charge: cell(row, 'upgrade_charge'),
    downgrade_credit: cell(row, 'downgrade_credit'),
    event_based_billing_metric_id: kind === 'event_based' ? metricId(row) : undefined,
  });
  const pricing = rowPricing(row, kind);
  // The On/Off component schema has no pricing_scheme: its price is the one-bracket `prices`.
  const attrs: JsonObject = {
    ...base,
    ...(kind === 'on_off' ? { prices: pricing.prices } : pricing),
    ...(kind === 'prepaid_usage' ? prepaidSettings(row) : {}),
  };
  const applied = appliedCells(row, (column) => COMPONENT_COLUMNS.has(column));
  const outcome = (component: JsonObject, target: Target) => ({
    id: objectId(component),
    link: linkTo(target, { type: 'component', id: objectId(component) }),
    applied,
  });
  return defineStep({
    type: 'component',
    key: handle,
    source: row,
    dependsOn: refsOf([family]),
    async create(target, resolver, intent) {
      const familyId = await resolveId(family, resolver);
      const component = await target.createComponent(familyId, kind, attrs, intent(() => target.findComponentByHandle(handle)));
      return outcome(component, target);
    },
    async find(target) {
      const component = await target.findComponentByHandle(handle);
      return component ? outcome(component, target) : undefined;
    },
  });
}

function pricePointStep(row: SourceRow, component: IdOrRef, parent: string, handle: string, kind: ComponentKind | undefined, isDefault: boolean): ImportStep {
  const attrs: JsonObject = {
    name: requiredCell(row, 'price_point_name'),
    handle,
    ...rowPricing(row, kind),
    ...(kind === 'prepaid_usage' ? prepaidSettings(row) : {}),
  };
  const applied = appliedCells(row, (column) => column === 'handle' || column === 'component_type' || !COMPONENT_COLUMNS.has(column));
  const lookup = (target: Target, componentId: number) => firstMatch(target.listComponentPricePoints(componentId), (pp) => pp.handle === handle);
  const outcome = (pricePoint: JsonObject, componentId: number, target: Target) => ({
    id: objectId(pricePoint),
    link: linkTo(target, { type: 'component', id: componentId }),
    applied,
  });
  return defineStep({
    type: 'component_price_point',
    key: childKey(parent, handle),
    source: row,
    dependsOn: refsOf([component]),
    async create(target, resolver, intent) {
      const componentId = await resolveId(component, resolver);
      const pricePoint = await target.createComponentPricePoint(componentId, attrs, intent(() => lookup(target, componentId)));
      return outcome(pricePoint, componentId, target);
    },
    async finish(target, resolver, { id }) {
      if (isDefault) await makeComponentDefault(target, parent, await resolveId(component, resolver), Number(id));
    },
    async find(target) {
      const componentObject = 'id' in component ? { id: component.id } : await findOnSite(target, component.ref);
      if (!componentObject) return undefined;
      const componentId = objectId(componentObject);
      const pricePoint = await lookup(target, componentId);
      return pricePoint ? outcome(pricePoint, componentId, target) : undefined;
    },
  });
}
