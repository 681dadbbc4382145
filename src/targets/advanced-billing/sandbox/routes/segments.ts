// Events-based billing segments on a component price point: create and list.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, paginate, publicView, rootObject } from '../fields.js';
import { recordByPathKey, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { componentPricePoint } from './components.js';
import { PRICING_SCHEMES, readBrackets, storedBrackets } from './price-brackets.js';

const PROPERTY_KEYS = ['segment_property_1_value', 'segment_property_2_value', 'segment_property_3_value', 'segment_property_4_value'] as const;

export function registerSegmentRoutes(router: Router): void {
  router.add('POST', '/components/:component/price_points/:point/segments.json', createSegment);
  router.add('GET', '/components/:component/price_points/:point/segments.json', ({ store, params, query }) => {
    const { point } = pricePointOf(store, params.component, params.point);
    const segments = recordsWhere(store, 'segments', (segment) => segment.price_point_id === point.id);
    return reply(200, { segments: paginate(segments, query).map((segment) => publicView(segment)) });
  });
}

function pricePointOf(store: Store, componentKey: string | undefined, pointKey: string | undefined): { component: StoredRecord; point: StoredRecord } {
  const component = recordByPathKey(store, 'components', componentKey, 'Component');
  const point = componentPricePoint(store, component, pointKey ?? '');
  if (!point) throw new SandboxError(404, [messages.recordNotFound('Price point')]);
  return { component, point };
}

function createSegment(context: RequestContext) {
  const { store, params, now } = context;
  const { component, point } = pricePointOf(store, params.component, params.point);
  if (component.kind !== 'event_based_component') throw new SandboxError(422, [messages.segmentsOnlyEventBased]);
  const attrs = rootObject(context, 'segment');
  const errors = new FieldErrors();
  const scheme = errors.oneOf(attrs, 'pricing_scheme', 'Pricing scheme', PRICING_SCHEMES, true);
  const brackets = readBrackets(errors, attrs.prices, undefined, scheme);
  const values: Record<string, string | number | boolean> = {};
  for (const key of PROPERTY_KEYS) {
    const value = attrs[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
  }
  if (PROPERTY_KEYS.every((key) => values[key] === undefined)) errors.add(messages.blank('Segment property 1 value'), 'segment_property_1_value');
  const duplicate = store.find(
    'segments',
    (segment) => segment.price_point_id === point.id && PROPERTY_KEYS.every((key) => (segment[key] ?? null) === (values[key] ?? null)),
  );
  if (duplicate) errors.add(messages.segmentDuplicate, 'base');
  errors.done();
  const at = timestamp(now);
  const id = store.nextId('segments');
  const segment = store.put('segments', {
    id,
    component_id: component.id,
    price_point_id: point.id,
    event_based_billing_metric_id: typeof component.event_based_billing_metric_id === 'number' ? component.event_based_billing_metric_id : 1,
    pricing_scheme: scheme ?? 'per_unit',
    ...values,
    created_at: at,
    updated_at: at,
    prices: storedBrackets(store, brackets, { componentId: component.id, pricePointId: point.id, segmentId: id }),
  });
  return reply(201, { segment: publicView(segment) });
}
