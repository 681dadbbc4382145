import { ruleTable } from './helpers.js';

const SEGMENT = { component_name: 'API calls', metric_id: '77', component_handle: 'api-calls', pricepoint_handle: 'api-default', property_1: 'EU', pricing_scheme: 'per_unit', per_unit_price: '0.02' };
const references = {
  component: ['api-calls', 'seats'],
  'component-event-based': ['api-calls'],
  'component-metric': ['api-calls/77'],
};
ruleTable('segment-metric', 'ebb-segments', [
  { name: "the component's own metric", rows: [SEGMENT], options: { references }, expected: [] },
  {
    name: 'another metric, and a component that is not event-based',
    rows: [{ ...SEGMENT, metric_id: '78' }, { ...SEGMENT, component_handle: 'seats' }],
    options: { references },
    expected: [
      { row: 2, column: 'metric_id', messageId: 'otherMetric' },
      { row: 3, column: 'metric_id', messageId: 'notEventBased' },
    ],
  },
  { name: 'a component the files do not define (catalog-reference reports it) or a site id', rows: [{ ...SEGMENT, component_handle: 'other' }, { ...SEGMENT, component_handle: '4242' }], options: { references }, expected: [] },
  { name: 'not checked without a components file', rows: [{ ...SEGMENT, metric_id: '78' }], expected: [] },
]);
