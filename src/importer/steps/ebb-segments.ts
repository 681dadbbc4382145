// Catalog - EBB Segments rows → segments on an event-based component's price point, keyed by the
// component, price point and the segment's property values (what makes a segment unique). The row's
// metric_id is not sent (the segment has no such field): it must be the component's own metric, so a
// segment is refused before it is created when the component on the site bills another metric.
import { wirePrices } from '../../targets/advanced-billing/operations/prices.js';
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, Resolver, SourceRow } from '../types.js';
import { cell, priceBrackets, pricingScheme, requiredCell } from '../../plan/map/cells.js';
import { childKey, findOnSite, firstMatch, idOrRef, refsOf, resolveId, type IdOrRef } from './refs.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, objectId } from './step.js';

const PROPERTIES = [1, 2, 3, 4] as const;

function metricIdOf(row: SourceRow): number {
  const value = requiredCell(row, 'metric_id');
  if (!/^\d+$/.test(value)) throw new RowError(row, 'metric_id', `metric_id must be the numeric ID of the component's event-based billing metric, got "${value}"`);
  return Number(value);
}

/** Refuses the row when the component on the site is not event-based or bills another metric. */
async function checkMetric(target: Target, resolver: Resolver, row: SourceRow, component: IdOrRef, componentId: number, named: string, metric: number): Promise<void> {
  // By handle: one lookup (cached by the resolver); a site id has no lookup of its own but the list.
  const site =
    'ref' in component
      ? ((await resolver.object?.(component.ref)) ?? (await findOnSite(target, component.ref)))
      : await firstMatch(target.listComponents(), (candidate) => candidate.id === componentId);
  const own = site?.event_based_billing_metric_id;
  if (site === undefined || own === metric) return;
  if (typeof own !== 'number') throw new RowError(row, 'component_handle', `component ${named} is not an event-based component on the site: segments need one`);
  throw new RowError(row, 'metric_id', `metric_id ${metric} is not the metric of event-based component ${named} (its metric_id is ${own})`, "Use the component's metric_id, or name the component that bills this metric.");
}

export function segmentSteps(row: SourceRow): ImportStep[] {
  if (cell(row, 'component_name') === undefined) return [];
  const componentCell = requiredCell(row, 'component_handle');
  const pricePointHandle = requiredCell(row, 'pricepoint_handle');
  const component = idOrRef('component', componentCell);
  const metric = metricIdOf(row);
  const pricePoint: IdOrRef = /^\d+$/.test(pricePointHandle)
    ? { id: Number(pricePointHandle) }
    : { ref: { type: 'component_price_point', key: childKey(componentCell, pricePointHandle) } };
  const properties = PROPERTIES.map((n) => cell(row, `property_${n}`));
  if (properties[0] === undefined) throw new RowError(row, 'property_1', 'property_1 is required: it is the value events are matched on');
  const scheme = pricingScheme(row, 'pricing_scheme');
  if (scheme === undefined) throw new RowError(row, 'pricing_scheme', 'pricing_scheme is required (per_unit, volume, tiered or stairstep)');
  const attrs: JsonObject = { pricing_scheme: scheme, prices: wirePrices(priceBrackets(row, scheme, 'per_unit_price')) };
  PROPERTIES.forEach((n, i) => {
    const value = properties[i];
    if (value !== undefined) attrs[`segment_property_${n}_value`] = value;
  });
  const matches = (segment: JsonObject) => PROPERTIES.every((n, i) => (segment[`segment_property_${n}_value`] ?? undefined)?.toString() === properties[i]);
  const applied = appliedCells(row);
  const outcome = (segment: JsonObject, componentId: number, target: Target) => ({
    id: objectId(segment),
    link: linkTo(target, { type: 'component', id: componentId }),
    applied,
  });
  return [
    defineStep({
      type: 'segment',
      key: childKey(componentCell, pricePointHandle, ...properties.map((value) => value ?? '')),
      source: row,
      dependsOn: refsOf([component, pricePoint]),
      async create(target, resolver, intent) {
        const componentId = await resolveId(component, resolver);
        await checkMetric(target, resolver, row, component, componentId, componentCell, metric);
        const pricePointId = await resolveId(pricePoint, resolver);
        const lookup = () => firstMatch(target.listSegments(componentId, pricePointId), matches);
        const segment = await target.createSegment(componentId, pricePointId, attrs, intent(lookup));
        return outcome(segment, componentId, target);
      },
      async find(target) {
        const componentObject = 'id' in component ? { id: component.id } : await findOnSite(target, component.ref);
        const pricePointObject = 'id' in pricePoint ? { id: pricePoint.id } : await findOnSite(target, pricePoint.ref);
        if (!componentObject || !pricePointObject) return undefined;
        const [componentId, pricePointId] = [objectId(componentObject), objectId(pricePointObject)];
        const segment = await firstMatch(target.listSegments(componentId, pricePointId), matches);
        return segment ? outcome(segment, componentId, target) : undefined;
      },
    }),
  ];
}
