// "Catalog - EBB Segments": event-based billing segments of an existing component price point.
import { BRACKET_SCHEMES, bracketColumns, bracketGroup, column, is, present, statusColumns, use } from './columns.js';
import { bracketMapping, statusMapping, to, toolkit } from './mapping.js';
import type { TemplateDefinition } from './types.js';

/** The spec's name for POST …/segments.json. */
const CREATE = 'Create Single Segment';

export const ebbSegments: TemplateDefinition = {
  kind: 'ebb-segments',
  title: 'Catalog - EBB Segments',
  description: 'Segments (property-based prices) of event-based component price points.',
  columns: [
    ...statusColumns,
    column('component_name', 'required', 'The name of the component; a value enables validation.'),
    column('metric_id', 'required', "The id of the metric: the event-based component's own metric_id.", [use.integer(1), { rule: 'segment-metric' }]),
    column('component_handle', 'required', 'The handle of the event-based component.', [use.noSpaces, use.catalog('component')]),
    column('pricepoint_handle', 'required', 'The handle of the component price point the segment belongs to.', [
      use.noSpaces,
      use.catalog('component-price-point', 'component_handle'),
    ]),
    column('property_1', 'required', "The segment's first property."),
    column('property_2', 'optional', "The segment's second property."),
    column('property_3', 'optional', "The segment's third property."),
    column('property_4', 'optional', "The segment's fourth property."),
    column('pricing_scheme', 'required', 'per_unit, volume, tiered or stairstep.', [use.allowed(...BRACKET_SCHEMES)]),
    column('per_unit_price', 'conditional', 'The unit price, for per_unit pricing.', [use.requiredIf(is('pricing_scheme', 'per_unit')), use.decimal]),
    ...bracketColumns(''),
  ],
  groups: [bracketGroup('')],
  customFieldPrefixes: [],
  enabledWhen: [present('component_name')],
  sections: [],
  keyColumns: ['component_handle'],
  rowRules: [{ rule: 'pricing-brackets' }],
  provides: [],
  mapping: {
    ...statusMapping,
    component_name: toolkit('row enabler (help: the component is named by component_handle); not sent'),
    metric_id: toolkit("checked against the component's event_based_billing_metric_id before the segment is created (a segment has no metric field); not sent"),
    component_handle: toolkit('reference used to find the event-based component; its id is the path {component_id} of Create Single Segment'),
    pricepoint_handle: toolkit('reference used to find the price point; its id is the path {price_point_id} of Create Single Segment'),
    property_1: to(CREATE, 'segment.segment_property_1_value'),
    property_2: to(CREATE, 'segment.segment_property_2_value'),
    property_3: to(CREATE, 'segment.segment_property_3_value'),
    property_4: to(CREATE, 'segment.segment_property_4_value'),
    pricing_scheme: to(CREATE, 'segment.pricing_scheme'),
    per_unit_price: to(CREATE, 'segment.prices[0].unit_price', 'per_unit: one bracket from 1'),
    ...bracketMapping([CREATE], () => 'segment.prices'),
  },
};
