// segment operations → Create Segment on an event-based component's price point, the property values as
// `segment_property_N_value`; found again by those values among the price point's segments. The
// segment has no metric of its own, so one is refused before it is created when the component on the
// site bills another metric than the row's.
import { SEGMENT_COLUMNS, type SegmentFields } from '../../../plan/map/ebb-segments.js';
import { writtenAs } from '../../../plan/map/refs.js';
import { RowError } from '../../../plan/row-error.js';
import type { Operation } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import { findOnSite, firstMatch, resolveId } from './lookup.js';
import { objectId } from './ids.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';
import { wirePrices } from './prices.js';

type SegmentOperation = Operation<SegmentFields>;

export const segmentHandler: OperationHandler<SegmentFields> = {
  async create(api, operation, resolver, intent) {
    const { component, pricePoint } = operation.fields;
    const componentId = await resolveId(component, resolver);
    await checkMetric(api, resolver, operation, componentId);
    const pricePointId = await resolveId(pricePoint, resolver);
    const lookup = () => firstMatch(api.listSegments(componentId, pricePointId), (segment) => matches(operation, segment));
    const segment = await api.createSegment(componentId, pricePointId, segmentAttributes(operation.fields), intent(lookup));
    return outcomeOf(api, segment, operation.applied, { type: 'component', id: componentId });
  },
  async find(api, operation) {
    const { component, pricePoint } = operation.fields;
    const componentObject = 'id' in component ? { id: component.id } : await findOnSite(api, component.ref);
    const pricePointObject = 'id' in pricePoint ? { id: pricePoint.id } : await findOnSite(api, pricePoint.ref);
    if (!componentObject || !pricePointObject) return undefined;
    const [componentId, pricePointId] = [objectId(componentObject), objectId(pricePointObject)];
    const segment = await firstMatch(api.listSegments(componentId, pricePointId), (candidate) => matches(operation, candidate));
    return segment ? outcomeOf(api, segment, operation.applied, { type: 'component', id: componentId }) : undefined;
  },
};

function segmentAttributes({ pricingScheme, prices, properties }: SegmentFields): JsonObject {
  const attrs: JsonObject = { pricing_scheme: pricingScheme, prices: wirePrices(prices) };
  properties.forEach((value, i) => {
    if (value !== undefined) attrs[`segment_property_${i + 1}_value`] = value;
  });
  return attrs;
}

/** A segment on the site with the same property values in every position (blank matches unset). */
function matches(operation: SegmentOperation, segment: JsonObject): boolean {
  return operation.fields.properties.every((value, i) => (segment[`segment_property_${i + 1}_value`] ?? undefined)?.toString() === value);
}

/** Refuses the row when the component on the site is not event-based or bills another metric. */
async function checkMetric(api: AdvancedBillingApi, resolver: Resolver, operation: SegmentOperation, componentId: number): Promise<void> {
  const { component, metricId } = operation.fields;
  // By handle: one lookup (cached by the resolver); a site id has no lookup of its own but the list.
  const site =
    'ref' in component
      ? (((await resolver.object(component.ref)) as JsonObject | undefined) ?? (await findOnSite(api, component.ref)))
      : await firstMatch(api.listComponents(), (candidate) => candidate.id === componentId);
  const own = site?.event_based_billing_metric_id;
  if (site === undefined || own === metricId) return;
  const named = writtenAs(component);
  if (typeof own !== 'number') throw new RowError(operation.source, SEGMENT_COLUMNS.component, `component ${named} is not an event-based component on the site: segments need one`);
  throw new RowError(operation.source, SEGMENT_COLUMNS.metricId, `metric_id ${metricId} is not the metric of event-based component ${named} (its metric_id is ${own})`, "Use the component's metric_id, or name the component that bills this metric.");
}
