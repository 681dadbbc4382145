// Catalog - EBB Segments rows → segments on an event-based component's price point, keyed by the
// component, price point and the segment's property values (what makes a segment unique).
import type { JsonObject, Target } from '../../target/types.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, priceBrackets, pricingScheme, requiredCell } from './cells.js';
import { childKey, findOnSite, firstMatch, idOrRef, refsOf, resolveId, type IdOrRef } from './refs.js';
import { RowError } from './row-error.js';
import { linkTo } from './site.js';
import { appliedCells, defineStep, objectId } from './step.js';

const PROPERTIES = [1, 2, 3, 4] as const;

export function segmentSteps(row: SourceRow): ImportStep[] {
  if (cell(row, 'component_name') === undefined) return [];
  const componentCell = requiredCell(row, 'component_handle');
  const pricePointHandle = requiredCell(row, 'pricepoint_handle');
  const component = idOrRef('component', componentCell);
  const pricePoint: IdOrRef = /^\d+$/.test(pricePointHandle)
    ? { id: Number(pricePointHandle) }
    : { ref: { type: 'component_price_point', key: childKey(componentCell, pricePointHandle) } };
  const properties = PROPERTIES.map((n) => cell(row, `property_${n}`));
  if (properties[0] === undefined) throw new RowError(row, 'property_1', 'property_1 is required: it is the value events are matched on');
  const scheme = pricingScheme(row, 'pricing_scheme');
  if (scheme === undefined) throw new RowError(row, 'pricing_scheme', 'pricing_scheme is required (per_unit, volume, tiered or stairstep)');
  const attrs: JsonObject = { pricing_scheme: scheme, prices: priceBrackets(row, scheme, 'per_unit_price') };
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
