// Catalog - EBB Segments rows → segment operations on an event-based component's price point, keyed by
// the component, price point and the segment's property values (what makes a segment unique). The
// row's metric_id goes with them: the adapter refuses a segment whose component bills another metric.
import type { FieldValue, Operation, SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { appliedCells, cell, priceBrackets, pricingScheme, requiredCell, type PriceBracketFields, type PricingScheme } from './cells.js';
import { childKey, idOrRef, refsOf, type IdOrRef } from './refs.js';

const PROPERTIES = [1, 2, 3, 4] as const;

export interface SegmentFields {
  [name: string]: FieldValue;
  component: IdOrRef;
  pricePoint: IdOrRef;
  /** The site's ID of the billing metric the row says the component bills. */
  metricId: number;
  /** The values events are matched on, by position (property_1 … property_4); undefined where blank. */
  properties: Array<string | undefined>;
  pricingScheme: PricingScheme;
  prices: PriceBracketFields[];
}

/** The template columns an adapter names when the site refuses a segment's component or metric. */
export const SEGMENT_COLUMNS = { component: 'component_handle', metricId: 'metric_id' } as const;

export function segmentOperations(row: SourceRow): Array<Operation<SegmentFields>> {
  if (cell(row, 'component_name') === undefined) return [];
  const componentCell = requiredCell(row, SEGMENT_COLUMNS.component);
  const pricePointHandle = requiredCell(row, 'pricepoint_handle');
  const component = idOrRef('component', componentCell);
  const metricId = metricIdOf(row);
  const pricePoint: IdOrRef = /^\d+$/.test(pricePointHandle)
    ? { id: Number(pricePointHandle) }
    : { ref: { type: 'component_price_point', key: childKey(componentCell, pricePointHandle) } };
  const properties = PROPERTIES.map((n) => cell(row, `property_${n}`));
  if (properties[0] === undefined) throw new RowError(row, 'property_1', 'property_1 is required: it is the value events are matched on');
  const scheme = pricingScheme(row, 'pricing_scheme');
  if (scheme === undefined) throw new RowError(row, 'pricing_scheme', 'pricing_scheme is required (per_unit, volume, tiered or stairstep)');
  return [{
    kind: 'segment',
    key: childKey(componentCell, pricePointHandle, ...properties.map((value) => value ?? '')),
    dependsOn: refsOf([component, pricePoint]),
    fields: { component, pricePoint, metricId, properties, pricingScheme: scheme, prices: priceBrackets(row, scheme, 'per_unit_price') },
    source: row,
    applied: appliedCells(row),
  }];
}

function metricIdOf(row: SourceRow): number {
  const value = requiredCell(row, SEGMENT_COLUMNS.metricId);
  if (!/^\d+$/.test(value)) throw new RowError(row, SEGMENT_COLUMNS.metricId, `metric_id must be the numeric ID of the component's event-based billing metric, got "${value}"`);
  return Number(value);
}
