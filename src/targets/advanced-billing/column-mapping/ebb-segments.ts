// Where the ebb-segments template's columns go in Advanced Billing (`migrate templates ebb-segments` prints it).
import { bracketMapping, statusMapping, to, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

/** The spec's name for POST …/segments.json. */
const CREATE = 'Create Single Segment';

export const ebbSegmentsMapping: MappingTable = {
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
};
